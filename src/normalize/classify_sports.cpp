// Classifier: sports — scores and match minutes.
#include <string>

#include "normalize/classifier_internal.h"

namespace vorlesen::normalize {

bool Classifier::score(std::size_t i, Semiotic& out) const {
  return tableScore(i, out) || setScores(i, out) || goalScore(i, out);
}

bool Classifier::goalScore(std::size_t i, Semiotic& out) const {
  // "2:1" (a clock time needs two-digit minutes and was tried first); "ein 1:0-Sieg" and "eine 0:1- oder
  // 1:2-Niederlage" hyphenate the score ("null-zu-eins-"), so it reads as one word with the noun.
  if (!isSym(i + 1, ":") || !isNum(i + 2) || toks_[i].text.size() > 2 || toks_[i + 2].text.size() > 2 ||
      isSym(i + 3, ":")) {
    return false;
  }
  out = Semiotic{};
  out.cls = TokenClass::Score;
  out.first = i;
  out.last = i + 3;
  pairParts(i, out.parts);
  if (isSym(out.last, "-")) {
    out.parts[0].suffix = "-";
    out.parts[1].glue = true;
    out.parts[1].suffix = "-";
    out.parts[2].glue = true;
  }
  compoundSuffix(out);
  return true;
}

void Classifier::pairParts(std::size_t i, std::vector<Part>& parts) const {
  // "A:B", "A/B" -> "A zu B".
  parts.push_back(numberPart(toks_[i].span, toks_[i].text, NumberForm::Numbering));
  parts.push_back(words(toks_[i + 1].span, data_.word("score")));
  parts.push_back(numberPart(toks_[i + 2].span, toks_[i + 2].text, NumberForm::Numbering));
}

bool Classifier::tableScore(std::size_t i, Semiotic& out) const {
  // A table line "(9/6:10)": points, then goals -> "neun, sechs zu zehn" (not a fraction).
  if (!isSym(i + 1, "/") || !isNum(i + 2) || !isSym(i + 3, ":") || !isNum(i + 4) || isSym(i + 5, ":")) return false;
  out = Semiotic{};
  out.cls = TokenClass::Score;
  out.first = i;
  out.last = i + 5;
  out.parts.push_back(numberPart(toks_[i].span, toks_[i].text, NumberForm::Numbering));
  out.parts.back().suffix = data_.word("pause");
  pairParts(i + 2, out.parts);
  return true;
}

bool Classifier::isSetScore(std::size_t k) const {
  // A tennis set "6/4", "7/6", "4/6", a long final set "10/8": games up to 7, the winner with 6 or 7.
  if (!isNum(k) || !isSym(k + 1, "/") || !isNum(k + 2) || toks_[k].text.size() > 2 || toks_[k + 2].text.size() > 2 ||
      isSym(k + 3, "/") || (isSym(k + 3, ".") && isNum(k + 4))) {
    return false;
  }
  const long long a = valueOf(toks_[k].text), b = valueOf(toks_[k + 2].text);
  const long long hi = a > b ? a : b, lo = a > b ? b : a;
  return (hi == 6 && lo <= 4) || (hi == 7 && lo >= 5 && lo <= 6) || (lo >= 6 && hi - lo == 2);
}

bool Classifier::setScores(std::size_t i, Semiotic& out) const {
  // "6/4 7/6" -> "sechs zu vier, sieben zu sechs". One pair alone is a set when it is no proper fraction
  // ("6/4"); "4/6" alone stays "vier Sechstel".
  std::vector<std::size_t> sets;
  for (std::size_t k = i; isSetScore(k);) {
    sets.push_back(k);
    std::size_t next = k + 3;
    if (isSym(next, ",")) ++next;
    if (!isSpace(next) || toks_[next].text != " ") break;
    k = next + 1;
  }
  if (sets.empty()) return false;
  if (sets.size() == 1 && valueOf(toks_[i].text) < valueOf(toks_[i + 2].text)) return false;
  out = Semiotic{};
  out.cls = TokenClass::Score;
  out.first = i;
  for (std::size_t s = 0; s < sets.size(); ++s) {
    pairParts(sets[s], out.parts);
    if (s + 1 < sets.size()) out.parts.back().suffix = data_.word("pause");
  }
  out.last = sets.back() + 3;
  return true;
}

bool Classifier::inMinuteList(std::size_t i) const {
  // "(23.", "(23., 45." and "(12., 34. und 56.": items of a bracketed list of match minutes.
  for (std::size_t k = i, items = 0; k > 0 && items < 8; ++items) {
    std::size_t p = k - 1;
    if (isSpace(p) && p > 0) --p;
    if (isSym(p, "(")) return true;
    const bool joint = isSym(p, ",") || (isWord(p) && data_.numberContext(toks_[p].text, kConjunction));
    if (!joint || p < 2) return false;
    std::size_t q = p - 1;
    if (isSpace(q) && q > 0) --q;
    if (!isSym(q, ".") || q == 0 || !isNum(q - 1)) return false;
    k = q - 1;
  }
  return false;
}

bool Classifier::isTablePosition(std::size_t i, long long value) const {
  // A lone "(4.)" after a team is its place in the table, unless the sentence is about a match: a score
  // ("2:1") or a word of number_context.tsv kind "match" ("Tor", "traf", "Elfmeter") makes it a minute.
  return value <= 20 && i > 0 && isSym(i - 1, "(") && isSym(i + 2, ")") && !aboutMatch();
}

bool Classifier::aboutMatch() const {
  if (about_match_ < 0) {
    about_match_ = 0;
    for (std::size_t k = 0; k < toks_.size() && about_match_ == 0; ++k) {
      if ((isWord(k) && data_.numberContext(toks_[k].text, kMatch)) || (isNum(k) && isSym(k + 1, ":") && isNum(k + 2))) {
        about_match_ = 1;
      }
    }
  }
  return about_match_ == 1;
}

bool Classifier::matchMinute(std::size_t i, Semiotic& out) const {
  // "(23.)", "(23., 45.)", "(90.+2)", "(45./Elfmeter)": the minute of a goal, an ordinal
  // ("dreiundzwanzigste"); stoppage time is added with "plus".
  const long long v = valueOf(toks_[i].text);
  if (!isSym(i + 1, ".") || v < 1 || v > 130 || toks_[i].text[0] == '0') return false;
  const std::size_t after = i + 2;
  const bool closes = isSym(after, ")") || isSym(after, ",") || isSym(after, "+") || isSym(after, "/") ||
                      isSym(after, ";") || (isSpace(after) && contextWordAt(after + 1, kConjunction));
  if (!closes || !inMinuteList(i)) return false;
  out = Semiotic{};
  out.first = i;
  out.last = after;
  if (isTablePosition(i, v)) {  // "Salzburg (1.) empfängt Rapid (4.)": "Erster", "Vierter"
    out.cls = TokenClass::Ordinal;
    out.parts.push_back(numberPart(spanOf(i, after), toks_[i].text, NumberForm::OrdinalR));
    return true;
  }
  out.cls = TokenClass::MatchMinute;
  out.parts.push_back(numberPart(spanOf(i, after), toks_[i].text, NumberForm::OrdinalE));
  if (isSym(after, "+") && isNum(after + 1)) {
    out.parts.push_back(words(toks_[after].span, data_.word("plus")));
    out.parts.push_back(numberPart(toks_[after + 1].span, toks_[after + 1].text, NumberForm::Numbering));
    out.last = after + 2;
  }
  if (isSym(out.last, "/") && isWord(out.last + 1)) {  // "(12./Elfmeter)": a pause, not "Schrägstrich"
    out.parts.back().suffix = data_.word("pause");
    out.parts.push_back(words(toks_[out.last + 1].span, std::string(toks_[out.last + 1].text)));
    out.last += 2;
  }
  return true;
}

}  // namespace vorlesen::normalize
