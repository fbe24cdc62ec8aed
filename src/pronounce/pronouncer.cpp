#include "vorlesen/pronouncer.h"

#include <unicode/locid.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"
#include "vorlesen/text.h"
#include "pronounce/phoneme_rules.h"
#include "pronounce/words.h"

namespace vorlesen {

using pronounce::lowerCase;
using pronounce::wordCore;

namespace {

// A short origin for messages and --explain: "lexicon.tsv:12".
std::string originOf(const std::string& path, std::size_t line) {
  return std::filesystem::path(path).filename().string() + ":" + std::to_string(line);
}

std::string problemWithPhonemes(std::string_view reading) {
  if (reading.size() < 5 || reading.substr(reading.size() - 2) != "]]") return tr("phonemes must be written [[...]]");
  const std::string_view inner = reading.substr(2, reading.size() - 4);
  if (inner.find_first_of("<>&") != std::string_view::npos) return tr("phonemes must not contain < > or &");
  if (std::any_of(inner.begin(), inner.end(), [](char c) { return static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e; })) {
    return tr("phonemes are ASCII eSpeak NG mnemonics without spaces");
  }
  if (inner.find("]]") != std::string_view::npos || inner.find("[[") != std::string_view::npos) {
    return tr("phonemes must be one [[...]] group");
  }
  return {};
}

bool validLanguage(std::string_view lang) {
  return !lang.empty() && lang.size() <= 16 &&
         std::all_of(lang.begin(), lang.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; });
}

}  // namespace

Lexicon Lexicon::parse(std::string_view text, const std::string& path) { return fromTable(parseTsv(text, path)); }

Lexicon Lexicon::fromTable(const TsvTable& table) {
  Lexicon lex;
  const std::string& path = table.path;
  for (const TsvRow& row : table.rows) {
    const std::string where = path + ":" + std::to_string(row.line);
    const auto bad = [&](const std::string& problem) {
      lex.warnings.push_back(format(tr("{}: {} (line skipped)"), where, problem));
    };
    const std::string word(trim(row.fields[0]));
    if (row.fields.size() < 2) {
      bad(tr("expected WORD<TAB>READING, found no TAB"));
      continue;
    }
    const std::string reading(trim(row.fields[1]));
    if (word.empty()) {
      bad(tr("empty word"));
    } else if (word.find_first_of(" \t") != std::string::npos) {
      bad(format(tr("word '{}' contains a space; an entry is one word"), word));
    } else if (reading.empty()) {
      bad(format(tr("empty reading for '{}'"), word));
    } else if (row.fields.size() > 3) {
      bad(tr("too many fields (expected WORD<TAB>READING[<TAB>LANGUAGE])"));
    } else if (row.fields.size() == 3 && !validLanguage(trim(row.fields[2]))) {
      bad(format(tr("language '{}' is not an eSpeak language name such as en"), row.fields[2]));
    } else if (row.fields.size() == 3 && reading.rfind("[[", 0) != 0 && reading.find('\'') != std::string::npos) {
      // Runs of "s'" smash eSpeak NG 1.51's stack in its English voice.
      bad(tr("a reading for another language must not contain an apostrophe"));
    } else if (reading.rfind("[[", 0) == 0 && !problemWithPhonemes(reading).empty()) {
      bad(problemWithPhonemes(reading));
    } else if (reading.rfind("[[", 0) != 0 && reading.find_first_of("[]<>&") != std::string::npos) {
      bad(format(tr("reading '{}' contains [ ] < > or &; phonemes are written [[...]]"), reading));
    } else {
      LexiconEntry e;
      e.word = word;
      e.reading = reading;
      e.language = row.fields.size() == 3 ? std::string(trim(row.fields[2])) : std::string();
      e.origin = originOf(path, row.line);
      e.path_line = where;
      lex.entries.push_back(std::move(e));
    }
  }
  return lex;
}

Lexicon Lexicon::load(const std::string& path) {
  if (std::filesystem::is_directory(path)) throw Error::input(format(tr("{}: is a directory, not a lexicon file"), path));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error::fromErrno(ErrorKind::Input, path, N_("cannot open lexicon"), errno);
  std::ostringstream buf;
  buf << in.rdbuf();
  const Utf8Repair text = repairUtf8(buf.str());
  Lexicon lex = parse(text.text, path);
  if (text.bad_sequences > 0) {
    lex.warnings.insert(lex.warnings.begin(),
                        format(tr("{}: invalid UTF-8 at byte {} (replaced by U+FFFD)"), path, text.first_bad_offset));
  }
  return lex;
}

const char* kindName(PronunciationKind kind) {
  switch (kind) {
    case PronunciationKind::Lexicon: return "lexicon";
    case PronunciationKind::Foreign: return "foreign";
    case PronunciationKind::Acronym: return "acronym";
  }
  return "?";
}

std::string describe(const PronunciationDecision& d) {
  std::string reading = d.reading;
  if (!d.language.empty()) reading += " [" + d.language + "]";
  return std::string(kindName(d.kind)) + "\t" + d.word + "\t" + reading;
}

namespace {

// A lexicon entry and how strong it is: later files and later lines win.
struct Ranked {
  const LexiconEntry* entry = nullptr;
  std::size_t rank = 0;
};

struct Acronym {
  bool spell = true;
  std::string reading;  // for word readings; empty: the word with only its first letter capital
  std::string origin;
};

struct ForeignPattern {
  std::unique_ptr<icu::RegexPattern> regex;
  std::string language;
  std::string origin;
};

// One change to the input spoken text: `in` is replaced by `out` and maybe read by another voice.
struct Edit {
  Span in;
  std::string out;
  std::string language;
  bool phonemes = false;
  bool final = true;  // a lexicon reading or a foreign word; an acronym's letters may still be respelled
};

bool isUpperWord(std::string_view s, std::size_t min_letters, std::size_t max_letters) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (!u_isupper(static_cast<UChar32>(nextCodepoint(s, i)))) return false;
    ++n;
  }
  return n >= min_letters && n <= max_letters;
}

bool hasLowercase(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (u_islower(static_cast<UChar32>(nextCodepoint(s, i)))) return true;
  }
  return false;
}

// "K-I" from "KI": letters joined by hyphens, which eSpeak reads with German letter names, unpaused.
std::string spelled(std::string_view word) {
  std::string out;
  for (std::size_t i = 0; i < word.size();) {
    const std::size_t at = i;
    nextCodepoint(word, i);
    if (!out.empty()) out.push_back('-');
    out.append(word.substr(at, i - at));
  }
  return out;
}

// "Nato" from "NATO".
std::string asWord(std::string_view word) {
  std::size_t first = 0;
  nextCodepoint(word, first);
  return std::string(word.substr(0, first)) + lowerCase(word.substr(first));
}

}  // namespace

struct Pronouncer::Impl {
  std::vector<Lexicon> lexicons;  // built-in first; entries point into these
  const std::uint64_t id = pronounce::nextMatcherOwnerId();  // for the per-thread regex matchers (foreignWord)
  std::map<std::string, Ranked, std::less<>> exact;  // entries with a capital letter
  std::map<std::string, Ranked, std::less<>> folded;  // all-lowercase entries, by lowercase word
  std::map<std::string, std::pair<std::string, std::string>, std::less<>> foreign;  // lowercase -> language, origin
  std::vector<ForeignPattern> patterns;
  std::vector<const icu::RegexPattern*> pattern_ptrs;  // patterns[i].regex, for threadMatchers
  std::shared_ptr<const pronounce::PhonemeRules> rules;  // phoneme_rules.tsv; null when absent
  std::map<std::string, Acronym, std::less<>> acronyms;
  std::vector<std::string> warnings;

  LanguageCheck has_language;

  bool languageOk(const std::string& language, const std::string& where) {
    if (language.empty() || !has_language || has_language(language)) return true;
    warnings.push_back(format(tr("{}: eSpeak NG has no voice for language '{}' (line skipped)"), where, language));
    return false;
  }

  void addLexicon(Lexicon lex) {
    warnings.insert(warnings.end(), lex.warnings.begin(), lex.warnings.end());
    lex.entries.erase(std::remove_if(lex.entries.begin(), lex.entries.end(),
                                     [&](const LexiconEntry& e) { return !languageOk(e.language, e.path_line); }),
                      lex.entries.end());
    lexicons.push_back(std::move(lex));
  }

  void indexLexicons() {
    std::size_t rank = 0;
    for (const Lexicon& lex : lexicons) {
      for (const LexiconEntry& e : lex.entries) {
        ++rank;
        // Written in lower case: matches any capitalization; with a capital: only that spelling.
        if (lowerCase(e.word) == e.word) {
          folded[e.word] = Ranked{&e, rank};
        } else {
          exact[e.word] = Ranked{&e, rank};
        }
      }
    }
  }

  // The main-voice phoneme readings of the lexicons by lower-case word (a later entry wins), which
  // also hold inside compounds.
  std::map<std::string, std::string, std::less<>> partReadings() const {
    std::map<std::string, std::string, std::less<>> out;
    for (const Lexicon& lex : lexicons) {
      for (const LexiconEntry& e : lex.entries) {
        if (e.phonemes() && e.language.empty()) out[lowerCase(e.word)] = e.reading.substr(2, e.reading.size() - 4);
      }
    }
    return out;
  }

  const LexiconEntry* lookupLexicon(std::string_view word) const {
    const auto ex = exact.find(word);
    const auto fo = folded.find(lowerCase(word));
    const Ranked a = ex == exact.end() ? Ranked{} : ex->second;
    const Ranked b = fo == folded.end() ? Ranked{} : fo->second;
    return a.rank >= b.rank ? a.entry : b.entry;
  }

  void loadForeign(const TsvTable& table) {
    for (const TsvRow& row : table.rows) {
      const std::string where = table.path + ":" + std::to_string(row.line);
      if (row.fields.size() != 2 || !validLanguage(row.fields[1])) {
        throw Error::data(where + ": expected ENTRY<TAB>LANGUAGE (e.g. Hype<TAB>en)");
      }
      const std::string& entry = row.fields[0];
      if (!languageOk(row.fields[1], where)) continue;
      if (!entry.empty() && entry[0] == '~') {
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse_error;
        ForeignPattern p;
        p.regex.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(entry.substr(1)), UREGEX_CASE_INSENSITIVE,
                                                 parse_error, status));
        if (U_FAILURE(status)) throw Error::data(where + ": bad regular expression: " + u_errorName(status));
        p.language = row.fields[1];
        p.origin = originOf(table.path, row.line);
        pattern_ptrs.push_back(p.regex.get());
        patterns.push_back(std::move(p));
      } else {
        foreign[lowerCase(entry)] = {row.fields[1], originOf(table.path, row.line)};
      }
    }
  }

  void loadAcronyms(const TsvTable& table) {
    for (const TsvRow& row : table.rows) {
      const std::string where = table.path + ":" + std::to_string(row.line);
      if (row.fields.size() < 2 || row.fields.size() > 3 || (row.fields[1] != "spell" && row.fields[1] != "word")) {
        throw Error::data(where + ": expected ACRONYM<TAB>spell|word[<TAB>READING]");
      }
      Acronym a;
      a.spell = row.fields[1] == "spell";
      if (row.fields.size() == 3) a.reading = row.fields[2];
      a.origin = originOf(table.path, row.line);
      acronyms[row.fields[0]] = std::move(a);
    }
  }

  // Foreign language of a word (from the list or a pattern), with where that came from.
  bool foreignWord(std::string_view word, std::string& language, std::string& origin) const {
    if (const auto it = foreign.find(lowerCase(word)); it != foreign.end()) {
      language = it->second.first;
      origin = it->second.second;
      return true;
    }
    if (patterns.empty()) return false;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<std::int32_t>(word.size())));
    std::vector<std::unique_ptr<icu::RegexMatcher>>& matchers = pronounce::threadMatchers(id, pattern_ptrs);
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      const ForeignPattern& p = patterns[i];
      icu::RegexMatcher* m = matchers[i].get();
      if (!m) continue;
      UErrorCode status = U_ZERO_ERROR;
      m->reset(u);
      if (m->matches(status) && U_SUCCESS(status)) {
        language = p.language;
        origin = p.origin;
        return true;
      }
    }
    return false;
  }

  // Decides one word (or one hyphen-separated part of a word); false when it is left alone.
  bool decide(std::string_view text, Span word, bool headline, std::vector<Edit>& edits,
              std::vector<PronunciationDecision>& decisions) const {
    const std::string_view w = text.substr(word.begin, word.size());
    PronunciationDecision d;
    d.word = std::string(w);
    Edit edit;
    edit.in = word;
    if (const LexiconEntry* e = lookupLexicon(w)) {
      d.kind = PronunciationKind::Lexicon;
      edit.out = e->reading;
      edit.language = e->language;
      edit.phonemes = e->phonemes();
      d.because = e->origin;
    } else if (std::string lang, origin; foreignWord(w, lang, origin)) {
      d.kind = PronunciationKind::Foreign;
      edit.out = std::string(w);
      edit.language = lang;
      d.because = origin;
    } else if (const auto a = acronyms.find(w); a != acronyms.end()) {
      d.kind = PronunciationKind::Acronym;
      edit.final = false;
      edit.out = a->second.spell ? spelled(w) : a->second.reading.empty() ? asWord(w) : a->second.reading;
      d.because = a->second.origin;
    } else if (!headline && isUpperWord(w, 2, 5)) {
      d.kind = PronunciationKind::Acronym;
      edit.final = false;
      edit.out = spelled(w);
      d.because = "unknown capitals";
    } else {
      return false;
    }
    d.reading = edit.out;
    d.language = edit.language;
    edits.push_back(std::move(edit));
    decisions.push_back(std::move(d));
    return true;
  }

  // Decides every word of `text` (as a whole, else part by part when hyphenated).
  void collectEdits(std::string_view text, std::vector<Edit>& edits, std::vector<PronunciationDecision>& decisions) const {
    // A sentence in capitals ("EILMELDUNG: STURM IN BERLIN") is a headline, not a row of acronyms.
    const bool headline = !hasLowercase(text) && text.find(' ') != std::string_view::npos;
    pronounce::forEachWord(text, [&](Span core) {
      if (decide(text, core, headline, edits, decisions)) return;
      // Not known as a whole: look at the parts of a hyphenated word ("CDU-Chef", "Tech-Konzern").
      if (text.substr(core.begin, core.size()).find('-') == std::string_view::npos) return;
      pronounce::forEachHyphenPart(text, core, [&](Span part) { decide(text, part, headline, edits, decisions); });
    });
  }
};

namespace {

// The input text with every edit applied, and where each edit's output landed.
std::string applyEdits(std::string_view text, const std::vector<Edit>& edits, std::vector<Span>& edit_out) {
  std::string spoken;
  std::size_t pos = 0;
  for (const Edit& e : edits) {
    spoken.append(text.substr(pos, e.in.begin - pos));
    const std::size_t b = spoken.size();
    spoken.append(e.out);
    edit_out.push_back(Span{b, spoken.size()});
    pos = e.in.end;
  }
  spoken.append(text.substr(pos));
  return spoken;
}

// The alignment after the edits: a replaced word gets one piece pointing at the source of everything
// it replaced; pieces outside edits move by the length change before them.
std::vector<AlignedPiece> carryAlignment(const SpokenText& in, const std::vector<Edit>& edits,
                                         const std::vector<Span>& edit_out) {
  const auto shift = [&](std::size_t offset) {  // output offset of an input offset outside every edit
    std::size_t delta_plus = 0, delta_minus = 0;
    for (std::size_t k = 0; k < edits.size() && edits[k].in.end <= offset; ++k) {
      delta_plus += edit_out[k].size();
      delta_minus += edits[k].in.size();
    }
    return offset + delta_plus - delta_minus;
  };
  std::vector<AlignedPiece> out;
  for (const AlignedPiece& piece : in.pieces) {
    // The parts of the piece outside every edit.
    std::size_t b = piece.spoken.begin;
    for (const Edit& e : edits) {
      if (e.in.end <= b || e.in.begin >= piece.spoken.end) continue;
      if (e.in.begin > b) out.push_back(AlignedPiece{Span{shift(b), shift(e.in.begin)}, piece.source});
      b = std::max(b, e.in.end);
    }
    if (b < piece.spoken.end) out.push_back(AlignedPiece{Span{shift(b), shift(piece.spoken.end)}, piece.source});
  }
  for (std::size_t k = 0; k < edits.size(); ++k) {
    out.push_back(AlignedPiece{edit_out[k], in.sourceOf(edits[k].in.begin, edits[k].in.end)});
  }
  std::sort(out.begin(), out.end(), [](const AlignedPiece& a, const AlignedPiece& b) { return a.spoken.begin < b.spoken.begin; });
  return out;
}

// The runs of the edits: another voice or phonemes. Neighbouring words in the same foreign language
// are read in one go ("Machine Learning"), which sounds like one phrase and switches voices less often.
std::vector<VoiceRun> editRuns(std::string_view spoken, const std::vector<Edit>& edits, const std::vector<Span>& edit_out) {
  std::vector<VoiceRun> merged;
  for (std::size_t k = 0; k < edits.size(); ++k) {
    if (edits[k].language.empty() && !edits[k].phonemes) continue;
    const VoiceRun r{edit_out[k], edits[k].language, edits[k].phonemes, nullptr};
    if (!merged.empty() && !r.phonemes && !merged.back().phonemes && merged.back().language == r.language &&
        isSpaceOnly(spoken.substr(merged.back().text.end, r.text.begin - merged.back().text.end))) {
      merged.back().text.end = r.text.end;
    } else {
      merged.push_back(r);
    }
  }
  return merged;
}

// `runs` plus the stretches between final edits (a lexicon reading, a foreign word), which the
// phoneme rules may respell word by word; a spelled acronym ("U-S-A") is respelled as one word.
std::vector<VoiceRun> withRespelling(std::vector<VoiceRun> runs, std::string_view spoken, const std::vector<Edit>& edits,
                                     const std::vector<Span>& edit_out,
                                     const std::shared_ptr<const pronounce::PhonemeRules>& rules) {
  if (!rules || rules->size() == 0) return runs;
  std::size_t pos = 0;
  const auto gap = [&](std::size_t end) {
    if (end > pos && !isSpaceOnly(spoken.substr(pos, end - pos))) runs.push_back(VoiceRun{Span{pos, end}, {}, false, rules});
  };
  for (std::size_t k = 0; k < edits.size(); ++k) {
    if (!edits[k].final) continue;
    gap(edit_out[k].begin);
    pos = edit_out[k].end;
  }
  gap(spoken.size());
  std::sort(runs.begin(), runs.end(), [](const VoiceRun& a, const VoiceRun& b) { return a.text.begin < b.text.begin; });
  return runs;
}

}  // namespace

Pronouncer::Pronouncer(const LanguageData& data, std::vector<Lexicon> user_lexicons, const LanguageCheck& has_language)
    : impl_(std::make_unique<Impl>()) {
  impl_->has_language = has_language;
  if (const TsvTable* t = data.find("lexicon")) impl_->addLexicon(Lexicon::fromTable(*t));
  for (Lexicon& lex : user_lexicons) impl_->addLexicon(std::move(lex));
  impl_->indexLexicons();
  if (const TsvTable* t = data.find("foreign")) impl_->loadForeign(*t);
  if (const TsvTable* t = data.find("acronyms")) impl_->loadAcronyms(*t);
  if (const TsvTable* t = data.find("phoneme_rules")) {
    impl_->rules = std::make_shared<const pronounce::PhonemeRules>(*t, impl_->partReadings());
    impl_->warnings.insert(impl_->warnings.end(), impl_->rules->warnings().begin(), impl_->rules->warnings().end());
  }
}

Pronouncer::~Pronouncer() = default;
Pronouncer::Pronouncer(Pronouncer&&) noexcept = default;

const std::vector<std::string>& Pronouncer::warnings() const { return impl_->warnings; }

Pronounced Pronouncer::pronounce(const SpokenText& in) const {
  std::vector<Edit> edits;
  Pronounced out;
  impl_->collectEdits(in.text, edits, out.decisions);
  std::vector<Span> edit_out;
  out.spoken.text = applyEdits(in.text, edits, edit_out);
  out.spoken.rewrites = in.rewrites;  // the normalizer's decisions, for --explain
  out.spoken.pieces = carryAlignment(in, edits, edit_out);
  out.runs = withRespelling(editRuns(out.spoken.text, edits, edit_out), out.spoken.text, edits, edit_out, impl_->rules);
  return out;
}

}  // namespace vorlesen
