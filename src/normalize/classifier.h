// Internal (normalizer): stage one of normalization — find the stretches of a text that a speaker
// would not read letter by letter (numbers, dates, times, money, measures, abbreviations, roman
// numerals, URLs, ...) and classify them into Semiotic tokens with the grammar their context
// demands (case and gender from the preceding article or preposition and the following noun).
//
// A Classifier is a cheap view over one text's tokens; it is built per normalize() call and not
// shared. The GermanData it reads is immutable. Its methods live in several files by topic:
// classifier.cpp (dispatch, context), classify_words.cpp (abbreviations, roman numerals, letters,
// symbols), classify_electronic.cpp (URLs, handles, phone numbers), classify_numbers.cpp (amounts,
// fractions, ranges, ordinals, years), classify_quantity.cpp (units, scales, money),
// classify_time.cpp (clock times, durations, dates), classify_sports.cpp (scores, match minutes).
#pragma once

#include <cstddef>
#include <string>
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
  struct Quantity;
  struct ClockParts;
  struct RulerName {
    NounInfo name;             // the word before the numeral
    bool titled = false;       // a title ("König", "Queen") precedes the name
    Gender gender = Gender::Masculine;  // from the name, else the title
    Case grammatical_case = Case::Nominative;
  };

  // Words (classify_words.cpp).
  bool abbreviation(std::size_t i, Semiotic& out) const;
  bool listedAbbreviation(std::size_t i, Semiotic& out) const;
  bool suffixAbbreviation(std::size_t i, Semiotic& out) const;
  std::string adjectiveEnding(std::size_t first, std::size_t last) const;
  bool weekdayRange(std::size_t i, Semiotic& out) const;
  bool dayOfDate(std::size_t i, Semiotic& out) const;
  bool wordWithDigits(std::size_t i, Semiotic& out) const;
  bool roman(std::size_t i, Semiotic& out) const;
  bool regnal(std::size_t i, int value, Semiotic& out) const;
  RulerName rulerBefore(std::size_t name) const;
  bool romanAfterNoun(std::size_t i, int value, Semiotic& out) const;
  bool romanBeforeNoun(std::size_t i, int value, Semiotic& out) const;
  bool dottedLetters(std::size_t i, Semiotic& out) const;
  bool symbol(std::size_t i, Semiotic& out) const;
  bool timesSign(std::size_t i, Semiotic& out) const;

  // URLs, handles, telephone numbers (classify_electronic.cpp).
  bool electronic(std::size_t i, Semiotic& out) const;
  std::size_t addressEnd(std::size_t begin) const;
  bool looksLikeAddress(std::string_view chunk) const;
  bool isDomain(std::string_view chunk) const;
  void addressParts(std::size_t begin, std::string_view chunk, Semiotic& out) const;
  bool telephone(std::size_t i, Semiotic& out) const;

  // Numbers (classify_numbers.cpp).
  bool number(std::size_t i, std::size_t start, Semiotic& out) const;
  bool version(std::size_t i, bool after_word, Semiotic& out) const;
  bool season(std::size_t i, Semiotic& out) const;
  bool fraction(std::size_t i, const std::vector<Part>& head, Semiotic& out) const;
  bool range(const Amount& a, const std::vector<Part>& head, Semiotic& out) const;
  bool ordinal(std::size_t i, std::size_t start, const Amount& a, Semiotic& out) const;
  std::size_t ordinalListEnd(std::size_t dot) const;
  bool year(std::size_t start, const Amount& a, Semiotic& out) const;
  bool readsAsYear(std::size_t start, const Amount& a) const;
  int yearPair(std::size_t start, const Amount& a) const;
  void cardinal(std::size_t start, const Amount& a, Semiotic& out) const;
  bool parseAmount(std::size_t i, Amount& a) const;
  void amountParts(const Amount& a, NumberForm form, std::vector<Part>& parts) const;
  bool isFraction(std::size_t n) const;  // "N/D" at token n
  void fractionParts(std::string_view num, Span num_span, long long den, Span den_span,
                     std::vector<Part>& parts) const;
  void letterSuffix(std::size_t w, Semiotic& out) const;
  void compoundSuffix(Semiotic& out) const;

  // Units, scale words and money after an amount (classify_quantity.cpp).
  bool quantitySuffix(std::size_t j, Semiotic& out, std::vector<Part>& head, const Amount& a,
                      bool head_has_amount) const;
  bool scaleAt(std::size_t k, Quantity& q) const;
  bool unitAt(std::size_t k, Quantity& q) const;
  void quantityParts(const Quantity& q, bool one, Semiotic& out) const;
  void perUnit(Semiotic& out) const;
  bool prefixCurrency(std::size_t i, Semiotic& out) const;
  bool moneyParts(const Amount& a, const Currency& cur, Span cur_span, std::vector<Part>& parts) const;

  // Clock times, durations and dates (classify_time.cpp).
  bool time(std::size_t i, Semiotic& out) const;
  bool clockHour(std::size_t i, Semiotic& out) const;
  bool parseClock(std::size_t i, ClockParts& c) const;
  bool duration(const ClockParts& c, Semiotic& out) const;
  bool dottedClock(const ClockParts& c) const;
  void timeRange(Semiotic& out) const;
  bool durationWithSeconds(const ClockParts& c, Semiotic& out) const;
  void clockParts(const ClockParts& c, Semiotic& out) const;
  bool date(std::size_t i, Semiotic& out) const;
  bool isoDate(std::size_t i, Semiotic& out) const;
  void dayParts(std::size_t i, std::vector<Part>& parts) const;
  bool numericDate(std::size_t i, Semiotic& out) const;
  bool undottedDate(std::size_t i, long long month, Semiotic& out) const;
  bool namedMonthDate(std::size_t i, Semiotic& out) const;

  // Scores and match minutes (classify_sports.cpp).
  bool score(std::size_t i, Semiotic& out) const;
  bool goalScore(std::size_t i, Semiotic& out) const;
  bool tableScore(std::size_t i, Semiotic& out) const;
  bool setScores(std::size_t i, Semiotic& out) const;
  bool isSetScore(std::size_t k) const;
  void pairParts(std::size_t i, std::vector<Part>& parts) const;
  bool matchMinute(std::size_t i, Semiotic& out) const;
  bool inMinuteList(std::size_t i) const;
  bool isTablePosition(std::size_t i, long long value) const;

  // Context (classifier.cpp).
  // The context word before a number, following conjunctions and commas back ("vom 5. bis 7.").
  const ContextWord* contextBefore(std::size_t start, int depth = 0) const;
  // Whether the sentence speaks of a match: a score or a word of kind "match" (computed once).
  bool aboutMatch() const;
  NumberForm dayForm(std::size_t start) const;
  NumberForm cardinalBefore(std::size_t start, std::size_t noun, bool is_one) const;
  // The noun at token n, a hyphenated compound read as its last part.
  NounInfo nounAt(std::size_t n) const;
  // "dem" in "am Mittwoch, 17. Juni": the article a date after a weekday needs, or "".
  std::string appositionArticle(std::size_t i) const;

  // The word after token j that is in number_context.tsv with `kinds` ("Std." included); its end, or 0.
  std::size_t contextWordAt(std::size_t j, unsigned kinds) const;
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
  mutable int about_match_ = -1;  // aboutMatch(): -1 not yet known
};

}  // namespace vorlesen::normalize
