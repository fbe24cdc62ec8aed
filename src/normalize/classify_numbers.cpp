// Classifier: numbers — amounts, fractions, ranges, ordinals, years, cardinals and number compounds.
#include <algorithm>
#include <string>

#include "normalize/classifier_internal.h"

namespace vorlesen::normalize {

bool Classifier::number(std::size_t i, std::size_t start, Semiotic& out) const {
  const bool negative = start != i;
  if (!negative && (version(i, true, out) || time(i, out) || date(i, out) || score(i, out) ||
                    matchMinute(i, out) || version(i, false, out))) {
    return true;
  }
  out = Semiotic{};
  out.first = start;
  std::vector<Part> head;
  if (negative) head.push_back(words(toks_[start].span, data_.word("minus")));
  if ((!negative && season(i, out)) || fraction(i, head, out)) return true;
  Amount a;
  parseAmount(i, a);
  if (range(a, head, out)) return true;
  {
    Semiotic probe = out;
    std::vector<Part> h = head;
    if (quantitySuffix(a.end, probe, h, a, false)) {
      out = std::move(probe);
      return true;
    }
  }
  out.last = a.end;
  out.parts = head;
  if (a.has_fraction) {
    out.cls = TokenClass::Decimal;
    amountParts(a, NumberForm::Numbering, out.parts);
    return true;
  }
  if (!negative && (ordinal(i, start, a, out) || year(start, a, out))) return true;
  cardinal(start, a, out);
  return true;
}

// --- amounts -----------------------------------------------------------------------------------------

bool Classifier::parseAmount(std::size_t i, Amount& a) const {
  if (!isNum(i)) return false;
  a = Amount{};
  a.first = i;
  a.integer = std::string(toks_[i].text);
  std::size_t j = i + 1;
  // Thousands groups "1.000.000", "1 000", "1\u202F000" (number_context.tsv): groups of three digits.
  if (toks_[i].text.size() <= 3) {
    while (j + 1 < toks_.size() && toks_[j].kind != TokenKind::Word && data_.groupSeparator(toks_[j].text) &&
           isNum(j + 1) && toks_[j + 1].text.size() == 3) {
      a.integer += toks_[j + 1].text;
      a.grouped = true;
      j += 2;
    }
  }
  a.int_span = spanOf(i, j);
  // "15,- Euro": a price without cents.
  if (j + 1 < toks_.size() && toks_[j].kind == TokenKind::Symbol && data_.decimalSeparator(toks_[j].text) &&
      (isSym(j + 1, "-") || isSym(j + 1, "\u2013")) && !isNum(j + 2)) {
    a.end = j + 2;
    return true;
  }
  // A decimal point as in English ("88.6 MHz"): not a thousands group, and not "1.2.3" (a version).
  const bool point = !a.grouped && isSym(j, ".") && isNum(j + 1) && toks_[j + 1].text.size() != 3 &&
                     !(isSym(j + 2, ".") && isNum(j + 3));
  if (j + 1 < toks_.size() && toks_[j].kind == TokenKind::Symbol &&
      (data_.decimalSeparator(toks_[j].text) || point) && isNum(j + 1)) {
    a.has_fraction = true;
    a.fraction = std::string(toks_[j + 1].text);
    a.frac_span = spanOf(j, j + 2);
    j += 2;
  }
  a.end = j;
  return true;
}

void Classifier::amountParts(const Amount& a, NumberForm form, std::vector<Part>& parts) const {
  if (!a.has_fraction) {
    parts.push_back(numberPart(a.int_span, a.integer, form));
    return;
  }
  parts.push_back(numberPart(a.int_span, a.integer, NumberForm::Numbering));
  parts.push_back(words(Span{a.frac_span.begin, a.frac_span.begin + 1}, data_.word("decimal")));
  parts.push_back(digitsPart(Span{a.frac_span.begin + 1, a.frac_span.end}, a.fraction));
}

// --- versions ----------------------------------------------------------------------------------------

bool Classifier::version(std::size_t i, bool after_word, Semiotic& out) const {
  // "Version 3.11" -> "drei Punkt elf", "Web 2.0" -> "zwei Punkt null", "Android 6.0.1": dotted numbers
  // after a version word (number_context.tsv), ending in ".0", or with three parts or more (not a date,
  // which was tried first, and not thousands "1.000.000").
  std::size_t end = i + 1;
  bool all_groups = true;
  while (isSym(end, ".") && isNum(end + 1) && end < i + 16) {  // at most 8 fields: linear time
    all_groups = all_groups && toks_[end + 1].text.size() == 3;
    end += 2;
  }
  const std::size_t fields = (end - i + 1) / 2;
  if (fields < 2 || isWord(end) || isNum(end) || (isSym(end, ".") && isNum(end + 1))) return false;
  const std::size_t b = wordBefore(i);
  const bool word = b != npos && data_.numberContext(toks_[b].text, kVersion);
  if (after_word ? !word : (all_groups || (fields == 2 && toks_[end - 1].text != "0"))) return false;
  out = Semiotic{};
  out.cls = TokenClass::Version;
  out.first = i;
  out.last = end;
  for (std::size_t k = i; k < end; k += 2) {
    if (k > i) out.parts.push_back(words(toks_[k - 1].span, data_.word("point")));
    const std::string_view digits = toks_[k].text;
    out.parts.push_back(digits.size() > 1 && digits[0] == '0' ? digitsPart(toks_[k].span, digits)
                                                              : numberPart(toks_[k].span, digits, NumberForm::Numbering));
  }
  return true;
}

// --- seasons -----------------------------------------------------------------------------------------

bool Classifier::season(std::size_t i, Semiotic& out) const {
  // "2015/16", "2015/2016": two years in a row, a season or a school year -> "zweitausendfünfzehn-sechzehn".
  if (!isSym(i + 1, "/") || !isNum(i + 2) || toks_[i].text.size() != 4 || isSym(i + 3, "/")) return false;
  const long long y = valueOf(toks_[i].text);
  const std::string_view next = toks_[i + 2].text;
  const long long n = valueOf(next);
  const bool two = next.size() == 2 && n == (y + 1) % 100;
  if (y < 1000 || y > 2099 || !(two || (next.size() == 4 && n == y + 1))) return false;
  out = Semiotic{};
  out.cls = TokenClass::Year;
  out.first = i;
  out.last = i + 3;
  out.parts.push_back(numberPart(toks_[i].span, toks_[i].text, NumberForm::Year));
  out.parts.back().suffix = "-";
  out.parts.push_back(next[0] == '0' ? digitsPart(spanOf(i + 1, i + 3), next)
                                     : numberPart(spanOf(i + 1, i + 3), next, two ? NumberForm::Numbering : NumberForm::Year));
  out.parts.back().glue = true;
  compoundSuffix(out);
  return true;
}

// --- fractions ---------------------------------------------------------------------------------------

bool Classifier::isFraction(std::size_t n) const {
  if (!isNum(n) || !isSym(n + 1, "/") || !isNum(n + 2) || isSym(n + 3, "/") || isSym(n + 3, ".")) return false;
  const long long num = valueOf(toks_[n].text), den = valueOf(toks_[n + 2].text);
  return num >= 0 && num <= 999 && den >= 2 && den <= 1000;
}

void Classifier::fractionParts(std::string_view num, Span num_span, long long den, Span den_span,
                               std::vector<Part>& parts) const {
  // "ein Drittel", "zwei Neuntel", "ein halb": the denominator is ICU's ordinal "dritte" made "Drittel".
  const bool one = num == "1";
  parts.push_back(numberPart(num_span, num, one ? NumberForm::Masculine : NumberForm::Numbering));
  if (const auto* d = data_.denominator(static_cast<int>(den))) {
    parts.push_back(words(den_span, one ? d->first : d->second));
    return;
  }
  Part p = numberPart(den_span, std::to_string(den), NumberForm::OrdinalE);
  p.drop_ending = data_.denominatorEnding();
  p.suffix = data_.denominatorSuffix();
  p.capitalize = true;
  parts.push_back(std::move(p));
}

bool Classifier::fraction(std::size_t i, const std::vector<Part>& head, Semiotic& out) const {
  // "1/2", "2/9", mixed "1 1/2" and "1½" ("eineinhalb"; other mixed ones join with "und").
  std::vector<Part> parts = head;
  std::size_t end = 0;
  auto mixed = [&](bool half, Span joint, std::size_t first_fraction_part) {
    if (!half) {
      parts.insert(parts.begin() + static_cast<std::ptrdiff_t>(first_fraction_part), words(joint, data_.word("and")));
      return;
    }
    for (std::size_t k = first_fraction_part; k < parts.size(); ++k) parts[k].glue = true;
  };
  if (isFraction(i)) {
    fractionParts(toks_[i].text, toks_[i].span, valueOf(toks_[i + 2].text), spanOf(i + 1, i + 3), parts);
    end = i + 3;
  } else if (isSpace(i + 1) && toks_[i + 1].text == " " && isFraction(i + 2)) {
    parts.push_back(numberPart(toks_[i].span, toks_[i].text, NumberForm::Masculine));
    const std::size_t first = parts.size();
    const long long den = valueOf(toks_[i + 4].text);
    fractionParts(toks_[i + 2].text, toks_[i + 2].span, den, spanOf(i + 3, i + 5), parts);
    mixed(den == 2 && toks_[i + 2].text == "1", toks_[i + 1].span, first);
    end = i + 5;
  } else if (const auto* f = at(i + 1) ? data_.vulgarFraction(toks_[i + 1].text) : nullptr) {
    parts.push_back(numberPart(toks_[i].span, toks_[i].text, NumberForm::Masculine));
    const std::size_t first = parts.size();
    fractionParts(std::to_string(f->first), toks_[i + 1].span, f->second, toks_[i + 1].span, parts);
    mixed(f->first == 1 && f->second == 2, toks_[i + 1].span, first);
    end = i + 2;
  }
  if (!end) return false;
  out.cls = TokenClass::Fraction;
  out.last = end;
  Amount plural;  // a fraction takes the plural of a unit after it ("1 1/2 Stunden")
  plural.integer = "2";
  Semiotic probe = out;
  std::vector<Part> with_unit = parts;
  if (quantitySuffix(end, probe, with_unit, plural, true)) {
    probe.cls = TokenClass::Measure;
    out = std::move(probe);
  } else {
    out.parts = std::move(parts);
  }
  return true;
}

// --- ranges ------------------------------------------------------------------------------------------

bool Classifier::range(const Amount& a, const std::vector<Part>& head, Semiotic& out) const {
  // "2020–2024", "10-15 Prozent", "S. 12–15".
  std::size_t dash = a.end;
  bool spaced = false;
  if (isSpace(dash) && (isSym(dash + 1, "\u2013") || isSym(dash + 1, "-")) && isSpace(dash + 2)) {
    spaced = true;
    ++dash;
  }
  const std::size_t second = dash + (spaced ? 2 : 1);
  if (!(isSym(dash, "-") || isSym(dash, "\u2013") || isSym(dash, "\u2014")) || !isNum(second)) return false;
  Amount b;
  parseAmount(second, b);
  if (isSym(b.end, "-") || (isSym(b.end, ".") && isNum(b.end + 1)) || isSym(b.end, ":")) return false;
  // "2020–2024", "1869–1887 Karten" are periods; "1000–2000 Menschen" (round, before a noun) counts.
  const long long va = valueOf(a.integer), vb = valueOf(b.integer);
  const bool round = va % 100 == 0 && (b.integer.size() == 2 || vb % 100 == 0);
  const bool years = !a.grouped && !b.grouped && !a.has_fraction && !b.has_fraction && a.integer.size() == 4 &&
                     (b.integer.size() == 4 || b.integer.size() == 2) && va >= 1000 && va <= 2099 &&
                     (!capitalized(skipSpace(b.end)) || (!round && (b.integer.size() == 2 || vb > va)));
  out.cls = TokenClass::Range;
  out.last = b.end;
  std::vector<Part> parts = head;
  amountParts(a, years ? NumberForm::Year : NumberForm::Numbering, parts);
  parts.push_back(words(toks_[dash].span, data_.word("range")));
  amountParts(b, years ? NumberForm::Year : NumberForm::Numbering, parts);
  Semiotic probe = out;
  if (!years && quantitySuffix(b.end, probe, parts, b, true)) {
    probe.cls = TokenClass::Range;
    out = std::move(probe);
  } else {
    out.parts = std::move(parts);
    compoundSuffix(out);
  }
  return true;
}

// --- ordinals, years, cardinals ----------------------------------------------------------------------

bool Classifier::ordinal(std::size_t i, std::size_t start, const Amount& a, Semiotic& out) const {
  // "3." / "100. Geburtstag" / "am 3." (a date was tried already).
  const std::size_t after = a.end;
  if (!isSym(after, ".") || a.grouped) return false;
  // In a list "der 12., 34. und 78. Minute" every item takes the noun after the last one.
  const std::size_t last_dot = ordinalListEnd(after);
  const std::size_t n = skipSpace(last_dot + 1);
  const bool at_end = n >= toks_.size();
  const ContextWord* cw = contextBefore(start);
  const bool article_like = cw && cw->determiner;
  bool is_ordinal = false;
  Gender g = Gender::Masculine;
  const bool nothing_before = start == 0 || (start == 1 && isSpace(0));
  if (at_end) {
    is_ordinal = nothing_before || article_like;
  } else if (isWord(n) && n == last_dot + 2) {
    const NounInfo noun = nounAt(n);
    g = noun.gender;
    // A list item "1. Startseite" is a number; "100. Geburtstag" is an ordinal by its noun.
    is_ordinal = !capitalized(n) || article_like || noun.ordinal;
  } else if (toks_[n].kind == TokenKind::Symbol && !isSym(n, "(")) {
    is_ordinal = nothing_before || article_like;
  }
  if (!is_ordinal) return false;
  NumberForm form = cw ? NumberForm::OrdinalR : strongOrdinal(g);
  if (cw) ordinalFormFromEnding(cw->ending[static_cast<int>(g)], form);
  if (!cw && isWord(n) && !capitalized(n)) form = NumberForm::OrdinalR;
  out.cls = TokenClass::Ordinal;
  out.last = after + 1;
  out.parts.push_back(numberPart(spanOf(i, after + 1), a.integer, form));
  if (at_end) out.parts.push_back(words(toks_[after].span, ".", true));
  compoundSuffix(out);
  return true;
}

std::size_t Classifier::ordinalListEnd(std::size_t dot) const {
  // The dot of the last "N." in "12., 34. und 78." (items joined by "," or a conjunction).
  for (int items = 0; items < 8; ++items) {
    std::size_t k = skipSpace(dot + 1);
    if (isSym(k, ",") || (isWord(k) && data_.numberContext(toks_[k].text, kConjunction))) k = skipSpace(k + 1);
    else return dot;
    if (!isNum(k) || toks_[k].text.size() > 3 || !isSym(k + 1, ".") || isNum(k + 2)) return dot;
    dot = k + 1;
  }
  return dot;
}

bool Classifier::year(std::size_t start, const Amount& a, Semiotic& out) const {
  if (!readsAsYear(start, a)) return false;
  out.cls = TokenClass::Year;
  out.parts.push_back(numberPart(a.int_span, a.integer, NumberForm::Year));
  compoundSuffix(out);
  return true;
}

bool Classifier::readsAsYear(std::size_t start, const Amount& a) const {
  const long long v = valueOf(a.integer);
  if (a.grouped || a.has_fraction || a.integer.size() != 4 || v < 1000 || v > 2099) return false;
  const std::size_t after = a.end;
  const std::size_t before = wordBefore(start);
  const std::string_view bw = before != npos ? toks_[before].text : std::string_view();
  const bool noun_follows = isSpace(after) && capitalized(after + 1) && data_.month(toks_[after + 1].text) == 0;
  if (const int pair = yearPair(start, a); pair != 0) return pair > 0;
  // Before 2000 a number not followed by a noun is read as a year ("Schon 1989 fiel die Mauer");
  // from 2000 on the two readings sound alike except after the year words of number_context.tsv.
  const bool trigger = (!bw.empty() && (data_.numberContext(bw, kYear) || data_.month(bw) != 0)) ||
                       (v >= 1100 && v <= 1999 && (before != npos || skipSpace(after) < toks_.size()));
  const bool year_noun = !bw.empty() && data_.numberContext(bw, kYearNoun);
  return trigger && (!noun_follows || year_noun);
}

int Classifier::yearPair(std::size_t start, const Amount& a) const {
  // "zwischen 1869 und 1887 Karten", "von 2010 bis 2015 Wohnungen": the second number of a pair whose
  // first is a year, and later, is a year too, also before a noun; round pairs before a noun are counts
  // ("zwischen 1500 und 2000 Menschen"). 1: both years, -1: both counts, 0: no pair.
  std::size_t first = npos, second = npos;
  const std::size_t joint_before = wordBefore(start);
  if (joint_before != npos && data_.numberContext(toks_[joint_before].text, kConjunction) && joint_before >= 2 &&
      isSpace(joint_before - 1) && isNum(joint_before - 2)) {
    first = joint_before - 2;
    second = start;
  } else if (isSpace(a.end) && contextWordAt(a.end + 1, kConjunction) == a.end + 2 && isSpace(a.end + 2) &&
             isNum(a.end + 3)) {
    first = start;
    second = a.end + 3;
  }
  if (first == npos || (first > 0 && isNum(first - 1)) || (first > 1 && isSym(first - 1, "."))) return 0;
  Amount x, y;
  parseAmount(first, x);
  parseAmount(second, y);
  const long long vx = valueOf(x.integer), vy = valueOf(y.integer);
  if (x.grouped || y.grouped || x.has_fraction || y.has_fraction || x.integer.size() != 4 || y.integer.size() != 4 ||
      vx < 1000 || vy > 2099 || vy <= vx) {
    return 0;
  }
  const bool noun_follows = isSpace(y.end) && capitalized(y.end + 1) && data_.month(toks_[y.end + 1].text) == 0;
  if (noun_follows && vx % 100 == 0 && vy % 100 == 0) return -1;
  // The pair is a period when its first number reads as a year on its own.
  const std::size_t b = wordBefore(first);
  const bool trigger = (b != npos && (data_.numberContext(toks_[b].text, kYear) || data_.month(toks_[b].text) != 0)) ||
                       (vx >= 1100 && vx <= 1999);
  return trigger ? 1 : 0;
}

void Classifier::cardinal(std::size_t start, const Amount& a, Semiotic& out) const {
  const std::size_t after = a.end;
  const std::size_t next_word = skipSpace(after);
  const long long v = valueOf(a.integer);
  out.cls = TokenClass::Cardinal;
  NumberForm form = NumberForm::Numbering;
  const bool decade = contextWordAt(after, kDecadeSuffix) != 0;
  if (isWord(after) && data_.startsWithNumberContext(toks_[after].text, kDecadeSuffix) && a.integer.size() == 4 &&
      v >= 1100 && v < 2000) {
    form = NumberForm::Year;  // "1990er" reads as a year with the suffix
  } else if (capitalized(next_word) && isSpace(after)) {
    form = cardinalBefore(start, next_word, a.integer == "1");
  } else if (isSym(after, "-") || (isWord(after) && isLowerStart(toks_[after].text))) {
    form = NumberForm::Masculine;  // "1-mal" -> "einmal", "3-jährige"
  }
  if (a.integer.size() > 1 && a.integer[0] == '0') {
    out.parts.push_back(digitsPart(a.int_span, a.integer));
  } else {
    out.parts.push_back(numberPart(a.int_span, a.integer, form));
  }
  if (isWord(after) && !decade) letterSuffix(after, out);
  if (isSym(after, "/") && capitalized(after + 1)) {
    // "ORF 2/ARD": the slash between two names is a pause, not "Schrägstrich".
    out.parts.back().suffix = data_.word("pause");
    out.last = after + 1;
  }
  compoundSuffix(out);
}

void Classifier::letterSuffix(std::size_t w, Semiotic& out) const {
  // "3mal" -> "dreimal"; one letter is a name: "4k", "5G", "3D-Druck" -> "Vier-K", "Fünf-G", "Drei-D-Druck";
  // longer upper-case words stay apart ("6 PS" is a unit, "2 GB" too; "10 GHz" likewise).
  const std::string_view word = toks_[w].text;
  out.last = w + 1;
  out.cls = TokenClass::Compound;
  const bool letter = word.size() == 1 && ((word[0] >= 'a' && word[0] <= 'z') || isUpperAscii(word[0]));
  if (const std::string* times = letter ? data_.symbol(word) : nullptr) {
    // "3x täglich" -> "dreimal", "3x3" -> "drei mal drei" (symbols.tsv: "x").
    out.parts.push_back(words(toks_[w].span, *times, !isNum(w + 1)));
    return;
  }
  if (letter && out.parts.back().kind == PartKind::Number) {
    out.parts.back().form = NumberForm::Numbering;  // "1a" -> "Eins-A"
    out.parts.back().capitalize = true;
    out.parts.back().suffix = "-";
    out.parts.push_back(words(toks_[w].span, std::string(1, static_cast<char>(word[0] & ~0x20)), true));
    return;
  }
  out.parts.push_back(words(toks_[w].span, std::string(word), isLowerStart(word)));
  out.parts.back().after_number = out.parts.size() > 1 && out.parts[out.parts.size() - 2].kind == PartKind::Number;
}

void Classifier::compoundSuffix(Semiotic& out) const {
  // "40-jährige" -> "vierzigjährige", "5-Sterne-Hotel" -> "fünf-Sterne-Hotel", "90er" -> "neunziger".
  const std::size_t j = out.last;
  if (isWord(j) && contextWordAt(j, kDecadeSuffix) == j + 1 && !out.parts.empty() &&
      out.parts.back().kind == PartKind::Number) {
    out.parts.push_back(words(toks_[j].span, std::string(toks_[j].text), true));
    out.last = j + 1;
    out.cls = TokenClass::Compound;
    return compoundSuffix(out);
  }
  if (isSym(j, "-") && isWord(j + 1) && contextWordAt(j + 1, kConjunction)) {
    // A suspended hyphen with its space lost: "0:1-oder 1:2-Niederlage" -> "null-zu-eins- oder".
    out.parts.push_back(words(toks_[j].span, "-", true));
    out.last = j + 1;
    return;
  }
  if (isSym(j, "-") && isWord(j + 1) && isSym(j + 2, "-") && !out.parts.empty()) {
    if (const Unit* u = data_.unit(toks_[j + 1].text)) {
      // "100-m-Lauf" -> "hundert-Meter-Lauf", "1-km-Strecke" -> "ein-Kilometer-Strecke".
      const bool one = out.parts.back().kind == PartKind::Number && out.parts.back().text == "1";
      out.parts.push_back(words(spanOf(j, j + 2), "-" + (one ? u->singular : u->plural), true));
      out.last = j + 2;
      out.cls = TokenClass::Compound;
      return compoundSuffix(out);
    }
  }
  if (isSym(j, "-") && isWord(j + 1)) {
    const std::string_view w = toks_[j + 1].text;
    const bool acronym = std::all_of(w.begin(), w.end(), [](char c) { return isUpperAscii(c); });
    const bool after_number = !out.parts.empty() && out.parts.back().kind == PartKind::Number;
    if (isLowerStart(w)) {
      out.parts.push_back(words(spanOf(j, j + 2), std::string(w), true));
    } else if (acronym) {
      out.parts.push_back(words(spanOf(j, j + 2), std::string(w)));  // "133-A" -> "… dreiunddreißig A"
    } else {
      out.parts.push_back(words(spanOf(j, j + 2), "-" + std::string(w), true));
    }
    out.parts.back().after_number = after_number;
    out.last = j + 2;
    out.cls = TokenClass::Compound;
  }
}

}  // namespace vorlesen::normalize
