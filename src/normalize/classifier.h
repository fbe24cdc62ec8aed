// Internal (normalizer): stage one of normalization — find the stretches of a text that a speaker
// would not read letter by letter (numbers, dates, times, money, measures, abbreviations, roman
// numerals, URLs, ...) and classify them into Semiotic tokens with the grammar their context
// demands (case and gender from the preceding article or preposition and the following noun).
//
// A Classifier is a cheap view over one text's tokens; it is built per normalize() call and not
// shared. The GermanData it reads is immutable.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "normalize/german_data.h"
#include "normalize/semiotic.h"
#include "normalize/tokenizer.h"

namespace vorlesen::normalize {

class Classifier {
 public:
  Classifier(const GermanData& data, std::string_view text, Span within, const std::vector<Token>& tokens)
      : data_(data), text_(text), within_(within), toks_(tokens) {}

  // Classifies the stretch starting at token i. Returns false when token i is read as it is.
  bool classify(std::size_t i, Semiotic& out) const;

 private:
  struct Amount;

  bool electronic(std::size_t i, Semiotic& out) const;
  bool abbreviation(std::size_t i, Semiotic& out) const;
  bool weekdayRange(std::size_t i, Semiotic& out) const;
  bool wordWithDigits(std::size_t i, Semiotic& out) const;
  bool roman(std::size_t i, Semiotic& out) const;
  bool dottedLetters(std::size_t i, Semiotic& out) const;
  bool symbol(std::size_t i, Semiotic& out) const;
  bool prefixCurrency(std::size_t i, Semiotic& out) const;
  bool telephone(std::size_t i, Semiotic& out) const;
  bool number(std::size_t i, std::size_t start, Semiotic& out) const;
  bool time(std::size_t i, Semiotic& out) const;
  bool date(std::size_t i, Semiotic& out) const;

  bool parseAmount(std::size_t i, Amount& a) const;
  void amountParts(const Amount& a, NumberForm form, std::vector<Part>& parts) const;
  bool moneyParts(const Amount& a, const Currency& cur, Span cur_span, std::vector<Part>& parts) const;
  bool quantitySuffix(std::size_t j, Semiotic& out, std::vector<Part>& head, const Amount& last_amount,
                      bool head_has_amount) const;
  void compoundSuffix(Semiotic& out) const;
  bool isFraction(std::size_t n) const;  // "N/D" at token n
  void fractionParts(std::string_view num, Span num_span, long long den, Span den_span,
                     std::vector<Part>& parts) const;
  // The context word before a number, following conjunctions back ("vom 5. bis 7.").
  const ContextWord* contextBefore(std::size_t start) const;
  NumberForm dayForm(std::size_t start) const;
  NumberForm cardinalBefore(std::size_t start, std::size_t noun, bool is_one) const;
  void closeWithDot(std::size_t dot_token, Semiotic& out) const;

  // Token helpers.
  const Token* at(std::size_t j) const { return j < toks_.size() ? &toks_[j] : nullptr; }
  bool isSym(std::size_t j, std::string_view s) const;
  bool isNum(std::size_t j) const { return j < toks_.size() && toks_[j].kind == TokenKind::Number; }
  bool isWord(std::size_t j) const { return j < toks_.size() && toks_[j].kind == TokenKind::Word; }
  bool isSpace(std::size_t j) const { return j < toks_.size() && toks_[j].kind == TokenKind::Space; }
  std::size_t skipSpace(std::size_t j) const { return isSpace(j) ? j + 1 : j; }
  // Index of the word right before token j (one space between allowed), or npos.
  std::size_t wordBefore(std::size_t j) const;
  bool capitalized(std::size_t j) const;  // a Word starting with an upper-case letter
  Span spanOf(std::size_t first, std::size_t last) const {
    return Span{toks_[first].span.begin, toks_[last - 1].span.end};
  }

  const GermanData& data_;
  std::string_view text_;
  Span within_;
  const std::vector<Token>& toks_;
};

}  // namespace vorlesen::normalize
