// Internal (normalizer): what the classifier's files share — spoken part builders, digit values and
// the Classifier's helper structs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "normalize/classifier.h"
#include "normalize/german_data.h"
#include "normalize/semiotic.h"

namespace vorlesen::normalize {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

inline Part words(Span source, std::string text, bool glue = false) {
  Part p;
  p.kind = PartKind::Words;
  p.source = source;
  p.text = std::move(text);
  p.glue = glue;
  return p;
}

inline Part numberPart(Span source, std::string_view digits, NumberForm form) {
  Part p;
  p.kind = PartKind::Number;
  p.source = source;
  p.text = std::string(digits);
  p.form = form;
  return p;
}

inline Part digitsPart(Span source, std::string_view digits) {
  Part p = numberPart(source, digits, NumberForm::Numbering);
  p.kind = PartKind::Digits;
  return p;
}

// The value of up to nine ASCII digits; -1 for longer strings.
inline long long valueOf(std::string_view digits) {
  if (digits.size() > 9) return -1;
  long long v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

inline bool isUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

// Starts with a lower-case letter (ASCII or a Latin-1 letter such as "ä").
inline bool isLowerStart(std::string_view w) {
  if (w.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(w[0]);
  return (c >= 'a' && c <= 'z') || (c == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) >= 0xA0);
}

// Starts with an upper-case letter (ASCII or a Latin-1 letter such as "Ä").
inline bool isUpperStart(std::string_view w) {
  if (w.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(w[0]);
  return isUpperAscii(w[0]) || (c == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) >= 0x80 &&
                                static_cast<unsigned char>(w[1]) < 0xA0);
}

// The number form of a count before a noun of this gender in this case ("ein", "eine", "einem" ...).
NumberForm oneForm(Case c, Gender g);
// An ordinal with no article before it: "dritter Mann", "dritte Frau", "drittes Kind".
NumberForm strongOrdinal(Gender g);
// The adjective ending an ordinal form stands for ("ten" -> "en"), for abbreviated adjectives.
const char* adjectiveSuffix(NumberForm ordinal);

// An amount as written: "1.250.000", "2,5", "12,50".
struct Classifier::Amount {
  std::size_t first = 0, end = 0;  // tokens [first, end)
  std::string integer;             // digits without group separators
  std::string fraction;            // digits after the decimal comma (or point)
  bool has_fraction = false;
  bool grouped = false;
  Span int_span, frac_span;
};

// A scale word, unit or currency after an amount ("Mio.", "km/h", "€").
struct Classifier::Quantity {
  const Unit* scale = nullptr;
  std::size_t scale_first = 0, scale_end = 0;
  const Unit* unit = nullptr;
  const Currency* currency = nullptr;
  bool per = false;  // "/km²": "pro Quadrat-Kilometer"
  std::size_t first = 0, end = 0;  // the unit or currency tokens
};

// "15:57", "9.30", "01:01:01" with the tokens of each field.
struct Classifier::ClockParts {
  std::size_t first = 0, end = 0;
  bool colon = false;
  long long hour = 0, minute = 0, second = -1;
  std::size_t hour_tok = 0, minute_tok = 0, second_tok = 0;
  std::size_t fraction_tok = 0;  // decimals after the last field ("1:45,3"), or 0
};

}  // namespace vorlesen::normalize
