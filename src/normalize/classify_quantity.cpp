// Classifier: scale words, units and currencies after an amount, and money with the currency first.
#include <string>

#include "normalize/classifier_internal.h"

namespace vorlesen::normalize {

// After an amount (or a range): scale word, currency, unit or "/unit". `head` holds the spoken parts
// built so far: what precedes the amount ("minus"), and the amount itself when `head_has_amount`;
// otherwise the amount's form depends on the quantity word and is added here. The result goes to out.
bool Classifier::quantitySuffix(std::size_t j, Semiotic& out, std::vector<Part>& head, const Amount& a,
                                bool head_has_amount) const {
  Quantity q;
  std::size_t k = skipSpace(j);
  if (scaleAt(k, q)) k = skipSpace(q.scale_end);
  unitAt(k, q);
  // A unit flagged "spaced" needs a space after the number ("300 K", but "4K" is a resolution).
  if (q.unit && q.unit->spaced && !q.scale && q.first == j) q.unit = nullptr;
  if (q.per && !q.unit) return false;
  if (!q.scale && !q.unit && !q.currency) return false;
  const bool one = a.integer == "1" && !a.has_fraction;
  if (q.currency && !q.scale && a.has_fraction && !head_has_amount) {
    std::vector<Part> parts = head;  // "minus"
    if (moneyParts(a, *q.currency, spanOf(q.first, q.end), parts)) {
      out.parts = std::move(parts);
      out.cls = TokenClass::Money;
      out.last = q.end;
      perUnit(out);
      return true;
    }
  }
  const Gender g = q.scale ? q.scale->gender : q.unit ? q.unit->gender : q.currency->gender;
  if (!head_has_amount) {
    amountParts(a, one ? (g == Gender::Feminine ? NumberForm::Feminine : NumberForm::Masculine) : NumberForm::Masculine,
                head);
  }
  out.parts = std::move(head);
  out.last = j;
  quantityParts(q, one, out);
  if (q.currency) perUnit(out);
  if (!q.unit && !q.currency && out.cls != TokenClass::Range) {
    out.cls = a.has_fraction ? TokenClass::Decimal : TokenClass::Cardinal;
  }
  return true;
}

bool Classifier::scaleAt(std::size_t k, Quantity& q) const {
  // "Mio.", "Millionen", "Mrd" (scales.tsv).
  if (!isWord(k)) return false;
  std::size_t e = k + 1;
  if (isSym(e, ".") && data_.scale(std::string(toks_[k].text) + ".")) {
    q.scale = data_.scale(std::string(toks_[k].text) + ".");
    ++e;
  } else {
    q.scale = data_.scale(toks_[k].text);
  }
  if (!q.scale) return false;
  q.scale_first = k;
  q.scale_end = e;
  return true;
}

bool Classifier::unitAt(std::size_t k, Quantity& q) const {
  // The longest unit or currency spelled by up to four glued tokens ("km/h", "m²", "°C"), or "/unit".
  q.first = q.end = k;
  if (isSym(k, "/")) {
    q.per = true;
    ++q.first;
  }
  if (isSpace(q.first) || q.first >= toks_.size()) return false;
  std::string s;
  for (std::size_t n = q.first; n < toks_.size() && n < q.first + 4; ++n) {
    if (toks_[n].kind == TokenKind::Space) break;
    s += toks_[n].text;
    // Tokens split words whole, so a unit never ends inside a word ("5 m" yes, "5 mal" no).
    if (isWord(n + 1) && isWord(n)) continue;
    if (const Unit* u = data_.unit(s)) {
      q.unit = u;
      q.currency = nullptr;
      q.end = n + 1;
    } else if (const Currency* c = data_.currency(s); c && !q.per) {
      q.currency = c;
      q.unit = nullptr;
      q.end = n + 1;
    }
  }
  return q.unit || q.currency;
}

void Classifier::perUnit(Semiotic& out) const {
  // A price per unit or per thing: "12,50 €/m²" -> "zwölf Euro fünfzig pro Quadratmeter", "5 €/Monat" ->
  // "fünf Euro pro Monat" (the noun is read as written).
  if (!isSym(out.last, "/")) return;
  Quantity p;
  const bool unit = unitAt(out.last, p) && p.unit;
  if (!unit && !capitalized(out.last + 1)) return;
  out.parts.push_back(words(toks_[out.last].span, data_.word("per")));
  ++out.last;
  if (!unit) return;
  out.parts.push_back(words(spanOf(p.first, p.end), p.unit->singular));
  out.last = p.end;
}

void Classifier::quantityParts(const Quantity& q, bool one, Semiotic& out) const {
  if (q.scale) {
    out.parts.push_back(words(spanOf(q.scale_first, q.scale_end), one ? q.scale->singular : q.scale->plural));
    out.last = q.scale_end;
    if (!q.unit && !q.currency) closeWithDot(q.scale_end - 1, out);
  }
  const bool plural = !one || q.scale;
  if (q.unit) {
    if (q.per) out.parts.push_back(words(toks_[q.first - 1].span, data_.word("per")));
    out.parts.push_back(words(spanOf(q.first, q.end), (plural && !q.per) ? q.unit->plural : q.unit->singular));
    out.last = q.end;
    out.cls = TokenClass::Measure;
  } else if (q.currency) {
    out.parts.push_back(words(spanOf(q.first, q.end), plural ? q.currency->plural : q.currency->singular));
    out.last = q.end;
    out.cls = TokenClass::Money;
  }
}

// --- money with the currency first ----------------------------------------------------------------

bool Classifier::prefixCurrency(std::size_t i, Semiotic& out) const {
  // "$2,20", "€ 5", "EUR 12,50": read like "2,20 $".
  const Token& t = toks_[i];
  if (t.kind == TokenKind::Word && (t.text.size() != 3 || !isUpperAscii(t.text[0]) || !isUpperAscii(t.text[2]))) {
    return false;
  }
  const Currency* cur = data_.currency(t.text);
  if (!cur) return false;
  const std::size_t n = skipSpace(i + 1);
  Amount a;
  if (!parseAmount(n, a)) return false;
  out.first = i;
  out.cls = TokenClass::Money;
  std::vector<Part> head;
  if (quantitySuffix(a.end, out, head, a, false)) {
    // A scale word followed: "€2,21 millionen" -> "zwei Komma zwei eins Millionen Euro".
    out.cls = TokenClass::Money;
    auto pos = out.parts.end();
    if (!out.parts.empty() && out.parts.back().text == ".") --pos;  // keep a closing dot last
    out.parts.insert(pos, words(t.span, cur->plural));
    return true;
  }
  out.last = a.end;
  if (!moneyParts(a, *cur, t.span, out.parts)) {
    amountParts(a, NumberForm::Masculine, out.parts);
    out.parts.push_back(words(t.span, cur->plural));
  }
  return true;
}

bool Classifier::moneyParts(const Amount& a, const Currency& cur, Span cur_span, std::vector<Part>& parts) const {
  // "12,50 €" -> "zwölf Euro fünfzig", "0,99 €" -> "neunundneunzig Cent", "1,00 €" -> "ein Euro".
  std::string cents = a.fraction;
  while (!cents.empty() && cents.back() == '0') cents.pop_back();
  if (cents.size() > 2) return false;  // "2,201 $" is a decimal amount
  if (cents.size() == 1) cents += '0';
  const bool one = a.integer == "1";
  const NumberForm one_form = cur.gender == Gender::Feminine ? NumberForm::Feminine : NumberForm::Masculine;
  const bool no_units = valueOf(a.integer) == 0 && !cents.empty();
  if (!no_units) {
    parts.push_back(numberPart(a.int_span, a.integer, one ? one_form : NumberForm::Masculine));
    parts.push_back(words(cur_span, one ? cur.singular : cur.plural));
  }
  if (cents.empty()) return true;
  if (no_units) {
    parts.push_back(numberPart(a.frac_span, cents, NumberForm::Masculine));
    parts.push_back(words(cur_span, valueOf(cents) == 1 ? cur.sub_singular : cur.sub_plural));
  } else {
    parts.push_back(numberPart(a.frac_span, cents, NumberForm::Numbering));
  }
  return true;
}

}  // namespace vorlesen::normalize
