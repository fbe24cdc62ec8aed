// Internal (normalizer): German number words from ICU's RuleBasedNumberFormat.
//
// No German number tables live in vorlesen: every number word comes from ICU's German spellout rule
// sets (%spellout-numbering, %spellout-cardinal-*, %spellout-ordinal-*, %spellout-numbering-year).
// ICU marks morpheme boundaries with soft hyphens (U+00AD); they become `joiner` ("-" by default,
// because eSpeak NG misreads long closed compounds such as "fünfundvierzig" but reads
// "fünf-und-vierzig" right; see docs/ARCHITECTURE.md). Numbers beyond ICU's int64 range are read
// digit by digit. The formatter is built once; calls are thread-safe (a mutex guards ICU and a
// small cache of recent results).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class RuleBasedNumberFormat;
U_NAMESPACE_END

namespace vorlesen::normalize {

// Which ICU rule set a number is spelled with.
enum class NumberForm {
  Numbering,    // "eins", "einundzwanzig" (counting, standalone)
  Masculine,    // "ein" (ein Mann), neuter "ein" likewise
  Feminine,     // "eine"
  CardinalN,    // "einen"
  CardinalM,    // "einem"
  CardinalR,    // "einer"
  CardinalS,    // "eines"
  Year,         // "neunzehnhundertneunundneunzig"
  OrdinalE,     // "dritte"
  OrdinalN,     // "dritten"
  OrdinalR,     // "dritter"
  OrdinalS,     // "drittes"
  OrdinalM,     // "drittem"
};

class NumberSpeller {
 public:
  // `ordinal_stems` maps ICU's scale words ("Millionen") to German ordinal stems ("millionst"),
  // used for round millions where ICU's own ordinal rules go wrong.
  explicit NumberSpeller(std::map<std::string, std::string, std::less<>> ordinal_stems, std::string joiner = "-");
  ~NumberSpeller();
  NumberSpeller(const NumberSpeller&) = delete;
  NumberSpeller& operator=(const NumberSpeller&) = delete;

  // `digits` are ASCII digits only (leading zeros allowed). Longer than 18 digits: digit by digit.
  std::string spell(std::string_view digits, NumberForm form) const;
  // Each digit as a word ("0411" -> "null vier eins eins").
  std::string digitByDigit(std::string_view digits) const;

 private:
  std::string format(long long value, NumberForm form) const;
  std::string formatUncached(long long value, NumberForm form) const;
  std::string roundScaleOrdinal(long long value, NumberForm form) const;
  std::map<std::string, std::string, std::less<>> ordinal_stems_;
  std::unique_ptr<icu::RuleBasedNumberFormat> rbnf_;
  std::string joiner_;
  mutable std::mutex mutex_;
  mutable std::unordered_map<long long, std::string> cache_;  // key: value * 16 + form
};

// Parses a NumberForm's short name ("te", "ten", "ter", "tes", "tem") as used in context.tsv;
// returns false for anything else.
bool ordinalFormFromEnding(std::string_view ending, NumberForm& form);

}  // namespace vorlesen::normalize
