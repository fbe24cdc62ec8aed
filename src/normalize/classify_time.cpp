// Classifier: clock times, durations and dates.
#include <string>

#include "normalize/classifier_internal.h"

namespace vorlesen::normalize {

// --- clock times and durations ---------------------------------------------------------------------

bool Classifier::time(std::size_t i, Semiotic& out) const {
  if (toks_[i].text.size() > 2) return false;
  if (!isSym(i + 1, ":") && !isSym(i + 1, ".")) return clockHour(i, out);
  ClockParts c;
  if (!parseClock(i, c)) return false;
  if (c.colon && duration(c, out)) return true;
  if (c.hour > 24 || c.fraction_tok) return false;
  const std::size_t uhr = skipSpace(c.end);
  const std::size_t uhr_end = contextWordAt(uhr, kClock);
  if (!c.colon && !uhr_end && !dottedClock(c)) return false;
  if (isNum(c.end) || isWord(c.end)) return false;
  out.cls = TokenClass::Time;
  out.first = i;
  out.last = uhr_end ? uhr_end : c.end;
  if (c.second >= 0 && !uhr_end) return durationWithSeconds(c, out);
  clockParts(c, out);
  if (uhr_end) out.parts[1].source = spanOf(uhr, uhr_end);
  if (!uhr_end) timeRange(out);
  return true;
}

bool Classifier::dottedClock(const ClockParts& c) const {
  // "ab 20.15 im Ersten", "bis 23.30", "ORF 2 23.00 Magazin": a clock time without "Uhr". German writes
  // decimals with a comma, so "H.MM" is a time unless a unit or currency follows ("3.50 Euro"), a
  // version word precedes ("Version 3.11"), or an article or "am" makes it a date ("am 24.12").
  if (isSym(c.end, ".") && (isNum(c.end + 1) || (c.minute >= 1 && c.minute <= 12))) return false;
  if (const std::size_t b = wordBefore(c.first); b != npos) {
    if (data_.numberContext(toks_[b].text, kVersion)) return false;
    const ContextWord* cw = data_.context(toks_[b].text);
    if (cw && cw->determiner) return false;
  }
  Quantity q;
  const std::size_t k = skipSpace(c.end);
  return !scaleAt(k, q) && !unitAt(k, q);
}

void Classifier::timeRange(Semiotic& out) const {
  // "9.30–11.00 Uhr", "9:30-11:00" -> "neun Uhr dreißig bis elf Uhr".
  const std::size_t dash = out.last;
  if (!(isSym(dash, "-") || isSym(dash, "\u2013")) || !isNum(dash + 1) || toks_[dash + 1].text.size() > 2) return;
  ClockParts c;
  if (!parseClock(dash + 1, c) || c.hour > 24 || c.fraction_tok || isNum(c.end) || isWord(c.end)) return;
  if (!isSym(dash + 2, ":") && !isSym(dash + 2, ".")) return;
  out.parts.push_back(words(toks_[dash].span, data_.word("range")));
  Semiotic second;
  clockParts(c, second);
  const std::size_t uhr = skipSpace(c.end);
  const std::size_t uhr_end = contextWordAt(uhr, kClock);
  if (uhr_end) second.parts[1].source = spanOf(uhr, uhr_end);
  for (Part& p : second.parts) out.parts.push_back(std::move(p));
  out.last = uhr_end ? uhr_end : c.end;
}

bool Classifier::duration(const ClockParts& c, Semiotic& out) const {
  // "2:08 Stunden" -> "zwei Stunden acht", "nach 1:55 Stunden" -> "nach einer Stunde fünfundfünfzig",
  // "18:57 Minuten" -> "achtzehn Minuten siebenundfünfzig", "1:45,3 min" -> "eine Minute fünfundvierzig
  // Komma drei". Never "Uhr": the unit word after the figure makes it a length of time.
  const std::size_t unit = skipSpace(c.end);
  if (unit != c.end + 1 || c.second >= 0) return false;
  std::size_t unit_end = contextWordAt(unit, kHours);
  const char* key = "hours";
  if (!unit_end) {
    unit_end = contextWordAt(unit, kMinutes);
    key = "minute";
  }
  if (!unit_end) return false;
  out = Semiotic{};
  out.cls = TokenClass::Duration;
  out.first = c.first;
  out.last = unit_end;
  Case grammatical_case = Case::Nominative;
  if (const std::size_t b = wordBefore(c.first); b != npos) {
    if (const ContextWord* cw = data_.context(toks_[b].text)) grammatical_case = cw->grammatical_case;
  }
  const bool one = c.hour == 1;
  out.parts.push_back(numberPart(toks_[c.hour_tok].span, toks_[c.hour_tok].text,
                                 one ? oneForm(grammatical_case, Gender::Feminine) : NumberForm::Numbering));
  out.parts.push_back(words(spanOf(unit, unit_end), data_.word(key, !one)));
  const Span minute_span = spanOf(c.minute_tok - 1, c.minute_tok + 1);
  if (c.minute != 0 || c.fraction_tok) out.parts.push_back(numberPart(minute_span, toks_[c.minute_tok].text, NumberForm::Numbering));
  if (c.fraction_tok) {
    out.parts.push_back(words(toks_[c.fraction_tok - 1].span, data_.word("decimal")));
    out.parts.push_back(digitsPart(toks_[c.fraction_tok].span, toks_[c.fraction_tok].text));
  }
  return true;
}

bool Classifier::clockHour(std::size_t i, Semiotic& out) const {
  // "8 Uhr", "17 Uhr"
  const long long hour = valueOf(toks_[i].text);
  const std::size_t uhr = skipSpace(i + 1);
  const std::size_t uhr_end = contextWordAt(uhr, kClock);
  if (hour > 24 || !uhr_end || uhr == i + 1) return false;
  out.cls = TokenClass::Time;
  out.first = i;
  out.last = uhr_end;
  out.parts.push_back(numberPart(toks_[i].span, toks_[i].text, hour == 1 ? NumberForm::Masculine : NumberForm::Numbering));
  out.parts.push_back(words(spanOf(uhr, uhr_end), data_.word("hour")));
  return true;
}

bool Classifier::parseClock(std::size_t i, ClockParts& c) const {
  // "15:57", "9.30", "01:01:01", "1:45,3": two-digit minutes and seconds up to 59 (the caller checks
  // the hour: a clock's is at most 24, a duration's first field may be minutes).
  c = ClockParts{};
  c.first = c.hour_tok = i;
  c.colon = isSym(i + 1, ":");
  c.minute_tok = i + 2;
  if (!isNum(c.minute_tok) || toks_[c.minute_tok].text.size() != 2) return false;
  c.hour = valueOf(toks_[i].text);
  c.minute = valueOf(toks_[c.minute_tok].text);
  if (c.minute > 59) return false;
  c.end = i + 3;
  if (c.colon && isSym(c.end, ":") && isNum(c.end + 1) && toks_[c.end + 1].text.size() == 2) {
    c.second = valueOf(toks_[c.end + 1].text);
    if (c.second > 59 || c.hour > 24) return false;
    c.second_tok = c.end + 1;
    c.end += 2;
  }
  // Tenths of a second in a duration: "1:45,3 Minuten".
  if (c.colon && c.end + 1 < toks_.size() && data_.decimalSeparator(toks_[c.end].text) && isNum(c.end + 1)) {
    c.fraction_tok = c.end + 1;
    c.end += 2;
  }
  return true;
}

bool Classifier::durationWithSeconds(const ClockParts& c, Semiotic& out) const {
  // "in 2:01:09 Stunden" is a duration: "zwei Stunden eine Minute neun Sekunden".
  const std::size_t unit = skipSpace(c.end);
  const std::size_t unit_end = unit == c.end + 1 ? contextWordAt(unit, kHours) : 0;
  const Span hours_span = unit_end ? spanOf(unit, unit_end) : toks_[c.hour_tok + 1].span;
  out.last = unit_end ? unit_end : c.end;
  const auto amount = [&](std::size_t tok, long long v, Span src, const char* key) {
    out.parts.push_back(numberPart(src, toks_[tok].text, v == 1 ? NumberForm::Feminine : NumberForm::Numbering));
    out.parts.push_back(words(src, data_.word(key, v != 1)));
  };
  amount(c.hour_tok, c.hour, toks_[c.hour_tok].span, "hours");
  out.parts.back().source = hours_span;
  amount(c.minute_tok, c.minute, spanOf(c.minute_tok - 1, c.minute_tok + 1), "minute");
  amount(c.second_tok, c.second, spanOf(c.second_tok - 1, c.second_tok + 1), "second");
  return true;
}

void Classifier::clockParts(const ClockParts& c, Semiotic& out) const {
  // "fünfzehn Uhr siebenundfünfzig", "ein Uhr eine Minute eine Sekunde".
  out.parts.push_back(numberPart(toks_[c.hour_tok].span, toks_[c.hour_tok].text,
                                 c.hour == 1 ? NumberForm::Masculine : NumberForm::Numbering));
  out.parts.push_back(words(toks_[c.hour_tok + 1].span, data_.word("hour")));
  const Span min_span = spanOf(c.minute_tok - 1, c.minute_tok + 1);
  const std::string_view minute = toks_[c.minute_tok].text;
  if (c.second >= 0) {
    out.parts.push_back(numberPart(min_span, minute, c.minute == 1 ? NumberForm::Feminine : NumberForm::Numbering));
    out.parts.push_back(words(min_span, data_.word("minute", c.minute != 1)));
    const Span sec_span = spanOf(c.second_tok - 1, c.second_tok + 1);
    out.parts.push_back(numberPart(sec_span, toks_[c.second_tok].text,
                                   c.second == 1 ? NumberForm::Feminine : NumberForm::Numbering));
    out.parts.push_back(words(sec_span, data_.word("second", c.second != 1)));
  } else if (c.minute != 0) {
    out.parts.push_back(numberPart(min_span, minute, NumberForm::Numbering));
  }
}

// --- dates -----------------------------------------------------------------------------------------

bool Classifier::date(std::size_t i, Semiotic& out) const {
  if (isoDate(i, out)) return true;
  const std::string_view first = toks_[i].text;
  if (first.size() > 2 || !isSym(i + 1, ".")) return false;
  const long long day = valueOf(first);
  if (day < 1 || day > 31) return false;
  return numericDate(i, out) || namedMonthDate(i, out);
}

void Classifier::dayParts(std::size_t i, std::vector<Part>& parts) const {
  // The day "17." of a date, after the article a weekday before it asks for ("Mittwoch, dem 17.").
  const std::string article = appositionArticle(i);
  NumberForm form = dayForm(i);
  if (!article.empty()) {
    parts.push_back(words(toks_[i].span, article));
    if (const ContextWord* cw = data_.context(article)) ordinalFormFromEnding(cw->ending[0], form);
  }
  parts.push_back(numberPart(spanOf(i, i + 2), toks_[i].text, form));
}

bool Classifier::isoDate(std::size_t i, Semiotic& out) const {
  // ISO 8601: 2025-05-08, 2003-3-2, 2003-03
  const std::string_view first = toks_[i].text;
  if (first.size() != 4 || !isSym(i + 1, "-") || !isNum(i + 2) || toks_[i + 2].text.size() > 2) return false;
  const long long year = valueOf(first);
  const long long month = valueOf(toks_[i + 2].text);
  if (year < 1000 || year > 2999 || month < 1 || month > 12) return false;
  out.cls = TokenClass::Date;
  out.first = i;
  if (isSym(i + 3, "-") && isNum(i + 4) && toks_[i + 4].text.size() <= 2) {
    const long long day = valueOf(toks_[i + 4].text);
    if (day < 1 || day > 31 || isNum(i + 5) || isWord(i + 5)) return false;
    out.last = i + 5;
    out.parts.push_back(numberPart(spanOf(i + 3, i + 5), toks_[i + 4].text, dayForm(i)));
  } else if (toks_[i + 2].text.size() == 2 && toks_[i + 2].text[0] == '0' && !isSym(i + 3, "-") && !isWord(i + 3) &&
             !isNum(i + 3)) {
    out.last = i + 3;
  } else {
    return false;
  }
  out.parts.push_back(words(spanOf(i + 1, i + 3), data_.monthName(static_cast<int>(month))));
  out.parts.push_back(numberPart(toks_[i].span, first, NumberForm::Year));
  return true;
}

bool Classifier::numericDate(std::size_t i, Semiotic& out) const {
  // 8.5.2025, 08.02.25, 3.5., "12. 3. 1970" (one space after a dot); "am 24.12" (the last dot
  // forgotten) after an article or "am".
  const bool spaced = isSpace(i + 2) && toks_[i + 2].text == " ";
  const std::size_t m = spaced ? i + 3 : i + 2;  // the month
  if (!isNum(m) || toks_[m].text.size() > 2) return false;
  const long long month = valueOf(toks_[m].text);
  if (month < 1 || month > 12) return false;
  if (!isSym(m + 1, ".")) return !spaced && undottedDate(i, month, out);
  std::size_t y = m + 2;  // the year, if any
  if (spaced && isSpace(y) && toks_[y].text == " " && isNum(y + 1)) ++y;
  const bool has_year = isNum(y) && (toks_[y].text.size() == 4 || (toks_[y].text.size() == 2 && y == m + 2));
  if (!has_year && isNum(m + 2)) return false;
  out.cls = TokenClass::Date;
  out.first = i;
  out.last = has_year ? y + 1 : m + 2;
  dayParts(i, out.parts);
  out.parts.push_back(words(spanOf(m, m + 2), data_.monthName(static_cast<int>(month))));
  if (has_year) {
    const std::string_view year = toks_[y].text;
    out.parts.push_back(numberPart(toks_[y].span, year, year.size() == 4 ? NumberForm::Year : NumberForm::Numbering));
  } else {
    closeWithDot(m + 1, out);
  }
  return true;
}

bool Classifier::undottedDate(std::size_t i, long long month, Semiotic& out) const {
  // "am 24.12 ist Weihnachten": only after an article or "am", and not before a word or a number.
  const ContextWord* cw = contextBefore(i);
  if (!cw || !cw->determiner || isWord(i + 3) || isNum(i + 3) || isSym(i + 3, ",")) return false;
  out.cls = TokenClass::Date;
  out.first = i;
  out.last = i + 3;
  out.parts.push_back(numberPart(spanOf(i, i + 2), toks_[i].text, dayForm(i)));
  out.parts.push_back(words(spanOf(i + 2, i + 3), data_.monthName(static_cast<int>(month))));
  return true;
}

bool Classifier::namedMonthDate(std::size_t i, Semiotic& out) const {
  // 3. Mai 2025, 5. Jan. 2024, 14. januar
  const std::size_t m = skipSpace(i + 2);
  if (!isWord(m)) return false;
  int month = 0;
  std::size_t month_end = m + 1;
  if (isSym(m + 1, ".")) {
    month = data_.month(std::string(toks_[m].text) + ".");
    if (month) month_end = m + 2;
  }
  if (!month) month = data_.month(toks_[m].text);
  if (!month) return false;
  out.cls = TokenClass::Date;
  out.first = i;
  out.last = month_end;
  dayParts(i, out.parts);
  out.parts.push_back(words(spanOf(m, month_end), data_.monthSpoken(std::string(toks_[m].text) +
                                                                   (month_end == m + 2 ? "." : ""))));
  const std::size_t y = skipSpace(month_end);
  if (isNum(y) && y != month_end && toks_[y].text.size() == 4 && !isSym(y + 1, ",") && !isSym(y + 1, ".")) {
    out.parts.push_back(numberPart(toks_[y].span, toks_[y].text, NumberForm::Year));
    out.last = y + 1;
  } else if (month_end == m + 2) {
    closeWithDot(m + 1, out);
  }
  return true;
}

}  // namespace vorlesen::normalize
