// vorlesen — what a phoneme rule's spelling condition requires of a word, tested without ICU's regex
// engine.
//
//   "^[Kk]ritik(?:en)?$"  -> the word starts with K or k and contains r, i, t, k
//   "(?i)[aeiouäöü]heit(?:en)?$" -> (case-folded) the word contains h, e, i, t
//
// Most rows of phoneme_rules.tsv hold for few words ("^Damaskus$", "ikerin$"), yet each row's regex
// was run on every word: ICU's matcher costs a few hundred instructions even to fail at once, and
// the rules cost more render time than their share of instructions (issue 15's and 18's cost
// targets). A SpellingHint is a necessary condition read off the pattern: when it fails, the regex
// cannot find a match, so the row is skipped; when it holds, the regex decides as before. Results
// never change. Patterns beyond the simple reading below (a top-level "|", inline flags other than a
// leading "(?i)", "\Q") give an empty hint, which lets every word through.
#pragma once

#include <unicode/unistr.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace vorlesen::pronounce {

// A word as SpellingHint tests it: its code points as they are and fully case-folded (ICU folds the
// input of a "(?i)" pattern fully: "ß" is "ss").
struct HintWord {
  explicit HintWord(std::string_view utf8);
  // Without the folding (phonemes, which "(?i)" patterns do not test; such a hint lets it through).
  explicit HintWord(const icu::UnicodeString& text);
  std::u32string exact, folded;
  bool has_folded = true;
  std::uint64_t exact_bits = 0, folded_bits = 0;  // the characters each holds (see characterBit)
};

class SpellingHint {
 public:
  SpellingHint() = default;
  // What a word must hold for the ICU regular expression `pattern` to find a match in it.
  static SpellingHint of(std::string_view pattern);
  // False only when the pattern cannot find a match in `word`.
  bool mayMatch(const HintWord& word) const;
  // Whether the hint lets every word through.
  bool empty() const { return first_.empty() && last_.empty() && required_.empty(); }

 private:
  bool folded_ = false;     // compare with the word's case folding ("(?i)")
  std::u32string first_;    // the word's first character is one of these (empty: any)
  std::u32string last_;     // the word's last character is one of these (empty: any)
  std::u32string required_;  // each of these occurs in the word
  std::uint64_t required_bits_ = 0;  // required_ as characterBit()s: a word lacking one lacks a character
};

}  // namespace vorlesen::pronounce
