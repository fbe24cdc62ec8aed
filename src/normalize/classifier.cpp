#include "normalize/classifier.h"

#include "normalize/classifier_internal.h"

namespace vorlesen::normalize {

const char* className(TokenClass c) {
  switch (c) {
    case TokenClass::Cardinal: return "cardinal";
    case TokenClass::Ordinal: return "ordinal";
    case TokenClass::Decimal: return "decimal";
    case TokenClass::Year: return "year";
    case TokenClass::Date: return "date";
    case TokenClass::Time: return "time";
    case TokenClass::Duration: return "duration";
    case TokenClass::Money: return "money";
    case TokenClass::Measure: return "measure";
    case TokenClass::Fraction: return "fraction";
    case TokenClass::Range: return "range";
    case TokenClass::Score: return "score";
    case TokenClass::MatchMinute: return "match-minute";
    case TokenClass::Version: return "version";
    case TokenClass::Roman: return "roman";
    case TokenClass::Abbreviation: return "abbreviation";
    case TokenClass::Letters: return "letters";
    case TokenClass::Electronic: return "electronic";
    case TokenClass::Telephone: return "telephone";
    case TokenClass::Symbol: return "symbol";
    case TokenClass::Compound: return "compound";
  }
  return "?";
}

NumberForm oneForm(Case c, Gender g) {
  switch (c) {
    case Case::Nominative: return g == Gender::Feminine ? NumberForm::Feminine : NumberForm::Masculine;
    case Case::Accusative:
      return g == Gender::Masculine ? NumberForm::CardinalN
                                    : (g == Gender::Feminine ? NumberForm::Feminine : NumberForm::Masculine);
    case Case::Dative: return g == Gender::Feminine ? NumberForm::CardinalR : NumberForm::CardinalM;
    case Case::Genitive: return g == Gender::Feminine ? NumberForm::CardinalR : NumberForm::CardinalS;
  }
  return NumberForm::Masculine;
}

NumberForm strongOrdinal(Gender g) {
  return g == Gender::Feminine ? NumberForm::OrdinalE
                               : (g == Gender::Neuter ? NumberForm::OrdinalS : NumberForm::OrdinalR);
}

const char* adjectiveSuffix(NumberForm ordinal) {
  switch (ordinal) {
    case NumberForm::OrdinalN: return "en";
    case NumberForm::OrdinalR: return "er";
    case NumberForm::OrdinalS: return "es";
    case NumberForm::OrdinalM: return "em";
    default: return "e";
  }
}

bool Classifier::isSym(std::size_t j, std::string_view s) const {
  return j < toks_.size() && toks_[j].kind == TokenKind::Symbol && toks_[j].text == s;
}

std::size_t Classifier::wordBefore(std::size_t j) const {
  if (j == 0) return npos;
  std::size_t k = j - 1;
  if (isSpace(k)) {
    if (k == 0) return npos;
    --k;
  }
  return isWord(k) ? k : npos;
}

bool Classifier::capitalized(std::size_t j) const { return isWord(j) && isUpperStart(toks_[j].text); }

bool Classifier::classify(std::size_t i, Semiotic& out) const {
  out = Semiotic{};
  const Token& t = toks_[i];
  switch (t.kind) {
    case TokenKind::Space: return false;
    case TokenKind::Number:
      return electronic(i, out) || telephone(i, out) || number(i, i, out);
    case TokenKind::Word:
      return electronic(i, out) || abbreviation(i, out) || prefixCurrency(i, out) || wordWithDigits(i, out) ||
             roman(i, out) || dottedLetters(i, out) || timesSign(i, out);
    case TokenKind::Symbol:
      if ((t.text == "-" || t.text == "\u2212") && isNum(i + 1)) {
        // A minus sign: at the start, after a space or an opening bracket, and not "10 - 15".
        const bool free = i == 0 || isSpace(i - 1) || isSym(i - 1, "(");
        const bool range = i >= 2 && isSpace(i - 1) && isNum(i - 2) && isSpace(i + 1);
        if (free && !range && number(i + 1, i, out)) return true;
      }
      return electronic(i, out) || telephone(i, out) || prefixCurrency(i, out) || symbol(i, out);
  }
  return false;
}

void Classifier::closeWithDot(std::size_t dot_token, Semiotic& out) const {
  // The dot of an abbreviation may also end the sentence: keep the sentence end audible.
  const std::size_t next = skipSpace(dot_token + 1);
  if (next >= toks_.size()) out.parts.push_back(words(toks_[dot_token].span, ".", true));
}

std::size_t Classifier::contextWordAt(std::size_t j, unsigned kinds) const {
  if (!isWord(j)) return 0;
  if (isSym(j + 1, ".") && data_.numberContext(std::string(toks_[j].text) + ".", kinds)) return j + 2;
  return data_.numberContext(toks_[j].text, kinds) ? j + 1 : 0;
}

const ContextWord* Classifier::contextBefore(std::size_t start, int depth) const {
  if (depth > 8) return nullptr;  // a list of ordinals is followed back at most eight items
  const std::size_t b = wordBefore(start);
  if (b == npos) {
    // "der 12., 34. Minute": an item after a comma takes the context of the ordinal before it.
    const std::size_t k = start > 0 && isSpace(start - 1) ? start - 1 : start;
    if (k >= 3 && isSym(k - 1, ",") && isSym(k - 2, ".") && isNum(k - 3)) return contextBefore(k - 3, depth + 1);
    return nullptr;
  }
  const ContextWord* cw = data_.context(toks_[b].text);
  if (!cw || !cw->inherit) return cw;
  // "vom 5. bis 7. Juni": a conjunction takes the context of the ordinal before it ("5." after "vom").
  if (b >= 3 && isSpace(b - 1) && isSym(b - 2, ".") && isNum(b - 3)) {
    const ContextWord* earlier = contextBefore(b - 3, depth + 1);
    if (earlier && !earlier->inherit) return earlier;
  }
  return cw->ending[0] == "=" ? nullptr : cw;
}

NumberForm Classifier::dayForm(std::size_t start) const {
  // Months are masculine: "der dritte Mai", "am dritten Mai", bare "dritter Mai".
  if (const ContextWord* cw = contextBefore(start)) {
    NumberForm f = NumberForm::OrdinalR;
    if (ordinalFormFromEnding(cw->ending[0], f)) return f;
  }
  return NumberForm::OrdinalR;
}

NumberForm Classifier::cardinalBefore(std::size_t start, std::size_t noun, bool is_one) const {
  if (!is_one) return NumberForm::Masculine;  // "einundzwanzig", "hundertein Menschen"
  Case c = Case::Nominative;
  if (const std::size_t b = wordBefore(start); b != npos) {
    if (const ContextWord* cw = data_.context(toks_[b].text)) c = cw->grammatical_case;
  }
  return oneForm(c, nounAt(noun).gender);
}

NounInfo Classifier::nounAt(std::size_t n) const {
  // A hyphenated compound takes the gender of its last part ("Bundesliga-Runde": die Runde); any part
  // may make a number before it an ordinal ("28. Bundesliga-Runde").
  NounInfo info = data_.noun(toks_[n].text);
  bool ordinal = info.ordinal;
  for (std::size_t k = n; isSym(k + 1, "-") && isWord(k + 2) && k < n + 8; k += 2) {
    info = data_.noun(toks_[k + 2].text);
    ordinal = ordinal || info.ordinal;
  }
  info.ordinal = ordinal;
  return info;
}

std::string Classifier::appositionArticle(std::size_t i) const {
  // "am Mittwoch, 17. Juni" -> "am Mittwoch, dem siebzehnten Juni": a date after a weekday and a comma
  // takes the article of the weekday's case (months are masculine, like weekdays).
  // The weekday may be abbreviated ("am Sa., 12.4." and, without the comma, "am Sa. 12.4.").
  if (i < 3 || !isSpace(i - 1)) return {};
  const auto abbreviatedDay = [&](std::size_t dot) {
    return isSym(dot, ".") && isWord(dot - 1) && data_.weekday(std::string(toks_[dot - 1].text) + ".");
  };
  std::size_t day = npos;
  if (isSym(i - 2, ",") && isWord(i - 3) && data_.weekday(toks_[i - 3].text)) day = i - 3;
  else if (i >= 4 && isSym(i - 2, ",") && abbreviatedDay(i - 3)) day = i - 4;
  else if (abbreviatedDay(i - 2)) day = i - 3;
  if (day == npos) return {};
  Case c = Case::Nominative;
  if (const std::size_t b = wordBefore(day); b != npos) {
    if (const ContextWord* cw = data_.context(toks_[b].text)) c = cw->grammatical_case;
  }
  return data_.article(c, Gender::Masculine);
}

}  // namespace vorlesen::normalize
