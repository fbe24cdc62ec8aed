#include "normalize/number_speller.h"

#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include "common/icu_util.h"

namespace vorlesen::normalize {

namespace {

const char16_t* ruleSetName(NumberForm form) {
  switch (form) {
    case NumberForm::Numbering: return u"%spellout-numbering";
    case NumberForm::Masculine: return u"%spellout-cardinal-masculine";
    case NumberForm::Feminine: return u"%spellout-cardinal-feminine";
    case NumberForm::CardinalN: return u"%spellout-cardinal-n";
    case NumberForm::CardinalM: return u"%spellout-cardinal-m";
    case NumberForm::CardinalR: return u"%spellout-cardinal-r";
    case NumberForm::CardinalS: return u"%spellout-cardinal-s";
    case NumberForm::Year: return u"%spellout-numbering-year";
    case NumberForm::OrdinalE: return u"%spellout-ordinal";
    case NumberForm::OrdinalN: return u"%spellout-ordinal-n";
    case NumberForm::OrdinalR: return u"%spellout-ordinal-r";
    case NumberForm::OrdinalS: return u"%spellout-ordinal-s";
    case NumberForm::OrdinalM: return u"%spellout-ordinal-m";
  }
  return u"%spellout-numbering";
}

constexpr std::size_t kMaxIcuDigits = 18;  // below 10^18: safely inside int64
constexpr long long kCacheLimit = 100000;  // cache the small numbers news text repeats

}  // namespace

bool ordinalFormFromEnding(std::string_view ending, NumberForm& form) {
  if (ending == "te") form = NumberForm::OrdinalE;
  else if (ending == "ten") form = NumberForm::OrdinalN;
  else if (ending == "ter") form = NumberForm::OrdinalR;
  else if (ending == "tes") form = NumberForm::OrdinalS;
  else if (ending == "tem") form = NumberForm::OrdinalM;
  else return false;
  return true;
}

NumberSpeller::NumberSpeller(std::map<std::string, std::string, std::less<>> ordinal_stems, std::string joiner)
    : ordinal_stems_(std::move(ordinal_stems)), joiner_(std::move(joiner)) {
  UErrorCode status = U_ZERO_ERROR;
  rbnf_ = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("de"), status);
  icu_util::check(status, "German spellout rules (RuleBasedNumberFormat)");
  // Fail at start-up, not mid-article, when this ICU lacks a rule set we rely on.
  for (int f = 0; f <= static_cast<int>(NumberForm::OrdinalM); ++f) {
    (void)format(1, static_cast<NumberForm>(f));
  }
}

NumberSpeller::~NumberSpeller() = default;

std::string NumberSpeller::format(long long value, NumberForm form) const {
  // The key only for cached values: value * 16 overflows for numbers near 10^18 (UBSan, found by
  // fuzz/normalizer).
  const bool cached = value > -kCacheLimit && value < kCacheLimit;
  const long long key = cached ? value * 16 + static_cast<int>(form) : 0;
  std::lock_guard<std::mutex> lock(mutex_);
  if (cached) {
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  }
  std::string result = roundScaleOrdinal(value, form);
  if (result.empty()) result = formatUncached(value, form);
  if (cached) cache_.emplace(key, result);
  return result;
}

// "2000000." -> "zweimillionste": ICU's ordinal rules produce "zwei Millionenste" for round scales.
std::string NumberSpeller::roundScaleOrdinal(long long value, NumberForm form) const {
  const char* ending = nullptr;
  switch (form) {
    case NumberForm::OrdinalE: ending = "e"; break;
    case NumberForm::OrdinalN: ending = "en"; break;
    case NumberForm::OrdinalR: ending = "er"; break;
    case NumberForm::OrdinalS: ending = "es"; break;
    case NumberForm::OrdinalM: ending = "em"; break;
    default: return {};
  }
  if (value < 1000000 || value % 1000000 != 0) return {};
  const std::string cardinal = formatUncached(value, NumberForm::Numbering);
  const std::size_t space = cardinal.rfind(' ');
  if (space == std::string::npos) return {};
  const auto stem = ordinal_stems_.find(std::string_view(cardinal).substr(space + 1));
  if (stem == ordinal_stems_.end()) return {};
  std::string head = cardinal.substr(0, space);
  if (head.find(' ') != std::string::npos) return {};  // "zwei Millionen" only, not "eine Milliarde zwei Millionen"
  if (head == "eine" || head == "ein") head.clear();
  return head + (head.empty() ? "" : joiner_) + stem->second + ending;
}

std::string NumberSpeller::formatUncached(long long value, NumberForm form) const {
  icu::UnicodeString out;
  icu::FieldPosition pos;
  UErrorCode status = U_ZERO_ERROR;
  rbnf_->format(static_cast<int64_t>(value), icu::UnicodeString(ruleSetName(form)), out, pos, status);
  icu_util::check(status, "spelling out a number");
  std::string utf8;
  out.toUTF8String(utf8);
  // Soft hyphens (C2 AD) mark morpheme boundaries.
  std::string result;
  result.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if (utf8[i] == '\xC2' && i + 1 < utf8.size() && utf8[i + 1] == '\xAD') {
      result += joiner_;
      ++i;
    } else {
      result += utf8[i];
    }
  }
  return result;
}

std::string NumberSpeller::digitByDigit(std::string_view digits) const {
  std::string out;
  for (char c : digits) {
    if (c < '0' || c > '9') continue;
    if (!out.empty()) out += ' ';
    out += format(c - '0', NumberForm::Numbering);
  }
  return out;
}

std::string NumberSpeller::spell(std::string_view digits, NumberForm form) const {
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  if (digits.empty()) return {};
  if (digits.size() > kMaxIcuDigits) return digitByDigit(digits);
  long long value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return format(value, form);
}

}  // namespace vorlesen::normalize
