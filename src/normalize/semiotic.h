// Internal (normalizer): the typed tokens the classifier hands to the verbalizer.
//
// A Semiotic is one rewritten stretch of source text ("am 8. Mai" holds the Date "8. Mai"): its class,
// the raw tokens it covers and its spoken parts in spoken order. Each part keeps the byte span of the
// source it came from, so "8." stays aligned with "achten" and "€" with "Euro". The classifier has
// already settled grammar (case, gender, ending) into each number part's NumberForm; the verbalizer
// only turns parts into words. Plain values.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "normalize/number_speller.h"
#include "vorlesen/document.h"

namespace vorlesen::normalize {

enum class TokenClass {
  Cardinal, Ordinal, Decimal, Year, Date, Time, Duration, Money, Measure, Fraction, Range, Score, MatchMinute,
  Version, Roman, Abbreviation, Letters, Electronic, Telephone, Symbol, Compound,
};

const char* className(TokenClass c);

enum class PartKind {
  Number,   // `text` holds ASCII digits, spoken with `form`
  Digits,   // `text` holds ASCII digits, spoken one by one
  Words,    // `text` is spoken as it is
  Letters,  // `text` is spelled letter by letter
};

struct Part {
  PartKind kind = PartKind::Words;
  Span source;
  std::string text;
  NumberForm form = NumberForm::Numbering;
  bool glue = false;        // no space before this part ("vierzig" + "jährige")
  bool capitalize = false;  // upper-case the first letter ("der Vierzehnte")
  // Fractions build their denominator from ICU's ordinal: "dritte" -> drop the ending "e", append
  // "el" -> "Drittel" (fractions.tsv). Phone digit groups append "," for a pause.
  std::string drop_ending;
  std::string suffix;
  // A word glued to a number ("jährige" in "40-jährige"): when the number word ends so that eSpeak NG
  // would voice its last consonant into the word ("vierzigjährige" with [g]), the verbalizer joins them
  // with its suffix joiner instead (VerbalizerWords).
  bool after_number = false;
};

struct Semiotic {
  TokenClass cls = TokenClass::Cardinal;
  std::size_t first = 0;  // token range [first, last)
  std::size_t last = 0;
  std::vector<Part> parts;
};

}  // namespace vorlesen::normalize
