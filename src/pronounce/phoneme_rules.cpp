#include "pronounce/phoneme_rules.h"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <atomic>
#include <chrono>
#include <map>

#include "pronounce/spelling_hint.h"
#include "pronounce/words.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/text.h"

namespace vorlesen::pronounce {

std::string toRuleNotation(std::string_view espeak) {
  std::string out = " ";
  std::size_t i = 0;
  while (i < espeak.size()) {
    std::size_t bar = espeak.find('|', i);
    if (bar == std::string_view::npos) bar = espeak.size();
    // "_|" is a phoneme whose name contains the separator: "_||E" is "_|" then "E".
    if (bar == i + 1 && espeak[i] == '_' && bar < espeak.size()) ++bar;
    if (bar > i) {
      out.append(espeak.substr(i, bar - i));
      out.push_back(' ');
    }
    i = bar + 1;
  }
  return out;
}

std::string toEspeakNotation(std::string_view notation) {
  std::string out;
  std::size_t i = 0;
  while (i < notation.size()) {
    while (i < notation.size() && notation[i] == ' ') ++i;
    std::size_t j = i;
    while (j < notation.size() && notation[j] != ' ') ++j;
    if (j > i) {
      if (!out.empty()) out.push_back('|');
      out.append(notation.substr(i, j - i));
    }
    i = j;
  }
  return out;
}

struct PhonemeRules::Rule {
  std::unique_ptr<icu::RegexPattern> spelling;  // null: every word
  SpellingHint hint;                            // what `spelling` needs of a word, tested first
  SpellingHint phoneme_hint;                    // what `phonemes` needs of the notation
  std::unique_ptr<icu::RegexPattern> phonemes;  // null: a stress rule
  icu::UnicodeString replacement;
  int stress = 0;  // a stress rule: the primary stress goes to this vowel (1 first, -1 last)
  std::string origin;
};

namespace {

using Classes = std::map<std::string, std::string, std::less<>>;  // name -> "(?:tok|tok)"

std::unique_ptr<icu::RegexPattern> compile(const std::string& pattern, const std::string& where) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  std::unique_ptr<icu::RegexPattern> p(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parse_error, status));
  if (U_FAILURE(status)) {
    throw Error::data(format(tr("{}: bad regular expression '{}' ({} at offset {})."), where, pattern,
                             u_errorName(status), parse_error.offset));
  }
  return p;
}

// The space-separated names of a class or of a word's phonemes.
std::vector<std::string> tokens(std::string_view text) {
  std::vector<std::string> names;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) names.emplace_back(text.substr(i, j - i));
    i = j;
  }
  return names;
}

// "2" -> 2, "-1" -> -1; 0 for anything else.
int stressTarget(const std::string& field) {
  try {
    std::size_t used = 0;
    const int n = std::stoi(field, &used);
    return used == field.size() && n >= -9 && n <= 9 ? n : 0;
  } catch (const std::exception&) {
    return 0;
  }
}

// The primary stress moved to vowel `target` (1 first, -1 last); the old primary is dropped.
std::string moveStress(const std::string& notation, int target, const std::vector<std::string>& vowels) {
  std::vector<std::string> toks = tokens(notation);
  std::vector<std::size_t> nuclei;
  for (std::size_t k = 0; k < toks.size(); ++k) {
    std::string& t = toks[k];
    if (!t.empty() && t[0] == '\'') t.erase(0, 1);
    const std::string bare = !t.empty() && t[0] == ',' ? t.substr(1) : t;
    if (std::find(vowels.begin(), vowels.end(), bare) != vowels.end()) nuclei.push_back(k);
  }
  const long at = target > 0 ? target - 1 : static_cast<long>(nuclei.size()) + target;
  if (at < 0 || at >= static_cast<long>(nuclei.size())) return notation;
  std::string& t = toks[nuclei[static_cast<std::size_t>(at)]];
  t = "'" + (!t.empty() && t[0] == ',' ? t.substr(1) : t);
  std::string out = " ";
  for (const std::string& x : toks) out += x + " ";
  return out;
}

// "p b ts" -> "(?:ts|[pb])": the longer names first, each quoted, then the one-character names as one
// bracket set. A set is one step for ICU where 20 alternatives were 20 (compiling and matching), and
// it matches what the alternatives after the longer names did: one of those characters.
std::string classPattern(std::string_view text) {
  std::vector<std::string> names = tokens(text);
  std::stable_sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string longer, single;
  for (const std::string& name : names) {
    if (name.size() == 1 && static_cast<unsigned char>(name[0]) < 0x80) {
      if (!std::isalnum(static_cast<unsigned char>(name[0]))) single.push_back('\\');
      single += name;
    } else {
      longer += (longer.empty() ? "\\Q" : "|\\Q") + name + "\\E";
    }
  }
  if (single.empty()) return "(?:" + longer + ")";
  return "(?:" + longer + (longer.empty() ? "[" : "|[") + single + "])";
}

// Replaces each "{name}" in a rule's phoneme pattern by its class.
std::string expandClasses(const std::string& pattern, const Classes& classes, const std::string& where) {
  std::string out;
  std::size_t i = 0;
  while (i < pattern.size()) {
    const std::size_t open = pattern.find('{', i);
    const std::size_t close = open == std::string::npos ? open : pattern.find('}', open);
    if (close == std::string::npos) return out + pattern.substr(i);
    const std::string name = pattern.substr(open + 1, close - open - 1);
    // "{2}" and "{1,3}" are repetition counts, not classes.
    const bool count = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return (c >= '0' && c <= '9') || c == ','; });
    const auto it = classes.find(name);
    if (!count && it == classes.end()) throw Error::data(format(tr("{}: unknown phoneme class {{{}}}."), where, name));
    out += pattern.substr(i, open - i) + (count ? "{" + name + "}" : it->second);
    i = close + 1;
  }
  return out;
}

// The word list of `path` as a splitter, or null when it cannot be read. Kept per process and settings:
// a Pronouncer made again (tests, the lexicon fuzz target) does not open the list again.
std::shared_ptr<const CompoundSplitter> loadSplitter(const std::string& path, const CompoundOptions& options) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const CompoundSplitter>> loaded;
  std::string key = path + '\n' + std::to_string(options.shortest) + ' ' + std::to_string(options.shortest_first);
  for (const std::vector<std::string>* words :
       {&options.not_parts, &options.prefixes, &options.verb_endings, &options.noun_endings, &options.onsets}) {
    key += '\n';
    for (const std::string& w : *words) key += ' ' + w;
  }
  const std::lock_guard<std::mutex> lock(mutex);
  if (const auto it = loaded.find(key); it != loaded.end()) return it->second;
  std::optional<WordList> words = WordList::open(path);
  if (!words) return nullptr;
  auto splitter = std::make_shared<const CompoundSplitter>(std::move(*words), options);
  loaded.emplace(std::move(key), splitter);
  return splitter;
}

}  // namespace

PhonemeRules::PhonemeRules(const TsvTable& table, std::map<std::string, std::string, std::less<>> part_readings)
    : part_readings_(std::move(part_readings)), id_(nextMatcherOwnerId()) {
  Classes classes;
  const std::string dir = table.path.substr(0, table.path.find_last_of('/') + 1);
  for (const TsvRow& row : table.rows) {
    const std::string where = table.path + ":" + std::to_string(row.line);
    const std::vector<std::string>& f = row.fields;
    if (f[0] == "class" && f.size() == 3 && !f[1].empty()) {
      classes[f[1]] = classPattern(f[2]);
      if (f[1] == "vowel") vowels_ = tokens(f[2]);
    } else if ((f[0] == "rule" || f[0] == "part") && f.size() == 4 && !f[3].empty()) {
      Rule rule;
      if (!f[1].empty()) {
        rule.spelling = compile(f[1], where);
        rule.hint = SpellingHint::of(f[1]);
      }
      const std::string pattern = expandClasses(f[2], classes, where);
      rule.phonemes = compile(pattern, where);
      rule.phoneme_hint = SpellingHint::of(pattern);
      rule.replacement = icu::UnicodeString::fromUTF8(f[3]);
      rule.origin = table.path.substr(table.path.find_last_of('/') + 1) + ":" + std::to_string(row.line);
      (f[0] == "rule" ? rules_ : part_rules_).push_back(std::move(rule));
    } else if (f[0] == "compound" && f.size() == 3) {
      loadCompoundRow(f, where, dir);
    } else if ((f[0] == "stress" || f[0] == "suffix") && f.size() == 3 && !f[1].empty() &&
               (stressTarget(f[2]) != 0 || (f[0] == "suffix" && f[2] == "0"))) {
      Rule rule;
      rule.spelling = compile(f[1], where);
      rule.hint = SpellingHint::of(f[1]);
      rule.stress = stressTarget(f[2]);
      rule.origin = table.path.substr(table.path.find_last_of('/') + 1) + ":" + std::to_string(row.line);
      (f[0] == "stress" ? rules_ : part_rules_).push_back(std::move(rule));
    } else {
      throw Error::data(format(tr("{}: expected class<TAB>NAME<TAB>PHONEMES, rule<TAB>SPELLING<TAB>FIND<TAB>REPLACE, "
                                  "part<TAB>SPELLING<TAB>FIND<TAB>REPLACE, stress<TAB>SPELLING<TAB>VOWEL, "
                                  "suffix<TAB>SPELLING<TAB>VOWEL or compound<TAB>SETTING<TAB>VALUE."),
                               where));
    }
  }
  const auto moves_stress = [](const Rule& r) { return !r.phonemes; };
  if (vowels_.empty() && (std::any_of(part_rules_.begin(), part_rules_.end(), moves_stress) ||
                          std::any_of(rules_.begin(), rules_.end(), moves_stress))) {
    throw Error::data(format(tr("{}: stress rules need a class named vowel."), table.path));
  }
  orders_ = std::make_unique<ConditionOrder[]>(rules_.size() + part_rules_.size());
  for (const std::vector<Rule>* list : {&rules_, &part_rules_}) {
    for (const Rule& r : *list) {
      patterns_.push_back(r.spelling.get());
      patterns_.push_back(r.phonemes.get());
    }
  }
}

PhonemeRules::~PhonemeRules() = default;

std::size_t PhonemeRules::size() const { return rules_.size(); }

void PhonemeRules::loadCompoundRow(const std::vector<std::string>& f, const std::string& where, const std::string& dir) {
  // The settings come in order: shortest and not-a-part before the word list that uses them.
  if (f[1] == "shortest" && stressTarget(f[2]) > 0) {
    compound_.shortest = static_cast<std::size_t>(stressTarget(f[2]));
  } else if (f[1] == "shortest-first" && stressTarget(f[2]) > 0) {
    compound_.shortest_first = static_cast<std::size_t>(stressTarget(f[2]));
  } else if (f[1] == "not-a-part") {
    compound_.not_parts = tokens(f[2]);
  } else if (f[1] == "not-a-part-prefix") {
    compound_.prefixes = tokens(f[2]);
  } else if (f[1] == "verb-stem-of") {
    compound_.verb_endings = tokens(f[2]);
  } else if (f[1] == "noun-stem-of") {
    compound_.noun_endings = tokens(f[2]);
  } else if (f[1] == "onsets") {
    compound_.onsets = tokens(f[2]);
  } else if (f[1] == "words") {
    const std::string path = !f[2].empty() && f[2][0] == '/' ? f[2] : dir + f[2];
    splitter_ = loadSplitter(path, compound_);
    if (!splitter_) {
      warnings_.push_back(format(tr("{}: no word list {}: compound words are read as eSpeak NG reads them."), where, path));
    }
    compound_origin_ = where.substr(where.find_last_of('/') + 1);
  } else {
    throw Error::data(format(tr("{}: expected compound<TAB>shortest<TAB>N, compound<TAB>shortest-first<TAB>N, "
                                "compound<TAB>not-a-part<TAB>WORDS, compound<TAB>not-a-part-prefix<TAB>PREFIXES, "
                                "compound<TAB>verb-stem-of<TAB>ENDINGS, compound<TAB>noun-stem-of<TAB>ENDINGS, "
                                "compound<TAB>onsets<TAB>LETTERS or compound<TAB>words<TAB>FILE."),
                             where));
  }
}

RuleResult PhonemeRules::apply(std::string_view word, std::string_view espeak) const {
  if (espeak.empty()) return {};
  const std::string before = toRuleNotation(espeak);
  return applyRules(word, before, before);
}

// A row with both a spelling condition and a phoneme pattern holds only when both do, so either may
// be tested first, and the one that rules out more words for its cost should: for one row that is the
// spelling (a rare letter), for another the phonemes (a spelling regex with ".*" lookarounds or a
// case-insensitive literal costs ICU more than a phoneme pattern that starts with a phoneme). Which
// is cheaper depends on the regexes, so it is measured: the first kSamples words test both and time
// them, then the row keeps the order with the lower expected cost. The order never changes a result.
// Counters are atomic: rules are shared between threads (a decision from fewer samples is harmless).
struct PhonemeRules::ConditionOrder {
  static constexpr std::uint32_t kSamples = 16;
  // One test of one word takes microseconds; a longer sample is the thread losing the processor.
  static constexpr std::int64_t kLongestSampleNs = 50000;
  enum : int { kUndecided, kSpellingFirst, kPhonemesFirst };
  std::atomic<std::uint32_t> samples{0}, spelling_held{0}, phonemes_held{0};
  std::atomic<std::int64_t> spelling_ns{0}, phonemes_ns{0};
  std::atomic<int> order{kUndecided};

  void record(bool spelling, bool phonemes, std::int64_t s_ns, std::int64_t p_ns) {
    spelling_held += spelling ? 1 : 0;
    phonemes_held += phonemes ? 1 : 0;
    spelling_ns += std::min(s_ns, kLongestSampleNs);
    phonemes_ns += std::min(p_ns, kLongestSampleNs);
    if (++samples != kSamples) return;
    // Expected cost per word: the first test, plus the second where the first held.
    const double s = static_cast<double>(spelling_ns.load()), p = static_cast<double>(phonemes_ns.load());
    const double spelling_first = s + p * spelling_held / kSamples;
    const double phonemes_first = p + s * phonemes_held / kSamples;
    order = phonemes_first < spelling_first ? kPhonemesFirst : kSpellingFirst;
  }
};

bool PhonemeRules::conditionsHold(std::size_t row, icu::RegexMatcher& spelling, icu::RegexMatcher& phonemes,
                                  const icu::UnicodeString& word, const icu::UnicodeString& notation) const {
  UErrorCode status = U_ZERO_ERROR;
  const auto spelling_holds = [&] { return spelling.reset(word).find(status) && U_SUCCESS(status); };
  const auto phonemes_hold = [&] { return phonemes.reset(notation).find(status) && U_SUCCESS(status); };
  ConditionOrder& o = orders_[row];
  switch (o.order.load(std::memory_order_relaxed)) {
    case ConditionOrder::kSpellingFirst: return spelling_holds() && phonemes_hold();
    case ConditionOrder::kPhonemesFirst: return phonemes_hold() && spelling_holds();
    default: break;
  }
  using Clock = std::chrono::steady_clock;
  const Clock::time_point t0 = Clock::now();
  const bool s = spelling_holds();
  const Clock::time_point t1 = Clock::now();
  const bool p = phonemes_hold();
  const Clock::time_point t2 = Clock::now();
  o.record(s, p, std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count(),
           std::chrono::duration_cast<std::chrono::nanoseconds>(t2 - t1).count());
  return s && p;
}

bool PhonemeRules::restress(int stress, icu::UnicodeString& notation) const {
  std::string now;
  const icu::UnicodeString changed = icu::UnicodeString::fromUTF8(moveStress(notation.toUTF8String(now), stress, vowels_));
  if (changed == notation) return false;
  notation = changed;
  return true;
}

bool PhonemeRules::rewrite(const Rule& rule, std::size_t row, icu::RegexMatcher* spelling, icu::RegexMatcher* phonemes,
                           const SpelledWord& word, Notation& notation) const {
  UErrorCode status = U_ZERO_ERROR;
  if (rule.spelling && (!spelling || !rule.hint.mayMatch(word.hint))) return false;
  if (rule.stress != 0) {
    if (rule.spelling && (!spelling->reset(word.text).find(status) || U_FAILURE(status))) return false;
    if (!restress(rule.stress, notation.text)) return false;
    notation.hint.reset();
    return true;
  }
  icu::UnicodeString changed;
  if (phonemes) {
    if (!rule.phoneme_hint.empty() && !rule.phoneme_hint.mayMatch(notation.hintWord())) return false;
    if (rule.spelling && !conditionsHold(row, *spelling, *phonemes, word.text, notation.text)) return false;
    changed = phonemes->reset(notation.text).replaceAll(rule.replacement, status);
  }
  if (U_FAILURE(status) || changed == notation.text) return false;
  notation.text = changed;
  notation.hint.reset();
  return true;
}

// `notation` (eSpeak's reading, or the compound's) through every rule; changed against `before`.
RuleResult PhonemeRules::applyRules(std::string_view word, std::string notation, const std::string& before) const {
  RuleResult result;
  std::vector<std::unique_ptr<icu::RegexMatcher>>& matchers = threadMatchers(id_, patterns_);
  const SpelledWord spelling(word);
  Notation phonemes(notation);
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    if (rewrite(rules_[i], i, matchers[2 * i].get(), matchers[2 * i + 1].get(), spelling, phonemes)) {
      result.because.push_back(rules_[i].origin);
    }
  }
  notation.clear();
  phonemes.text.toUTF8String(notation);
  if (toEspeakNotation(notation) != toEspeakNotation(before)) result.phonemes = toEspeakNotation(notation);
  return result;
}

// The compound read part by part, where the word list splits it and that reading differs from
// eSpeak's reading of the whole (`whole`); else `whole`. Empty: the word list does not split the word.
std::string PhonemeRules::compoundReading(std::string_view word, const std::string& whole, const PhonemeLookup& espeak,
                                          std::vector<std::string>& because) const {
  if (!splitter_) return {};
  const std::vector<std::string_view> parts = splitter_->split(word);
  if (parts.empty()) return {};
  std::vector<std::string> readings;
  std::string shown;
  for (const std::string_view part : parts) {
    const auto listed = part_readings_.find(lowerCase(part));
    const std::string own = listed != part_readings_.end() ? listed->second : espeak(part);
    if (own.empty()) return whole;
    readings.push_back(toRuleNotation(own));
    shown += (shown.empty() ? "" : "|") + std::string(part);
  }
  std::vector<std::string> suffix_because;
  readings.back() = partReading(parts.back(), readings.back(), suffix_because);
  const std::string composed = composeParts(readings);
  // The same sounds: the parts' reading is taken only for its stress, where eSpeak stressed a later
  // part (Himmel|bett, Unter|lage); a German compound is stressed on its first part.
  if (!differBeyondStress(composed, whole) &&
      (!plainSeams(parts) || primaryStressIndex(composed) == primaryStressIndex(whole))) {
    return whole;
  }
  because.push_back(compound_origin_ + " (" + shown + ")");
  because.insert(because.end(), suffix_because.begin(), suffix_because.end());
  return composed;
}

std::string PhonemeRules::partReading(std::string_view word, std::string notation,
                                      std::vector<std::string>& because) const {
  std::vector<std::unique_ptr<icu::RegexMatcher>>& matchers = threadMatchers(id_, patterns_);
  const SpelledWord spelling(word);
  Notation phonemes(notation);
  bool stress_decided = false;  // the first fitting suffix row decides, also one that keeps eSpeak's stress
  for (std::size_t i = 0; i < part_rules_.size(); ++i) {
    const Rule& rule = part_rules_[i];
    icu::RegexMatcher* spelling_matcher = matchers[2 * (rules_.size() + i)].get();
    if (!rule.phonemes) {
      UErrorCode status = U_ZERO_ERROR;
      if (stress_decided || !spelling_matcher || !rule.hint.mayMatch(spelling.hint) ||
          !spelling_matcher->reset(spelling.text).find(status)) {
        continue;
      }
      stress_decided = true;
      // The spelling fitted just now: only the stress is left to move (0 keeps eSpeak's).
      if (rule.stress != 0 && restress(rule.stress, phonemes.text)) {
        phonemes.hint.reset();
        because.push_back(rule.origin);
      }
      continue;
    }
    if (rewrite(rule, rules_.size() + i, spelling_matcher, matchers[2 * (rules_.size() + i) + 1].get(), spelling,
                phonemes)) {
      because.push_back(rule.origin);
    }
  }
  notation.clear();
  return phonemes.text.toUTF8String(notation);
}

namespace {

// "U-S-A": single letters joined by hyphens (a spelled acronym), read as one word.
bool spelledLetters(std::string_view word) {
  std::size_t letters = 0;
  bool expect_letter = true;
  for (std::size_t i = 0; i < word.size();) {
    const char32_t cp = nextCodepoint(word, i);
    if (expect_letter != (u_isalpha(static_cast<UChar32>(cp)) != 0)) return false;
    if (!expect_letter && cp != '-') return false;
    letters += expect_letter ? 1 : 0;
    expect_letter = !expect_letter;
  }
  return letters >= 2 && !expect_letter;
}

bool respellable(std::string_view word) {
  std::size_t letters = 0;
  for (std::size_t i = 0; i < word.size();) {
    if (!u_isalpha(static_cast<UChar32>(nextCodepoint(word, i)))) return false;
    ++letters;
  }
  return letters >= 2;
}

}  // namespace

PhonemeRules::Answer PhonemeRules::answer(std::string_view word, const PhonemeLookup& espeak) const {
  {
    const std::lock_guard<std::mutex> lock(cache_mutex_);
    if (const auto it = cache_.find(word); it != cache_.end()) return it->second;
  }
  Answer a;
  a.espeak = espeak(word);
  if (!a.espeak.empty()) {
    const std::string before = toRuleNotation(a.espeak);
    std::vector<std::string> split;
    std::string reading = compoundReading(word, before, espeak, split);
    if (reading.empty()) reading = partReading(word, before, split);
    RuleResult r = applyRules(word, reading, before);
    r.because.insert(r.because.begin(), split.begin(), split.end());
    for (const std::string& b : r.because) a.because += (a.because.empty() ? "" : " ") + b;
    a.respelled = !r.phonemes.empty();
    a.phonemes = std::move(r.phonemes);
  }
  const std::lock_guard<std::mutex> lock(cache_mutex_);
  if (cache_.size() >= 100000) cache_.clear();  // a bound for endless documents
  cache_.emplace(word, a);
  return a;
}

std::vector<PhonemeRespelling> PhonemeRules::respell(std::string_view text, const PhonemeLookup& espeak) const {
  std::vector<PhonemeRespelling> out;
  forEachWord(text, [&](Span core) {
    const auto one = [&](Span part) {
      const std::string_view word = text.substr(part.begin, part.size());
      if (!respellable(word) && !spelledLetters(word)) return;
      Answer a = answer(word, espeak);
      if (a.respelled) out.push_back(PhonemeRespelling{part, std::move(a.phonemes), std::move(a.espeak), std::move(a.because)});
    };
    if (spelledLetters(text.substr(core.begin, core.size()))) return one(core);
    forEachHyphenPart(text, core, one);
  });
  return out;
}

}  // namespace vorlesen::pronounce
