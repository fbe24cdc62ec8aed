#include "pronounce/phoneme_rules.h"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>

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
  std::unique_ptr<icu::RegexPattern> phonemes;
  icu::UnicodeString replacement;
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

// "p b ts" -> "(?:ts|p|b)": the longest names first, each quoted.
std::string classPattern(std::string_view tokens) {
  std::vector<std::string> names;
  std::size_t i = 0;
  while (i < tokens.size()) {
    while (i < tokens.size() && tokens[i] == ' ') ++i;
    std::size_t j = i;
    while (j < tokens.size() && tokens[j] != ' ') ++j;
    if (j > i) names.emplace_back(tokens.substr(i, j - i));
    i = j;
  }
  std::stable_sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out = "(?:";
  for (std::size_t k = 0; k < names.size(); ++k) out += (k ? "|\\Q" : "\\Q") + names[k] + "\\E";
  return out + ")";
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

}  // namespace

PhonemeRules::PhonemeRules(const TsvTable& table) : id_(nextMatcherOwnerId()) {
  Classes classes;
  for (const TsvRow& row : table.rows) {
    const std::string where = table.path + ":" + std::to_string(row.line);
    const std::vector<std::string>& f = row.fields;
    if (f[0] == "class" && f.size() == 3 && !f[1].empty()) {
      classes[f[1]] = classPattern(f[2]);
    } else if (f[0] == "rule" && f.size() == 4 && !f[3].empty()) {
      Rule rule;
      if (!f[1].empty()) rule.spelling = compile(f[1], where);
      rule.phonemes = compile(expandClasses(f[2], classes, where), where);
      rule.replacement = icu::UnicodeString::fromUTF8(f[3]);
      rule.origin = table.path.substr(table.path.find_last_of('/') + 1) + ":" + std::to_string(row.line);
      rules_.push_back(std::move(rule));
    } else {
      throw Error::data(
          format(tr("{}: expected class<TAB>NAME<TAB>PHONEMES or rule<TAB>SPELLING<TAB>FIND<TAB>REPLACE."), where));
    }
  }
  for (const Rule& r : rules_) {
    patterns_.push_back(r.spelling.get());
    patterns_.push_back(r.phonemes.get());
  }
}

PhonemeRules::~PhonemeRules() = default;

std::size_t PhonemeRules::size() const { return rules_.size(); }

RuleResult PhonemeRules::apply(std::string_view word, std::string_view espeak) const {
  RuleResult result;
  if (espeak.empty() || rules_.empty()) return result;
  std::vector<std::unique_ptr<icu::RegexMatcher>>& matchers = threadMatchers(id_, patterns_);
  const icu::UnicodeString spelling =
      icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<std::int32_t>(word.size())));
  const std::string before = toRuleNotation(espeak);
  icu::UnicodeString phonemes = icu::UnicodeString::fromUTF8(before);
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    icu::RegexMatcher* spelling_matcher = matchers[2 * i].get();
    icu::RegexMatcher* phoneme_matcher = matchers[2 * i + 1].get();
    UErrorCode status = U_ZERO_ERROR;
    if (rules_[i].spelling && (!spelling_matcher || !spelling_matcher->reset(spelling).find(status))) continue;
    if (!phoneme_matcher) continue;
    icu::UnicodeString changed = phoneme_matcher->reset(phonemes).replaceAll(rules_[i].replacement, status);
    if (U_FAILURE(status) || changed == phonemes) continue;
    phonemes = changed;
    result.because.push_back(rules_[i].origin);
  }
  std::string after;
  phonemes.toUTF8String(after);
  if (toEspeakNotation(after) != toEspeakNotation(before)) result.phonemes = toEspeakNotation(after);
  return result;
}

namespace {

bool respellable(std::string_view word) {
  std::size_t letters = 0;
  for (std::size_t i = 0; i < word.size();) {
    if (!u_isalpha(static_cast<UChar32>(nextCodepoint(word, i)))) return false;
    ++letters;
  }
  return letters >= 2;
}

}  // namespace

std::vector<PhonemeRespelling> PhonemeRules::respell(std::string_view text, const PhonemeLookup& espeak) const {
  std::vector<PhonemeRespelling> out;
  forEachWord(text, [&](Span core) {
    forEachHyphenPart(text, core, [&](Span part) {
      const std::string_view word = text.substr(part.begin, part.size());
      if (!respellable(word)) return;
      std::string own = espeak(word);
      RuleResult r = apply(word, own);
      if (r.phonemes.empty()) return;
      std::string because;
      for (const std::string& b : r.because) because += (because.empty() ? "" : " ") + b;
      out.push_back(PhonemeRespelling{part, std::move(r.phonemes), std::move(own), std::move(because)});
    });
  });
  return out;
}

}  // namespace vorlesen::pronounce
