#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <set>

#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/synthesizer.h"
#include "vorlesen/text.h"

namespace vorlesen {

namespace {

// eSpeak NG is process-global; this flag enforces "one EspeakSynthesizer per process".
std::atomic<bool> g_espeak_in_use{false};

// The one place an espeak_ng_STATUS becomes an Error.
void checkEspeak(espeak_ng_STATUS status, const std::string& what, ErrorKind kind = ErrorKind::Synthesis) {
  if (status == ENS_OK) return;
  char buf[256];
  espeak_ng_GetStatusCodeMessage(status, buf, sizeof buf);
  // eSpeak NG words its errors in English only; `what` is translated by the caller.
  throw Error(kind, format(tr("eSpeak NG: {}: {}"), what, buf));
}

// State of one synthesize() call, reached from the C callback through the event's user_data.
struct CallContext {
  const AudioCallback* on_audio = nullptr;
  // Byte offset in `text` of each code point of the message eSpeak reads (which may be SSML with
  // tags that are not in `text`); positions past the end map to text.size().
  std::vector<std::size_t> byte_of_codepoint;
  std::string_view text;
  std::vector<Span> phoneme_runs;  // a word event inside one stands for the whole run
  std::size_t samples = 0;
  std::size_t last_word_begin = 0;
  bool any_word = false;
  bool stopped = false;
  std::vector<WordEvent> events;  // reused between blocks

  std::size_t byteOffset(std::size_t cp) const {
    return cp < byte_of_codepoint.size() ? byte_of_codepoint[cp] : text.size();
  }
};

bool isWordEnd(std::string_view text, std::size_t i) {
  const char c = text[i];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t trimTrailingPunctuation(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::size_t i = start;
    if (!u_ispunct(static_cast<UChar32>(nextCodepoint(text, i)))) break;
    end = start;
  }
  return end;
}

constexpr char kResetMessage[] = "<speak></speak>";

int synthCallback(short* wav, int count, espeak_EVENT* events) {
  auto* ctx = static_cast<CallContext*>(events ? events->user_data : nullptr);
  if (!ctx) return 0;
  if (ctx->stopped) return 1;
  ctx->events.clear();
  for (espeak_EVENT* ev = events; ev && ev->type != espeakEVENT_LIST_TERMINATED; ++ev) {
    if (ev->type != espeakEVENT_WORD || ev->text_position <= 0) continue;
    std::size_t begin = ctx->byteOffset(static_cast<std::size_t>(ev->text_position - 1));
    // eSpeak sometimes reports spurious words that jump back to an earlier position: drop them.
    if (ctx->any_word && begin <= ctx->last_word_begin) continue;
    std::size_t end;
    if (ev->length > 0) {
      end = ctx->byteOffset(static_cast<std::size_t>(ev->text_position - 1 + ev->length));
    } else {
      // eSpeak gives no length after an opening quote: take the word up to white space, without
      // trailing punctuation ("Übermaß“," -> "Übermaß").
      end = begin;
      while (end < ctx->text.size() && !isWordEnd(ctx->text, end)) ++end;
      end = trimTrailingPunctuation(ctx->text, begin, end);
    }
    for (const Span& run : ctx->phoneme_runs) {
      if (run.contains(begin)) {
        begin = run.begin;
        end = run.end;
      }
    }
    ctx->any_word = true;
    ctx->last_word_begin = begin;
    ctx->events.push_back(WordEvent{static_cast<std::size_t>(ev->sample), Span{begin, std::min(end, ctx->text.size())}});
  }
  if (count > 0 || !ctx->events.empty()) {
    const std::size_t n = count > 0 && wav ? static_cast<std::size_t>(count) : 0;
    if (!(*ctx->on_audio)(reinterpret_cast<const std::int16_t*>(wav), n, ctx->events)) {
      ctx->stopped = true;
      return 1;
    }
    ctx->samples += n;
  }
  return 0;
}

}  // namespace

namespace {

// eSpeak NG 1.51 deadlocks in espeak_ng_Terminate() after a second espeak_ng_Initialize() in the same
// process, so the engine is initialized once, on first use, and terminated at exit.
int initializeEspeakOnce() {
  static std::mutex mutex;
  static int sample_rate = 0;
  const std::lock_guard<std::mutex> lock(mutex);
  if (sample_rate > 0) return sample_rate;
  espeak_ng_InitializePath(nullptr);
  espeak_ng_ERROR_CONTEXT context = nullptr;
  const espeak_ng_STATUS status = espeak_ng_Initialize(&context);
  if (context) espeak_ng_ClearErrorContext(&context);
  checkEspeak(status, tr("cannot initialize (is the espeak-ng-data package installed?)"));
  checkEspeak(espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr), tr("cannot set up output"));
  espeak_SetSynthCallback(synthCallback);
  sample_rate = espeak_ng_GetSampleRate();
  std::atexit([] { espeak_ng_Terminate(); });
  return sample_rate;
}

}  // namespace

EspeakSynthesizer::EspeakSynthesizer() {
  if (g_espeak_in_use.exchange(true)) {
    throw Error::synthesis("eSpeak NG is already in use in this process (it is not thread-safe)");
  }
  try {
    sample_rate_ = initializeEspeakOnce();
    setVoice(VoiceParams{});
  } catch (...) {
    g_espeak_in_use = false;
    throw;
  }
}

EspeakSynthesizer::~EspeakSynthesizer() { g_espeak_in_use = false; }

std::vector<std::string> EspeakSynthesizer::variants() const {
  espeak_VOICE spec{};
  spec.languages = "variant";
  std::vector<std::string> out;
  for (const espeak_VOICE** v = espeak_ListVoices(&spec); v && *v; ++v) {
    // Identifiers look like "!v/f2".
    const char* id = (*v)->identifier;
    const char* slash = id ? std::strrchr(id, '/') : nullptr;
    if (slash) out.emplace_back(slash + 1);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool EspeakSynthesizer::hasLanguage(const std::string& language) const { return espeakHasLanguage(language); }

bool espeakHasLanguage(const std::string& language) {
  // Listing voices again and again makes eSpeak NG 1.51 grow its voice table until it is full
  // ("maximum number of voices reached"), and races with synthesis on another thread: read once.
  static const std::set<std::string> languages = [] {
    std::set<std::string> out;
    espeak_ng_InitializePath(nullptr);
    for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v && *v; ++v) {
      if (!(*v)->identifier || std::strncmp((*v)->identifier, "mb/", 3) == 0) continue;
      if ((*v)->name) out.insert((*v)->name);
      for (const char* p = (*v)->languages; p && *p; p += std::strlen(p + 1) + 2) out.insert(p + 1);
    }
    return out;
  }();
  return languages.count(language) > 0;
}

std::vector<VoiceInfo> EspeakSynthesizer::germanVoices() const {
  std::vector<VoiceInfo> out;
  for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v && *v; ++v) {
    const espeak_VOICE* voice = *v;
    if (!voice->identifier || std::strncmp(voice->identifier, "mb/", 3) == 0) continue;
    // `languages` is a list of (priority byte, NUL-terminated name), ended by a zero byte.
    for (const char* p = voice->languages; p && *p; p += std::strlen(p + 1) + 2) {
      const std::string lang(p + 1);
      if (lang == "de" || lang.rfind("de-", 0) == 0) {
        const char* slash = std::strrchr(voice->identifier, '/');
        out.push_back(VoiceInfo{slash ? slash + 1 : voice->identifier, lang, voice->identifier});
        break;
      }
    }
  }
  return out;
}

void EspeakSynthesizer::setVoice(const VoiceParams& params) {
  const std::string& name = params.voice;
  const std::size_t plus = name.find('+');
  if (plus != std::string::npos) {
    // eSpeak silently ignores an unknown variant; check it ourselves.
    const std::string variant = name.substr(plus + 1);
    const auto known = variants();
    if (std::find(known.begin(), known.end(), variant) == known.end()) {
      throw Error::usage(format(tr("unknown voice variant '{}' in '{}' (see 'vorlesen voices')"), variant, name));
    }
  }
  const espeak_ng_STATUS status = espeak_ng_SetVoiceByName(name.c_str());
  if (name != params_.voice) word_phonemes_.clear();
  if (status != ENS_OK) {
    throw Error::usage(format(tr("unknown voice '{}' (see 'vorlesen voices')"), name));
  }
  checkEspeak(espeak_ng_SetParameter(espeakRATE, kRateRange.clamp(params.rate), 0), tr("setting the rate"));
  checkEspeak(espeak_ng_SetParameter(espeakPITCH, kPitchRange.clamp(params.pitch), 0), tr("setting the pitch"));
  checkEspeak(espeak_ng_SetParameter(espeakVOLUME, kVolumeRange.clamp(params.volume), 0), tr("setting the volume"));
  params_ = params;
}

std::size_t EspeakSynthesizer::synthesize(std::string_view text, const AudioCallback& on_audio) {
  std::string safe(text);
  sanitizeForEspeak(safe);
  std::vector<std::size_t> byte_of_codepoint;
  for (std::size_t i = 0; i < safe.size();) {
    byte_of_codepoint.push_back(i);
    nextCodepoint(safe, i);
  }
  return speak(safe, espeakCHARS_UTF8, safe, std::move(byte_of_codepoint), {}, on_audio);
}

namespace {

// Appends `text` to an SSML message, escaped, recording for each code point written the byte of
// `text` it stands for. "[[" would start phoneme input (espeakPHONEMES is on): it gets a space.
void appendSsmlText(std::string& ssml, std::vector<std::size_t>& map, std::string_view text, std::size_t base) {
  char32_t prev = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t cp = nextCodepoint(text, i);
    const char* escaped = cp == '&' ? "&amp;" : cp == '<' ? "&lt;" : cp == '>' ? "&gt;" : nullptr;
    if (cp == '[' && prev == '[') {
      ssml.push_back(' ');
      map.push_back(base + at);
    }
    if (escaped) {
      for (const char* e = escaped; *e; ++e) map.push_back(base + at);
      ssml.append(escaped);
    } else {
      ssml.append(text.substr(at, i - at));
      map.push_back(base + at);
    }
    prev = cp;
  }
}

// Appends text for espeak_TextToPhonemes with phoneme input on: "[[" gets a space.
void appendPlainText(std::string& out, std::string_view text) {
  for (char c : text) {
    if (c == '[' && !out.empty() && out.back() == '[') out.push_back(' ');
    out.push_back(c);
  }
}

// Markup that stands for no byte of the text: its code points point at byte `at`.
void appendSsmlTag(std::string& ssml, std::vector<std::size_t>& map, std::string_view tag, std::size_t at) {
  for (std::size_t i = 0; i < tag.size();) {
    nextCodepoint(tag, i);
    map.push_back(at);
  }
  ssml.append(tag);
}

// eSpeak NG 1.51 drops a "[[...]]" word that follows anything but white space („[[...]]“, "(", "-"),
// and one followed by a letter or a hyphen: such a word gets a space on that side.
bool needsSpaceBefore(std::string_view message) {
  return !message.empty() && !isAsciiSpace(message.back());
}
bool needsSpaceAfter(std::string_view text, std::size_t end) {
  if (end >= text.size()) return false;
  std::size_t i = end;
  const char32_t next = nextCodepoint(text, i);
  return next == '-' || u_isalnum(static_cast<UChar32>(next)) || next == '[';
}

// The phonemes of a phoneme piece, without markup characters (they cannot be phonemes).
void appendPhonemes(std::string& out, std::vector<std::size_t>& map, std::string_view body, std::size_t base,
                    bool one_position) {
  for (std::size_t i = 0; i < body.size();) {
    const std::size_t at = i;
    const char32_t cp = nextCodepoint(body, i);
    if (cp == '<' || cp == '>' || cp == '&') continue;
    out.append(body.substr(at, i - at));
    map.push_back(one_position ? base : base + at);
  }
}

bool plainVoiceName(const std::string& name) {
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; });
}

}  // namespace

// One stretch of a message that is not plain main-voice text.
struct EspeakSynthesizer::Piece {
  Span text;              // the bytes of the text it stands for
  std::string language;   // another voice's language; empty: the main voice
  bool phonemes = false;  // spoken from eSpeak phonemes
  std::string content;    // a respelled word's "[[...]]"; empty: the text's own bytes
};

// The runs as pieces: a rewriter's stretch becomes one phoneme piece per respelled word.
std::vector<EspeakSynthesizer::Piece> EspeakSynthesizer::resolveRuns(std::string_view text,
                                                                    const std::vector<VoiceRun>& runs) {
  std::vector<Piece> pieces;
  std::size_t pos = 0;
  const PhonemeLookup lookup = [this](std::string_view word) { return wordPhonemes(word); };
  for (const VoiceRun& run : runs) {
    if (run.text.begin < pos || run.text.end > text.size()) continue;  // not ordered: read as main voice
    pos = run.text.end;
    if (!run.rewriter) {
      pieces.push_back(Piece{run.text, run.language, run.phonemes, {}});
      continue;
    }
    for (PhonemeRespelling& r : run.rewriter->respell(text.substr(run.text.begin, run.text.size()), lookup)) {
      const Span word{run.text.begin + r.word.begin, run.text.begin + r.word.end};
      if (word.end > run.text.end || word.empty()) continue;
      pieces.push_back(Piece{word, {}, true, "[[" + r.phonemes + "]]"});
    }
  }
  return pieces;
}

std::size_t EspeakSynthesizer::synthesizeRuns(std::string_view text, const std::vector<VoiceRun>& runs,
                                              const AudioCallback& on_audio) {
  std::string safe(text);
  sanitizeForEspeak(safe);
  const std::vector<Piece> pieces = resolveRuns(safe, runs);
  if (pieces.empty()) return synthesize(text, on_audio);
  // A foreign run keeps the main voice's variant, so a female German voice reads English as a woman.
  const std::size_t plus = params_.voice.find('+');
  const std::string variant = plus == std::string::npos ? "" : params_.voice.substr(plus);
  std::string ssml;
  std::vector<std::size_t> map;
  std::vector<Span> phoneme_runs;
  std::size_t pos = 0;
  for (const Piece& piece : pieces) {
    appendSsmlText(ssml, map, std::string_view(safe).substr(pos, piece.text.begin - pos), pos);
    const std::string_view body = std::string_view(safe).substr(piece.text.begin, piece.text.size());
    // Only plain voice names go into the tag; anything else is read by the main voice.
    const std::string open_tag =
        piece.language.empty() || !plainVoiceName(piece.language) ? "" : "<voice name=\"" + piece.language + variant + "\">";
    appendSsmlTag(ssml, map, open_tag, piece.text.begin);
    if (piece.phonemes) {
      phoneme_runs.push_back(piece.text);
      if (needsSpaceBefore(ssml)) appendSsmlTag(ssml, map, " ", piece.text.begin);
      // The Pronouncer hands "[[...]]" through unchanged; a respelled word stands at its first byte.
      const bool respelled = !piece.content.empty();
      appendPhonemes(ssml, map, respelled ? std::string_view(piece.content) : body, piece.text.begin, respelled);
      if (needsSpaceAfter(safe, piece.text.end)) appendSsmlTag(ssml, map, " ", piece.text.end);
    } else {
      appendSsmlText(ssml, map, body, piece.text.begin);
    }
    if (!open_tag.empty()) appendSsmlTag(ssml, map, "</voice>", piece.text.end);
    pos = piece.text.end;
  }
  appendSsmlText(ssml, map, std::string_view(safe).substr(pos), pos);
  return speak(ssml, espeakCHARS_UTF8 | espeakSSML | espeakPHONEMES, safe, std::move(map), std::move(phoneme_runs), on_audio);
}

// espeak_TextToPhonemes over all clauses of `text`, joined by spaces. eSpeak reads "[[...]]" as
// phonemes and markup as text only as its last synthesis call said; callers set that up.
std::string EspeakSynthesizer::translate(const std::string& text, int phoneme_mode) {
  if (!translated_) {
    // The first translation of a process sometimes comes out with a wrong phoneme ("Z" for "z").
    translated_ = true;
    translate("eins", phoneme_mode);
  }
  std::string out;
  const void* p = text.c_str();
  for (std::size_t guard = 0; p && guard <= text.size(); ++guard) {
    const char* phonemes = espeak_TextToPhonemes(&p, espeakCHARS_UTF8, phoneme_mode);
    if (!phonemes || !*phonemes) continue;
    if (!out.empty()) out.push_back(' ');
    out.append(phonemes);
  }
  return out;
}

std::string EspeakSynthesizer::wordPhonemes(std::string_view word) {
  if (const auto it = word_phonemes_.find(word); it != word_phonemes_.end()) return it->second;
  std::string phonemes = translate(std::string(word), '|' << 8);
  // Alone, a word starts a clause: drop the clause's opening pause.
  if (phonemes.rfind("_!|", 0) == 0) phonemes.erase(0, 3);
  // More than one word (a number, an abbreviation) or a switch to another language: not ours to fix.
  if (phonemes.find_first_of(" (") != std::string::npos) phonemes.clear();
  if (word_phonemes_.size() >= 100000) word_phonemes_.clear();  // a bound for endless documents
  word_phonemes_.emplace(word, phonemes);
  return phonemes;
}

std::string EspeakSynthesizer::spokenIpa(std::string_view text, const std::vector<VoiceRun>& runs) {
  std::string safe(text);
  sanitizeForEspeak(safe);
  const std::vector<Piece> pieces = resolveRuns(safe, runs);
  // TextToPhonemes reads "[[...]]" as phonemes and <...> as text as the last synthesis call's flags
  // say: an empty message sets them.
  unsigned int uid = 0;
  espeak_ng_Synthesize("", 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8 | espeakPHONEMES, &uid, nullptr);
  std::string out;
  std::string main_voice;  // main-voice text gathered until a foreign piece or the end
  std::vector<std::size_t> unused_map;
  const auto flush = [&](const std::string& language) {
    if (isSpaceOnly(main_voice)) return main_voice.clear();
    if (!language.empty()) checkEspeak(espeak_ng_SetVoiceByName(language.c_str()), "selecting voice " + language);
    const std::string ipa = translate(main_voice, espeakPHONEMES_IPA);
    if (!language.empty()) checkEspeak(espeak_ng_SetVoiceByName(params_.voice.c_str()), "selecting voice " + params_.voice);
    if (!ipa.empty() && !out.empty()) out.push_back(' ');
    out += ipa;
    main_voice.clear();
  };
  std::size_t pos = 0;
  for (const Piece& piece : pieces) {
    appendPlainText(main_voice, std::string_view(safe).substr(pos, piece.text.begin - pos));
    const std::string_view body = std::string_view(safe).substr(piece.text.begin, piece.text.size());
    if (!piece.language.empty() && plainVoiceName(piece.language)) {
      flush({});
      appendPlainText(main_voice, body);
      flush(piece.language);
    } else if (piece.phonemes) {
      main_voice += ' ';
      appendPhonemes(main_voice, unused_map, piece.content.empty() ? body : std::string_view(piece.content), 0, true);
      main_voice += ' ';
    } else {
      appendPlainText(main_voice, body);
    }
    pos = piece.text.end;
  }
  appendPlainText(main_voice, std::string_view(safe).substr(pos));
  flush({});
  return out;
}

std::size_t EspeakSynthesizer::speak(const std::string& message, unsigned int flags, std::string_view text,
                                     std::vector<std::size_t> byte_of_codepoint, std::vector<Span> phoneme_runs,
                                     const AudioCallback& on_audio) {
  CallContext ctx;
  ctx.on_audio = &on_audio;
  ctx.byte_of_codepoint = std::move(byte_of_codepoint);
  ctx.text = text;
  ctx.phoneme_runs = std::move(phoneme_runs);
  // Parameters are process-global in eSpeak: set them again before each message.
  checkEspeak(espeak_ng_SetParameter(espeakRATE, kRateRange.clamp(params_.rate), 0), tr("setting the rate"));
  unsigned int uid = 0;
  const espeak_ng_STATUS status =
      espeak_ng_Synthesize(message.c_str(), message.size() + 1, 0, POS_CHARACTER, 0, flags, &uid, &ctx);
  if (!ctx.stopped) {
    checkEspeak(status, tr("synthesis failed"));
  } else if (flags & espeakSSML) {
    // A message stopped inside SSML leaves eSpeak NG 1.51's SSML state behind: the next plain
    // message came out 0.2 s longer, and stayed so. An empty SSML message (no callback context: its
    // audio, 33 ms of silence, goes nowhere) sets it back; it costs well under a millisecond.
    espeak_ng_Synthesize(kResetMessage, sizeof kResetMessage, 0, POS_CHARACTER, 0, espeakCHARS_UTF8 | espeakSSML,
                         &uid, nullptr);
  }
  return ctx.samples;
}

void sanitizeForEspeak(std::string& text) {
  blankControlCharacters(text);
  // Runs of single letters each followed by a dot ("a.b.c.", "z.B.z.B.", "a . b .") overflow a
  // fixed buffer in eSpeak NG 1.51 from about 57 letters on. Runs of 8 or more get their dots
  // replaced by spaces, byte for byte, which reads the same and keeps every offset. Punctuation and
  // invisible format characters between the pieces do not end a run: "a.,b.,", "a.;", "a.…", "a.–",
  // "a._" and a soft hyphen before or after the dot crash 1.51 just the same (120 pieces, tested).
  constexpr std::size_t kLongRun = 8;
  std::vector<std::size_t> dots;
  std::size_t letters = 0;
  auto finish_run = [&] {
    if (letters >= kLongRun && dots.size() >= kLongRun) {
      for (std::size_t d : dots) text[d] = ' ';
    }
    dots.clear();
    letters = 0;
  };
  char32_t prev = ' ';
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t at = i;
    const char32_t cp = nextCodepoint(text, i);
    if (cp == '.') {
      dots.push_back(at);
    } else if (u_isspace(static_cast<UChar32>(cp)) || u_ispunct(static_cast<UChar32>(cp)) ||
               u_charType(static_cast<UChar32>(cp)) == U_FORMAT_CHAR) {
      // spaces, punctuation and format characters may separate the letters and dots of one run
    } else if (u_isalpha(static_cast<UChar32>(cp))) {
      std::size_t j = i;
      const char32_t next = j < text.size() ? nextCodepoint(text, j) : U' ';
      if (u_isalpha(static_cast<UChar32>(prev)) || u_isalpha(static_cast<UChar32>(next))) {
        finish_run();  // part of a word, not a single letter
      } else {
        ++letters;
      }
    } else {
      finish_run();
    }
    prev = cp;
  }
  finish_run();
}

}  // namespace vorlesen
