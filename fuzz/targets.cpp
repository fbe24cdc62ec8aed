#include "fuzz/targets.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>

#include "extract/page_markers.h"
#include "vorlesen/document.h"
#include "vorlesen/error.h"
#include "vorlesen/extract.h"
#include "vorlesen/language_data.h"
#include "vorlesen/normalizer.h"
#include "vorlesen/pronouncer.h"
#include "vorlesen/segmenter.h"
#include "vorlesen/settings.h"
#include "vorlesen/synthesizer.h"
#include "vorlesen/text.h"

namespace vorlesen::fuzz {

namespace {

void require(bool ok, const char* what) {
  if (!ok) throw InvariantBroken(std::string("invariant broken: ") + what);
}

// Valid UTF-8 by round trip: repairing it finds nothing to replace.
bool isValidUtf8(std::string_view text) { return repairUtf8(text).bad_sequences == 0; }

// Spans ordered, non-overlapping, inside `outer`, and (when `non_empty`) never empty.
template <typename Items, typename Get>
void requireOrderedSpans(const Items& items, Span outer, bool non_empty, Get get, const char* what) {
  std::size_t at = outer.begin;
  for (const auto& item : items) {
    const Span s = get(item);
    require(s.begin >= at && s.begin <= s.end && s.end <= outer.end, what);
    if (non_empty) require(!s.empty(), what);
    at = s.end;
  }
}

// What every Document must satisfy, however it was made. Extraction may move the title and byline
// to the front (reading order, extract.h), so the blocks are checked in text order.
void requireDocument(const Document& doc) {
  require(isValidUtf8(doc.text), "document text is valid UTF-8");
  std::vector<Span> spans;
  for (const Block& b : doc.blocks) spans.push_back(b.span);
  std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.begin < b.begin; });
  requireOrderedSpans(spans, Span{0, doc.text.size()}, true, [](const Span& s) { return s; },
                      "blocks are non-empty, non-overlapping spans of the text");
}

// Document loading: UTF-8 repair, blank-line and hard-wrap paragraph splitting.
void runDocument(std::string_view bytes) {
  const Document doc = documentFromText("fuzz", bytes);
  requireDocument(doc);
  requireOrderedSpans(doc.blocks, Span{0, doc.text.size()}, true, [](const Block& b) { return b.span; },
                      "plain-text blocks are in text order");
  require(repairUtf8(doc.text).text == doc.text, "UTF-8 repair is idempotent");
  require((doc.bad_utf8 == 0) == (doc.text == bytes), "repair changes exactly the ill-formed input");
  for (const Block& b : doc.blocks) {
    const std::string_view t = doc.slice(b.span);
    require(trim(t).size() == t.size(), "blocks are trimmed");
  }
}

void runSegmenter(std::string_view bytes) {
  static const Segmenter segmenter(LanguageData::german());
  const Document doc = documentFromText("fuzz", bytes);
  for (const Block& block : doc.blocks) {
    const std::vector<Span> sentences = segmenter.split(doc.text, block.span);
    require(!sentences.empty(), "a non-blank block has a sentence");
    requireOrderedSpans(sentences, block.span, true, [](const Span& s) { return s; },
                        "sentences are ordered non-empty spans inside their block");
    for (const Span& s : sentences) {
      const std::string_view t = doc.slice(s);
      require(trim(t).size() == t.size(), "sentences are trimmed");
      require(isValidUtf8(t), "sentences begin and end on code point boundaries");
    }
  }
}

// One line of valid UTF-8, as `vorlesen normalize` feeds it.
void runNormalizer(std::string_view bytes) {
  static const Normalizer normalizer(LanguageData::german());
  std::string text = repairUtf8(bytes).text;
  blankControlCharacters(text);
  const SpokenText spoken = normalizer.normalize(text);
  require(isValidUtf8(spoken.text), "spoken text is valid UTF-8");
  requireOrderedSpans(spoken.pieces, Span{0, spoken.text.size()}, false,
                      [](const AlignedPiece& p) { return p.spoken; }, "pieces are ordered spans of the spoken text");
  for (const AlignedPiece& p : spoken.pieces) {
    require(p.source.begin <= p.source.end && p.source.end <= text.size(), "piece sources lie in the input");
  }
  const Span all = spoken.sourceOf(0, spoken.text.size());
  require(all.begin <= all.end && all.end <= text.size(), "sourceOf() stays inside the input");
}

const PageMarkers& markers() {
  static const PageMarkers m(LanguageData::german());
  return m;
}

void runExtractHtml(std::string_view bytes) { requireDocument(extractHtml("fuzz.html", bytes, markers())); }
void runExtractText(std::string_view bytes) { requireDocument(extractPlainText("fuzz.txt", bytes, markers())); }

// The first byte chooses how many fields a row needs (1 to 4), as the different tables do.
void runTsv(std::string_view bytes) {
  if (bytes.empty()) return;
  const std::size_t min_fields = 1 + static_cast<unsigned char>(bytes[0]) % 4;
  try {
    const TsvTable table = parseTsv(bytes.substr(1), "fuzz.tsv", min_fields);
    std::size_t line = 0;
    for (const TsvRow& row : table.rows) {
      require(row.line > line, "rows are in line order");
      line = row.line;
      require(row.fields.size() >= min_fields, "rows have the required fields");
      for (const std::string& f : row.fields) {
        require(f.find_first_of("\t\n") == std::string::npos, "fields hold no TAB or newline");
      }
    }
  } catch (const Error& e) {
    require(e.kind() == ErrorKind::Data, "a malformed table is a data error");
    require(std::string_view(e.what()).rfind("fuzz.tsv:", 0) == 0, "the message names the file and line");
  }
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

// A message for the terminal: one line, naming the file it is about.
void requireMessage(std::string_view message, std::string_view file, const char* what) {
  require(startsWith(message, file) && message.find('\n') == std::string_view::npos, what);
}

// A user lexicon (Lexicon::load's text after UTF-8 repair), then its words read through a Pronouncer
// with the built-in tables and this lexicon: what reaches the synthesizer stays well formed.
void runLexicon(std::string_view bytes) {
  static const Normalizer normalizer(LanguageData::german());
  const std::string text = repairUtf8(bytes).text;
  const Lexicon lexicon = Lexicon::parse(text, "fuzz.tsv");
  for (const std::string& w : lexicon.warnings) requireMessage(w, "fuzz.tsv:", "a warning is one line naming FILE:LINE");
  std::string words;
  for (const LexiconEntry& e : lexicon.entries) {
    require(!e.word.empty() && e.word.find_first_of(" \t\n") == std::string::npos, "an entry's word is one word");
    require(!e.reading.empty() && e.reading.find_first_of("\t\n<>&") == std::string::npos,
            "a reading holds no TAB, newline or markup");
    if (e.phonemes()) {
      require(e.reading.size() >= 5 && e.reading.compare(e.reading.size() - 2, 2, "]]") == 0 &&
                  e.reading.find("[[", 2) == std::string::npos,
              "phonemes are one [[...]] group");
    }
    if (words.size() < 4096) words += e.word + " ";
  }
  const Pronouncer pronouncer(LanguageData::german(), {lexicon});
  const SpokenText spoken = normalizer.normalize(words);
  const Pronounced out = pronouncer.pronounce(spoken);
  require(isValidUtf8(out.spoken.text), "pronounced text is valid UTF-8");
  requireOrderedSpans(out.spoken.pieces, Span{0, out.spoken.text.size()}, false,
                      [](const AlignedPiece& p) { return p.spoken; }, "pieces are ordered spans of the spoken text");
  requireOrderedSpans(out.runs, Span{0, out.spoken.text.size()}, true, [](const VoiceRun& r) { return r.text; },
                      "voice runs are ordered non-empty spans of the spoken text");
  for (const VoiceRun& r : out.runs) {
    const std::string_view body = std::string_view(out.spoken.text).substr(r.text.begin, r.text.size());
    require(isValidUtf8(body), "voice runs begin and end on code point boundaries");
    if (r.phonemes) require(startsWith(body, "[[") && body.size() >= 5, "a phoneme run is a [[...]] group");
  }
}

// The config file (parseConfig, as loadConfigFile reads it): either one data error naming FILE:LINE,
// or values inside their ranges and warnings naming FILE:LINE; resolving them never fails.
void runConfig(std::string_view bytes) {
  ConfigFile config;
  try {
    config = parseConfig(bytes, "fuzz.toml");
  } catch (const Error& e) {
    require(e.kind() == ErrorKind::Data, "a bad config file is a data error");
    requireMessage(e.what(), "fuzz.toml:", "the error is one line naming FILE:LINE");
    return;
  }
  for (const std::string& w : config.warnings) requireMessage(w, "fuzz.toml:", "a warning is one line naming FILE:LINE");
  const SettingValues& v = config.values;
  require(!v.rate || (*v.rate >= 80 && *v.rate <= 450), "rate is in range");
  require(!v.pitch || (*v.pitch >= 0 && *v.pitch <= 99), "pitch is in range");
  require(!v.volume || (*v.volume >= 0 && *v.volume <= 200), "volume is in range");
  require(!v.sentence_pause_ms || (*v.sentence_pause_ms >= 0 && *v.sentence_pause_ms <= 10000), "pause is in range");
  require(!v.paragraph_pause_ms || (*v.paragraph_pause_ms >= 0 && *v.paragraph_pause_ms <= 10000), "pause is in range");
  static const std::vector<VoicePreset> presets = loadPresets(LanguageData::german());
  const Settings s = resolveSettings(presets, config, SettingValues{});
  require(s.rate.value >= 80 && s.rate.value <= 450, "the resolved rate is in range");
}

// The longest run of single letters each followed by a dot, with spaces, punctuation or format
// characters around the dots ("a.b.", "a . b .", "a.,b.,"): what eSpeak NG 1.51 copies into one fixed
// word buffer (measured with espeak-ng -v de: 120 pieces of each abort with stack smashing).
std::size_t longestDottedLetterRun(std::string_view text) {
  std::size_t longest = 0, run = 0, i = 0;
  char32_t prev = ' ';
  bool letter_pending = false;
  while (i < text.size()) {
    const char32_t cp = nextCodepoint(text, i);
    if (cp == '.') {
      if (letter_pending) longest = std::max(longest, ++run);
      letter_pending = false;
    } else if (u_isspace(static_cast<UChar32>(cp)) || u_ispunct(static_cast<UChar32>(cp)) ||
               u_charType(static_cast<UChar32>(cp)) == U_FORMAT_CHAR) {
      // eSpeak NG 1.51 keeps reading one run across spaces, punctuation and format characters
    } else if (u_isalpha(static_cast<UChar32>(cp)) && !u_isalpha(static_cast<UChar32>(prev)) && !letter_pending) {
      letter_pending = true;
    } else {
      run = 0;
      letter_pending = false;
    }
    prev = cp;
  }
  return longest;
}

// sanitizeForEspeak(), the last step before text reaches eSpeak NG: no byte moves, bytes are only
// ever blanked, no control character and no long dotted-letter run (first crash at 57) survives.
void runEspeakText(std::string_view bytes) {
  const std::string input = repairUtf8(bytes).text;
  std::string safe = input;
  sanitizeForEspeak(safe);
  require(safe.size() == input.size(), "no byte moves");
  for (std::size_t i = 0; i < safe.size(); ++i) {
    const auto c = static_cast<unsigned char>(safe[i]);
    require(c >= 0x20 || c == '\n' || c == '\t', "no C0 control character reaches eSpeak NG");
    require(c != 0x7F, "no DEL reaches eSpeak NG");
    require(safe[i] == input[i] || safe[i] == ' ', "bytes are only ever blanked");
  }
  require(isValidUtf8(safe), "the sanitized text is valid UTF-8");
  require(longestDottedLetterRun(safe) < 40, "no long run of dotted single letters reaches eSpeak NG");
}

}  // namespace

const std::vector<Target>& targets() {
  static const std::vector<Target> all{
      {"document", "document loading and UTF-8 repair", runDocument},
      {"segmenter", "sentence segmentation of every block", runSegmenter},
      {"normalizer", "normalization of one line", runNormalizer},
      {"extract_html", "HTML article extraction", runExtractHtml},
      {"extract_text", "text-dump article extraction", runExtractText},
      {"tsv", "the TSV parser of all language data", runTsv},
      {"espeak_text", "the text cleaning before eSpeak NG", runEspeakText},
      {"lexicon", "a user lexicon and the pronouncer reading its words", runLexicon},
      {"config", "the TOML config file", runConfig},
  };
  return all;
}

const Target* findTarget(std::string_view name) {
  for (const Target& t : targets()) {
    if (name == t.name) return &t;
  }
  return nullptr;
}

}  // namespace vorlesen::fuzz
