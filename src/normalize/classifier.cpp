#include "normalize/classifier.h"

#include <algorithm>
#include <string>

namespace vorlesen::normalize {

const char* className(TokenClass c) {
  switch (c) {
    case TokenClass::Cardinal: return "cardinal";
    case TokenClass::Ordinal: return "ordinal";
    case TokenClass::Decimal: return "decimal";
    case TokenClass::Year: return "year";
    case TokenClass::Date: return "date";
    case TokenClass::Time: return "time";
    case TokenClass::Money: return "money";
    case TokenClass::Measure: return "measure";
    case TokenClass::Fraction: return "fraction";
    case TokenClass::Range: return "range";
    case TokenClass::Score: return "score";
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

namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

Part words(Span source, std::string text, bool glue = false) {
  Part p;
  p.kind = PartKind::Words;
  p.source = source;
  p.text = std::move(text);
  p.glue = glue;
  return p;
}

Part numberPart(Span source, std::string_view digits, NumberForm form) {
  Part p;
  p.kind = PartKind::Number;
  p.source = source;
  p.text = std::string(digits);
  p.form = form;
  return p;
}

long long valueOf(std::string_view digits) {
  if (digits.size() > 9) return -1;
  long long v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool isUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool isLowerStart(std::string_view w) {
  const unsigned char c = static_cast<unsigned char>(w[0]);
  return (c >= 'a' && c <= 'z') || (c == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) >= 0xA0);
}

// The number form of a count before a noun of this gender in this case ("ein", "eine", "einem" ...).
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

bool isValidRoman(std::string_view s, int& value) {
  if (s.empty() || s.size() > 15) return false;
  auto val = [](char c) {
    switch (c) {
      case 'I': return 1;
      case 'V': return 5;
      case 'X': return 10;
      case 'L': return 50;
      case 'C': return 100;
      case 'D': return 500;
      case 'M': return 1000;
    }
    return 0;
  };
  int total = 0;
  for (std::size_t k = 0; k < s.size(); ++k) {
    const int v = val(s[k]);
    if (v == 0) return false;
    const int next = k + 1 < s.size() ? val(s[k + 1]) : 0;
    total += next > v ? -v : v;
  }
  if (total <= 0 || total >= 4000) return false;
  // Only the canonical spelling counts ("IIII", "VX" and words like "DC" or "MIX" do not).
  static const char* const thousands[] = {"", "M", "MM", "MMM"};
  static const char* const hundreds[] = {"", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"};
  static const char* const tens[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
  static const char* const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  const std::string canonical = std::string(thousands[total / 1000]) + hundreds[total / 100 % 10] +
                                tens[total / 10 % 10] + ones[total % 10];
  if (canonical != s) return false;
  value = total;
  return true;
}

}  // namespace

struct Classifier::Amount {
  std::size_t first = 0, end = 0;  // tokens [first, end)
  std::string integer;             // digits without group separators
  std::string fraction;            // digits after the decimal comma
  bool has_fraction = false;
  bool grouped = false;
  Span int_span, frac_span;
};

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

bool Classifier::capitalized(std::size_t j) const {
  if (!isWord(j)) return false;
  const std::string_view w = toks_[j].text;
  const unsigned char c = static_cast<unsigned char>(w[0]);
  return isUpperAscii(w[0]) || (c == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) >= 0x80 &&
                                static_cast<unsigned char>(w[1]) < 0xA0);
}

bool Classifier::classify(std::size_t i, Semiotic& out) const {
  out = Semiotic{};
  const Token& t = toks_[i];
  switch (t.kind) {
    case TokenKind::Space: return false;
    case TokenKind::Number:
      return electronic(i, out) || telephone(i, out) || number(i, i, out);
    case TokenKind::Word:
      return electronic(i, out) || abbreviation(i, out) || prefixCurrency(i, out) || wordWithDigits(i, out) ||
             roman(i, out) || dottedLetters(i, out);
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

// --- URLs, e-mail addresses, handles ----------------------------------------------------------------

bool Classifier::electronic(std::size_t i, Semiotic& out) const {
  if (i > 0 && !isSpace(i - 1) && !isSym(i - 1, "(") && !isSym(i - 1, "<")) return false;
  const std::size_t begin = toks_[i].span.begin;
  std::size_t end = begin;
  while (end < within_.end && static_cast<unsigned char>(text_[end]) > ' ') ++end;
  // Closing punctuation belongs to the sentence, not the address.
  while (end > begin && std::string_view(".,;:!?)>\"'").find(text_[end - 1]) != std::string_view::npos) --end;
  const std::string_view chunk = text_.substr(begin, end - begin);
  if (chunk.size() < 3) return false;
  const std::size_t at = chunk.find('@');
  const bool url = chunk.rfind("http://", 0) == 0 || chunk.rfind("https://", 0) == 0 || chunk.rfind("www.", 0) == 0;
  const bool mail = at != std::string_view::npos && at > 0 && chunk.find('.', at) != std::string_view::npos &&
                    chunk.find('@', at + 1) == std::string_view::npos;
  const bool handle = at == 0 && chunk.size() > 1 && std::isalnum(static_cast<unsigned char>(chunk[1]));
  if (!url && !mail && !handle) return false;
  // Every byte must be printable ASCII; anything else is not an address we can read out.
  for (char c : chunk) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  out.cls = TokenClass::Electronic;
  out.first = i;
  std::size_t j = i;
  while (j < toks_.size() && toks_[j].span.end <= end) ++j;
  out.last = j;
  std::size_t k = 0;
  while (k < chunk.size()) {
    const std::size_t s = k;
    const char c = chunk[k];
    const Span src{begin + s, begin + s + 1};
    if (std::isalpha(static_cast<unsigned char>(c))) {
      while (k < chunk.size() && std::isalpha(static_cast<unsigned char>(chunk[k]))) ++k;
      const std::string_view w = chunk.substr(s, k - s);
      const Span wsrc{begin + s, begin + k};
      const std::string lower = lowerGerman(w);
      if (const std::string* spoken = data_.urlWord(lower)) {
        out.parts.push_back(words(wsrc, *spoken));
      } else if (w.size() < 4) {  // "abc", "de": spelled; longer parts are read as words
        Part p = words(wsrc, std::string(w));
        p.kind = PartKind::Letters;
        out.parts.push_back(std::move(p));
      } else {
        out.parts.push_back(words(wsrc, std::string(w)));
      }
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      while (k < chunk.size() && std::isdigit(static_cast<unsigned char>(chunk[k]))) ++k;
      Part p = numberPart(Span{begin + s, begin + k}, chunk.substr(s, k - s), NumberForm::Numbering);
      p.kind = PartKind::Digits;
      out.parts.push_back(std::move(p));
    } else {
      ++k;
      if (const std::string* spoken = data_.urlSymbol(chunk.substr(s, 1))) out.parts.push_back(words(src, *spoken));
    }
  }
  return !out.parts.empty();
}

// --- abbreviations, letters, roman numerals -----------------------------------------------------------

void Classifier::closeWithDot(std::size_t dot_token, Semiotic& out) const {
  // The dot of an abbreviation may also end the sentence: keep the sentence end audible.
  const std::size_t next = skipSpace(dot_token + 1);
  if (next >= toks_.size()) out.parts.push_back(words(toks_[dot_token].span, ".", true));
}

bool Classifier::weekdayRange(std::size_t i, Semiotic& out) const {
  // "Mo.–Fr.", "Mo-Fr", "Mo. – Fr.": "Montag bis Freitag".
  const auto day = [&](std::size_t k, std::size_t& end) -> const std::string* {
    if (!isWord(k)) return nullptr;
    if (isSym(k + 1, ".")) {
      if (const std::string* d = data_.weekday(std::string(toks_[k].text) + ".")) {
        end = k + 2;
        return d;
      }
    }
    end = k + 1;
    return data_.weekday(toks_[k].text);
  };
  std::size_t end1 = 0, end2 = 0;
  const std::string* from = day(i, end1);
  if (!from) return false;
  std::size_t dash = end1;
  const bool spaced = isSpace(dash);
  if (spaced) ++dash;
  if (!isSym(dash, "-") && !isSym(dash, "\u2013")) return false;
  const std::size_t second = spaced ? dash + 2 : dash + 1;
  if (spaced && !isSpace(dash + 1)) return false;
  const std::string* to = day(second, end2);
  if (!to || isWord(end2)) return false;
  out.cls = TokenClass::Range;
  out.first = i;
  out.last = end2;
  out.parts.push_back(words(spanOf(i, end1), *from));
  out.parts.push_back(words(toks_[dash].span, data_.word("range")));
  out.parts.push_back(words(spanOf(second, end2), *to));
  return true;
}

bool Classifier::abbreviation(std::size_t i, Semiotic& out) const {
  const Token& t = toks_[i];
  if (i > 0 && (isWord(i - 1) || isNum(i - 1))) return false;
  if (weekdayRange(i, out)) return true;
  if (const Abbreviation* a = data_.abbreviationAt(text_, t.span.begin, within_.end)) {
    const std::size_t end = t.span.begin + a->written.size();
    std::size_t j = i;
    while (j < toks_.size() && toks_[j].span.end < end) ++j;
    if (j < toks_.size() && toks_[j].span.end == end) {
      const std::size_t last = j + 1;
      if (a->needs_number && !isNum(skipSpace(last))) return false;
      out.cls = TokenClass::Abbreviation;
      out.first = i;
      out.last = last;
      out.parts.push_back(words(spanOf(i, last), a->spoken));
      if (a->written.back() == '.') {
        const std::size_t next = skipSpace(last);
        if (next >= toks_.size() || (a->may_end && capitalized(next) && isSpace(last))) {
          out.parts.push_back(words(toks_[j].span, ".", true));
        }
      }
      return true;
    }
  }
  // "Hauptstr." -> "Hauptstraße"
  if (isSym(i + 1, ".")) {
    const std::string with_dot = std::string(t.text) + ".";
    if (const Abbreviation* a = data_.suffixAbbreviation(with_dot)) {
      out.cls = TokenClass::Abbreviation;
      out.first = i;
      out.last = i + 2;
      const std::size_t stem = with_dot.size() - a->written.size();
      out.parts.push_back(words(spanOf(i, i + 2), std::string(t.text.substr(0, stem)) + a->spoken));
      closeWithDot(i + 1, out);
      return true;
    }
  }
  return false;
}

bool Classifier::dottedLetters(std::size_t i, Semiotic& out) const {
  // "U.S.A." or "U.S." not in abbreviations.tsv: spell the letters, never pass dots to eSpeak.
  if (i > 0 && isWord(i - 1)) return false;
  std::size_t j = i;
  std::string letters;
  while (isWord(j) && toks_[j].text.size() == 1 && isSym(j + 1, ".")) {
    letters += toks_[j].text;
    j += 2;
  }
  if (letters.size() < 2 || isWord(j) || isNum(j)) return false;
  out.cls = TokenClass::Letters;
  out.first = i;
  out.last = j;
  Part p = words(spanOf(i, j), letters);
  p.kind = PartKind::Letters;
  out.parts.push_back(std::move(p));
  closeWithDot(j - 1, out);
  return true;
}

bool Classifier::roman(std::size_t i, Semiotic& out) const {
  int value = 0;
  if (!isValidRoman(toks_[i].text, value)) return false;
  if (i > 0 && !isSpace(i - 1)) return false;
  if (isWord(i + 1) || isNum(i + 1)) return false;
  const std::size_t before = wordBefore(i);
  const std::string digits = std::to_string(value);
  const Span src = toks_[i].span;
  if (before != npos) {
    std::string_view name = toks_[before].text;
    bool genitive = false;
    NounInfo info = data_.noun(name);
    if (!info.name && name.size() > 2 && name.back() == 's') {
      const NounInfo stem = data_.noun(name.substr(0, name.size() - 1));
      if (stem.name) {
        info = stem;
        genitive = true;
      }
    }
    if (info.name && isSym(i + 1, ".") && value < 100) {
      // "Ludwig XIV." -> "Ludwig der Vierzehnte"; case from the word before the name.
      Case c = Case::Nominative;
      if (genitive) {
        c = Case::Genitive;
      } else if (const std::size_t ctx = wordBefore(before); ctx != npos) {
        if (const ContextWord* cw = data_.context(toks_[ctx].text)) c = cw->grammatical_case;
      }
      const std::string& article = data_.article(c, info.gender);
      NumberForm form = NumberForm::OrdinalN;
      if (const ContextWord* aw = data_.context(article)) {
        ordinalFormFromEnding(aw->ending[static_cast<int>(info.gender)], form);
      }
      out.cls = TokenClass::Roman;
      out.first = i;
      out.last = i + 2;
      out.parts.push_back(words(src, article));
      Part p = numberPart(spanOf(i, i + 2), digits, form);
      p.capitalize = true;
      out.parts.push_back(std::move(p));
      closeWithDot(i + 1, out);
      return true;
    }
    if (data_.noun(toks_[before].text).numbered && !isSym(i + 1, ".")) {
      out.cls = TokenClass::Roman;
      out.first = i;
      out.last = i + 1;
      out.parts.push_back(numberPart(src, digits, NumberForm::Numbering));
      return true;
    }
  }
  // "II. Weltkrieg", "im XX. Jahrhundert"
  if (isSym(i + 1, ".") && isSpace(i + 2) && isWord(i + 3) && data_.noun(toks_[i + 3].text).ordinal) {
    const NounInfo noun = data_.noun(toks_[i + 3].text);
    NumberForm form = strongOrdinal(noun.gender);
    if (before != npos) {
      if (const ContextWord* cw = data_.context(toks_[before].text)) {
        ordinalFormFromEnding(cw->ending[static_cast<int>(noun.gender)], form);
      }
    }
    out.cls = TokenClass::Roman;
    out.first = i;
    out.last = i + 2;
    out.parts.push_back(numberPart(spanOf(i, i + 2), digits, form));
    return true;
  }
  return false;
}

bool Classifier::wordWithDigits(std::size_t i, Semiotic& out) const {
  // "G7", "MP3", "Covid-19": the letters as they are, the number as a cardinal.
  if (i > 0 && (isWord(i - 1) || isNum(i - 1))) return false;
  std::size_t n = i + 1;
  if (isSym(n, "-") && isNum(n + 1) && !(isSym(n + 2, ".") && isNum(n + 3)) && !isSym(n + 2, ",")) ++n;
  if (!isNum(n) || isSym(n + 1, ",") || isSym(n + 1, ":")) return false;
  if (n == i + 1 && (isSym(n + 1, ".") && isNum(n + 2))) return false;
  out.cls = TokenClass::Compound;
  out.first = i;
  out.last = n + 1;
  out.parts.push_back(words(toks_[i].span, std::string(toks_[i].text)));
  Part p = numberPart(toks_[n].span, toks_[n].text, NumberForm::Numbering);
  if (toks_[n].text.size() > 4 || toks_[n].text[0] == '0') p.kind = PartKind::Digits;
  out.parts.push_back(std::move(p));
  compoundSuffix(out);
  return true;
}

bool Classifier::symbol(std::size_t i, Semiotic& out) const {
  const Token& t = toks_[i];
  if (const auto* f = data_.vulgarFraction(t.text)) {
    out.cls = TokenClass::Fraction;
    out.first = i;
    out.last = i + 1;
    fractionParts(std::to_string(f->first), t.span, f->second, t.span, out.parts);
    return true;
  }
  std::size_t last = i + 1;
  std::string key(t.text);
  if (isSym(i + 1, std::string_view(key))) {
    key += key;  // "§§"
    if (!data_.symbol(key)) key = std::string(t.text);
    else last = i + 2;
  }
  const std::string* spoken = data_.symbol(key);
  if (!spoken) return false;
  // A symbol glued between letters is part of a name ("AT&T", "C#"): leave it.
  if (i > 0 && isWord(i - 1) && isWord(last)) return false;
  out.cls = TokenClass::Symbol;
  out.first = i;
  out.last = last;
  out.parts.push_back(words(spanOf(i, last), *spoken));
  return true;
}

// --- money with the currency first, telephone numbers ------------------------------------------------

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

bool Classifier::telephone(std::size_t i, Semiotic& out) const {
  std::size_t j = i;
  Part lead;
  bool have_lead = false;
  if (isSym(i, "+") && isNum(i + 1) && toks_[i + 1].text.size() <= 3 && (isSpace(i + 2) || isSym(i + 2, "-"))) {
    // "+49 30 1234567": "plus neunundvierzig", then the digits.
    lead = numberPart(spanOf(i, i + 2), toks_[i + 1].text, NumberForm::Numbering);
    have_lead = true;
    j = i + 3;
  } else if (isSym(i, "(") && isNum(i + 1) && toks_[i + 1].text[0] == '0' && isSym(i + 2, ")")) {
    j = i;
  } else if (isNum(i) && toks_[i].text.size() >= 3 && toks_[i].text[0] == '0' && !isSym(i + 1, ",") &&
             !isSym(i + 1, ".") && !isSym(i + 1, ":")) {
    j = i;
  } else {
    return false;
  }
  std::vector<Part> groups;
  std::size_t digits = 0;
  std::size_t last = j;
  for (std::size_t k = j; k < toks_.size();) {
    if (isSym(k, "(") && isNum(k + 1) && isSym(k + 2, ")")) {
      Part p = numberPart(spanOf(k, k + 3), toks_[k + 1].text, NumberForm::Numbering);
      p.kind = PartKind::Digits;
      groups.push_back(std::move(p));
      digits += toks_[k + 1].text.size();
      k += 3;
      last = k;
    } else if (isNum(k)) {
      Part p = numberPart(toks_[k].span, toks_[k].text, NumberForm::Numbering);
      p.kind = PartKind::Digits;
      groups.push_back(std::move(p));
      digits += toks_[k].text.size();
      ++k;
      last = k;
    } else {
      break;
    }
    // Groups are separated by one space, "-" or "/".
    if ((isSpace(k) || isSym(k, "-") || isSym(k, "/")) && (isNum(k + 1) || isSym(k + 1, "("))) {
      if (isSpace(k) && toks_[k].text != " ") break;
      ++k;
    } else {
      break;
    }
  }
  if (groups.empty() || digits < (have_lead ? 5u : 6u)) return false;
  if (!have_lead && groups.size() == 1 && !isSym(i, "(") && toks_[i].text.size() < 6) return false;
  out.cls = TokenClass::Telephone;
  out.first = i;
  out.last = last;
  if (have_lead) {
    out.parts.push_back(words(toks_[i].span, data_.word("plus")));
    out.parts.push_back(std::move(lead));
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (g + 1 < groups.size()) groups[g].suffix = ",";
    out.parts.push_back(std::move(groups[g]));
  }
  return true;
}

// --- numbers ---------------------------------------------------------------------------------------

bool Classifier::parseAmount(std::size_t i, Amount& a) const {
  if (!isNum(i)) return false;
  a = Amount{};
  a.first = i;
  a.integer = std::string(toks_[i].text);
  std::size_t j = i + 1;
  // German thousands groups "1.000.000" (also with a thin or no-break space).
  if (toks_[i].text.size() <= 3) {
    // The separator is a dot or a single space of any kind ("1 000", "1\u202F000"); groups have three digits.
    auto separator = [&](std::size_t k) {
      return isSym(k, ".") || (isSpace(k) && (toks_[k].text == " " || toks_[k].text == "\u00A0" ||
                                              toks_[k].text == "\u202F" || toks_[k].text == "\u2009"));
    };
    while (separator(j) && isNum(j + 1) && toks_[j + 1].text.size() == 3) {
      a.integer += toks_[j + 1].text;
      a.grouped = true;
      j += 2;
    }
  }
  a.int_span = spanOf(i, j);
  if (isSym(j, ",") && isNum(j + 1)) {
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
  Part d = numberPart(Span{a.frac_span.begin + 1, a.frac_span.end}, a.fraction, NumberForm::Numbering);
  d.kind = PartKind::Digits;
  parts.push_back(std::move(d));
}

const ContextWord* Classifier::contextBefore(std::size_t start) const {
  const std::size_t b = wordBefore(start);
  if (b == npos) return nullptr;
  const ContextWord* cw = data_.context(toks_[b].text);
  if (!cw || cw->ending[0] != "=") return cw;
  // "vom 5. bis 7. Juni": a conjunction takes the context of the ordinal before it ("5." after "vom").
  if (b >= 3 && isSpace(b - 1) && isSym(b - 2, ".") && isNum(b - 3)) {
    const ContextWord* earlier = contextBefore(b - 3);
    if (earlier && earlier->ending[0] != "=") return earlier;
  }
  return nullptr;
}

NumberForm Classifier::dayForm(std::size_t start) const {
  // Months are masculine: "der dritte Mai", "am dritten Mai", bare "dritter Mai".
  {
    if (const ContextWord* cw = contextBefore(start)) {
      NumberForm f = NumberForm::OrdinalR;
      if (ordinalFormFromEnding(cw->ending[0], f)) return f;
    }
  }
  return NumberForm::OrdinalR;
}

NumberForm Classifier::cardinalBefore(std::size_t start, std::size_t noun, bool is_one) const {
  if (!is_one) return NumberForm::Masculine;  // "einundzwanzig", "hundertein Menschen"
  Case c = Case::Nominative;
  if (const std::size_t b = wordBefore(start); b != npos) {
    if (const ContextWord* cw = data_.context(toks_[b].text)) c = cw->grammatical_case;
  }
  return oneForm(c, data_.noun(toks_[noun].text).gender);
}

void Classifier::compoundSuffix(Semiotic& out) const {
  // "40-jährige" -> "vierzigjährige", "5-Sterne-Hotel" -> "fünf-Sterne-Hotel", "90er" -> "neunziger".
  const std::size_t j = out.last;
  if (isWord(j) && (toks_[j].text == "er" || toks_[j].text == "ern" || toks_[j].text == "ers") &&
      !out.parts.empty() && out.parts.back().kind == PartKind::Number) {
    Part w = words(toks_[j].span, std::string(toks_[j].text), true);
    out.parts.push_back(std::move(w));
    out.last = j + 1;
    out.cls = TokenClass::Compound;
    return compoundSuffix(out);
  }
  if (isSym(j, "-") && isWord(j + 1)) {
    const std::string_view w = toks_[j + 1].text;
    const bool acronym = std::all_of(w.begin(), w.end(), [](char c) { return isUpperAscii(c); });
    if (isLowerStart(w)) {
      out.parts.push_back(words(spanOf(j, j + 2), std::string(w), true));
    } else if (acronym) {
      out.parts.push_back(words(spanOf(j, j + 2), std::string(w)));  // "133-A" -> "… dreiunddreißig A"
    } else {
      out.parts.push_back(words(spanOf(j, j + 2), "-" + std::string(w), true));
    }
    out.last = j + 2;
    out.cls = TokenClass::Compound;
  }
}

bool Classifier::time(std::size_t i, Semiotic& out) const {
  const std::string_view h = toks_[i].text;
  if (h.size() > 2) return false;
  const long long hour = valueOf(h);
  std::size_t j = i + 1;
  const bool colon = isSym(j, ":");
  const bool dot = isSym(j, ".");
  const std::size_t uhr_after_hour = skipSpace(i + 1);
  if (!colon && !dot) {
    // "8 Uhr", "17 Uhr"
    if (hour > 24 || !isWord(uhr_after_hour) || toks_[uhr_after_hour].text != "Uhr" || uhr_after_hour == i + 1) {
      return false;
    }
    out.cls = TokenClass::Time;
    out.first = i;
    out.last = uhr_after_hour + 1;
    out.parts.push_back(numberPart(toks_[i].span, h, hour == 1 ? NumberForm::Masculine : NumberForm::Numbering));
    out.parts.push_back(words(toks_[uhr_after_hour].span, data_.word("hour")));
    return true;
  }
  if (!isNum(j + 1) || toks_[j + 1].text.size() != 2) return false;
  const long long minute = valueOf(toks_[j + 1].text);
  if (hour > 24 || minute > 59) return false;
  std::size_t end = j + 2;
  long long second = -1;
  std::size_t sec_tok = 0;
  if (colon && isSym(end, ":") && isNum(end + 1) && toks_[end + 1].text.size() == 2) {
    second = valueOf(toks_[end + 1].text);
    if (second > 59) return false;
    sec_tok = end + 1;
    end += 2;
  }
  const std::size_t uhr = skipSpace(end);
  const bool has_uhr = isWord(uhr) && toks_[uhr].text == "Uhr";
  if (dot && !has_uhr) return false;  // "9.30" alone is a decimal or a date
  if (isNum(end) || isWord(end)) return false;
  out.cls = TokenClass::Time;
  out.first = i;
  out.last = has_uhr ? uhr + 1 : end;
  if (second >= 0 && !has_uhr) {
    // "in 2:01:09 Stunden" is a duration: "zwei Stunden eine Minute neun Sekunden".
    const bool unit_word = isWord(uhr) && uhr == end + 1 && (toks_[uhr].text == "Stunden" || toks_[uhr].text == "h");
    const Span hours_span = unit_word ? toks_[uhr].span : toks_[j].span;
    out.last = unit_word ? uhr + 1 : end;
    const auto amount = [&](std::string_view digits, long long v, Span src, const char* key) {
      out.parts.push_back(numberPart(src, digits, v == 1 ? NumberForm::Feminine : NumberForm::Numbering));
      out.parts.push_back(words(src, data_.word(key, v != 1)));
    };
    amount(h, hour, toks_[i].span, "hours");
    out.parts.back().source = hours_span;
    amount(toks_[j + 1].text, minute, spanOf(j, j + 2), "minute");
    amount(toks_[sec_tok].text, second, spanOf(sec_tok - 1, sec_tok + 1), "second");
    return true;
  }
  const Span hour_span = toks_[i].span;
  const Span uhr_span = has_uhr ? toks_[uhr].span : toks_[j].span;
  out.parts.push_back(numberPart(hour_span, h, hour == 1 ? NumberForm::Masculine : NumberForm::Numbering));
  out.parts.push_back(words(uhr_span, data_.word("hour")));
  const Span min_span = spanOf(j, j + 2);
  if (second >= 0) {
    out.parts.push_back(numberPart(min_span, toks_[j + 1].text, minute == 1 ? NumberForm::Feminine : NumberForm::Numbering));
    out.parts.push_back(words(min_span, data_.word("minute", minute != 1)));
    const Span sec_span = spanOf(sec_tok - 1, sec_tok + 1);
    out.parts.push_back(numberPart(sec_span, toks_[sec_tok].text, second == 1 ? NumberForm::Feminine : NumberForm::Numbering));
    out.parts.push_back(words(sec_span, data_.word("second", second != 1)));
  } else if (minute != 0) {
    out.parts.push_back(numberPart(min_span, toks_[j + 1].text, NumberForm::Numbering));
  }
  return true;
}

bool Classifier::date(std::size_t i, Semiotic& out) const {
  const std::string_view first = toks_[i].text;
  // ISO 8601: 2025-05-08, 2003-3-2, 2003-03
  if (first.size() == 4 && isSym(i + 1, "-") && isNum(i + 2) && toks_[i + 2].text.size() <= 2) {
    const long long year = valueOf(first);
    const long long month = valueOf(toks_[i + 2].text);
    if (year >= 1000 && year <= 2999 && month >= 1 && month <= 12) {
      if (isSym(i + 3, "-") && isNum(i + 4) && toks_[i + 4].text.size() <= 2) {
        const long long day = valueOf(toks_[i + 4].text);
        if (day >= 1 && day <= 31 && !isNum(i + 5) && !isWord(i + 5)) {
          out.cls = TokenClass::Date;
          out.first = i;
          out.last = i + 5;
          out.parts.push_back(numberPart(spanOf(i + 3, i + 5), toks_[i + 4].text, dayForm(i)));
          out.parts.push_back(words(spanOf(i + 1, i + 3), data_.monthName(static_cast<int>(month))));
          out.parts.push_back(numberPart(toks_[i].span, first, NumberForm::Year));
          return true;
        }
      } else if (toks_[i + 2].text.size() == 2 && toks_[i + 2].text[0] == '0' && !isSym(i + 3, "-") &&
                 !isWord(i + 3) && !isNum(i + 3)) {
        out.cls = TokenClass::Date;
        out.first = i;
        out.last = i + 3;
        out.parts.push_back(words(spanOf(i + 1, i + 3), data_.monthName(static_cast<int>(month))));
        out.parts.push_back(numberPart(toks_[i].span, first, NumberForm::Year));
        return true;
      }
    }
  }
  if (first.size() > 2 || !isSym(i + 1, ".")) return false;
  const long long day = valueOf(first);
  if (day < 1 || day > 31) return false;
  // 8.5.2025, 08.02.25, 3.5.
  if (isNum(i + 2) && toks_[i + 2].text.size() <= 2 && isSym(i + 3, ".")) {
    const long long month = valueOf(toks_[i + 2].text);
    if (month < 1 || month > 12) return false;
    std::size_t last = i + 4;
    const bool has_year = isNum(i + 4) && (toks_[i + 4].text.size() == 4 || toks_[i + 4].text.size() == 2);
    if (has_year) last = i + 5;
    else if (isNum(i + 4)) return false;
    out.cls = TokenClass::Date;
    out.first = i;
    out.last = last;
    out.parts.push_back(numberPart(spanOf(i, i + 2), first, dayForm(i)));
    out.parts.push_back(words(spanOf(i + 2, i + 4), data_.monthName(static_cast<int>(month))));
    if (has_year) {
      const std::string_view y = toks_[i + 4].text;
      out.parts.push_back(numberPart(toks_[i + 4].span, y, y.size() == 4 ? NumberForm::Year : NumberForm::Numbering));
    } else {
      closeWithDot(i + 3, out);
    }
    return true;
  }
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
  out.parts.push_back(numberPart(spanOf(i, i + 2), first, dayForm(i)));
  out.parts.push_back(words(spanOf(m, month_end), data_.monthName(month)));
  const std::size_t y = skipSpace(month_end);
  if (isNum(y) && y != month_end && toks_[y].text.size() == 4 && !isSym(y + 1, ",") && !isSym(y + 1, ".")) {
    out.parts.push_back(numberPart(toks_[y].span, toks_[y].text, NumberForm::Year));
    out.last = y + 1;
  } else if (month_end == m + 2) {
    closeWithDot(m + 1, out);
  }
  return true;
}

// After an amount (or a range): scale word, currency, unit or "/unit". `head` holds the spoken
// amount parts built so far; the result goes to out.parts.
bool Classifier::quantitySuffix(std::size_t j, Semiotic& out, std::vector<Part>& head, const Amount& a,
                                bool head_has_amount) const {
  const bool one = a.integer == "1" && !a.has_fraction;
  std::size_t k = skipSpace(j);
  // The head was built for a bare number; rebuild it when the quantity word decides the form.
  // `head` holds what precedes the amount ("minus"); the amount's own form depends on the quantity word.
  auto withHead = [&](NumberForm form) {
    if (!head_has_amount) amountParts(a, form, head);
  };
  const Unit* scale = nullptr;
  std::size_t scale_first = k, scale_end = k;
  if (isWord(k)) {
    std::size_t e = k + 1;
    if (isSym(e, ".") && data_.scale(std::string(toks_[k].text) + ".")) {
      scale = data_.scale(std::string(toks_[k].text) + ".");
      ++e;
    } else {
      scale = data_.scale(toks_[k].text);
    }
    if (scale) {
      scale_end = e;
      k = skipSpace(e);
    }
  }
  // Longest unit or currency spelled by up to four glued tokens ("km/h", "m²", "°C").
  const Unit* unit = nullptr;
  const Currency* cur = nullptr;
  bool per = false;
  std::size_t q_first = k, q_end = k;
  if (isSym(k, "/")) {
    per = true;
    ++q_first;
  }
  if (!isSpace(q_first) && q_first < toks_.size()) {
    std::string s;
    for (std::size_t n = q_first; n < toks_.size() && n < q_first + 4; ++n) {
      if (toks_[n].kind == TokenKind::Space) break;
      s += toks_[n].text;
      const bool boundary = n + 1 >= toks_.size() || !(isWord(n + 1) && isWord(n)) ;
      if (!boundary) continue;
      if (const Unit* u = data_.unit(s)) {
        unit = u;
        cur = nullptr;
        q_end = n + 1;
      } else if (const Currency* c = data_.currency(s); c && !per) {
        cur = c;
        unit = nullptr;
        q_end = n + 1;
      }
    }
  }
  // A unit must stand alone: "5 m" yes, "5 mal" (a word) no — tokens already split words whole.
  if (unit && isWord(q_end - 1) && isWord(q_end)) unit = nullptr;
  if (per && !unit) return false;
  if (!scale && !unit && !cur) return false;
  const Gender g = scale ? scale->gender : unit ? unit->gender : cur ? cur->gender : Gender::Masculine;
  if (cur && !scale && a.has_fraction && !head_has_amount) {
    std::vector<Part> parts = head;  // "minus"
    if (moneyParts(a, *cur, spanOf(q_first, q_end), parts)) {
      out.parts = std::move(parts);
      out.cls = TokenClass::Money;
      out.last = q_end;
      return true;
    }
  }
  withHead(one ? (g == Gender::Feminine ? NumberForm::Feminine : NumberForm::Masculine) : NumberForm::Masculine);
  out.parts = std::move(head);
  out.last = j;
  if (scale) {
    out.parts.push_back(words(spanOf(scale_first, scale_end), one ? scale->singular : scale->plural));
    out.last = scale_end;
    if (!unit && !cur) closeWithDot(scale_end - 1, out);
  }
  const bool plural = !one || scale;
  if (unit) {
    if (per) out.parts.push_back(words(toks_[j].span, data_.word("per")));
    out.parts.push_back(words(spanOf(q_first, q_end), (plural && !per) ? unit->plural : unit->singular));
    out.last = q_end;
    out.cls = TokenClass::Measure;
  } else if (cur) {
    out.parts.push_back(words(spanOf(q_first, q_end), plural ? cur->plural : cur->singular));
    out.last = q_end;
    out.cls = TokenClass::Money;
  } else if (out.cls != TokenClass::Range) {
    out.cls = a.has_fraction ? TokenClass::Decimal : TokenClass::Cardinal;
  }
  return true;
}

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
  p.drop_last_letter = true;
  p.suffix = "el";
  p.capitalize = true;
  parts.push_back(std::move(p));
}

bool Classifier::number(std::size_t i, std::size_t start, Semiotic& out) const {
  const bool negative = start != i;
  if (!negative && (time(i, out) || date(i, out))) return true;
  out = Semiotic{};
  out.first = start;
  std::vector<Part> head;
  if (negative) head.push_back(words(toks_[start].span, data_.word("minus")));

  // Score "2:1" (a time needs two-digit minutes).
  if (!negative && isSym(i + 1, ":") && isNum(i + 2) && toks_[i].text.size() <= 2 && toks_[i + 2].text.size() <= 2 &&
      !isSym(i + 3, ":")) {
    out.cls = TokenClass::Score;
    out.last = i + 3;
    out.parts.push_back(numberPart(toks_[i].span, toks_[i].text, NumberForm::Numbering));
    out.parts.push_back(words(toks_[i + 1].span, data_.word("score")));
    out.parts.push_back(numberPart(toks_[i + 2].span, toks_[i + 2].text, NumberForm::Numbering));
    compoundSuffix(out);
    return true;
  }

  // Fractions: "1/2", "2/9", mixed "1 1/2" and "1½" ("eineinhalb"; other mixed ones join with "und").
  {
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
    if (end) {
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
  }

  Amount a;
  parseAmount(i, a);
  const bool is_one = a.integer == "1" && !a.has_fraction;

  // Ranges: "2020–2024", "10-15 Prozent", "S. 12–15".
  std::size_t dash = a.end;
  bool spaced = false;
  if (isSpace(dash) && (isSym(dash + 1, "\u2013") || isSym(dash + 1, "-")) && isSpace(dash + 2)) {
    spaced = true;
    ++dash;
  }
  if ((isSym(dash, "-") || isSym(dash, "\u2013") || isSym(dash, "\u2014")) && isNum(dash + (spaced ? 2 : 1))) {
    Amount b;
    parseAmount(dash + (spaced ? 2 : 1), b);
    if (!isSym(b.end, "-") && !(isSym(b.end, ".") && isNum(b.end + 1)) && !isSym(b.end, ":")) {
      const bool years = !a.grouped && !b.grouped && !a.has_fraction && !b.has_fraction && a.integer.size() == 4 &&
                         (b.integer.size() == 4 || b.integer.size() == 2) && valueOf(a.integer) >= 1000 &&
                         valueOf(a.integer) <= 2099 && !capitalized(skipSpace(b.end));
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
  }

  // Amount + scale/currency/unit.
  {
    Semiotic probe = out;
    std::vector<Part> h = head;
    if (quantitySuffix(a.end, probe, h, a, false)) {
      out = std::move(probe);
      return true;
    }
  }

  out.last = a.end;
  if (a.has_fraction) {
    out.cls = TokenClass::Decimal;
    out.parts = head;
    amountParts(a, NumberForm::Numbering, out.parts);
    return true;
  }

  const std::size_t after = a.end;
  const std::size_t next_word = skipSpace(after);
  const std::size_t before = wordBefore(start);

  // Ordinal "3." / "100. Geburtstag" / "am 3." (a date was tried already).
  if (isSym(after, ".") && !negative && !a.grouped) {
    const std::size_t n = skipSpace(after + 1);
    const bool at_end = n >= toks_.size();
    const ContextWord* cw = contextBefore(start);
    const bool article_like = cw && cw->determiner;
    bool ordinal = false;
    Gender g = Gender::Masculine;
    const bool nothing_before = start == 0 || (start == 1 && isSpace(0));
    if (at_end) {
      ordinal = nothing_before || article_like;
    } else if (isWord(n) && n == after + 2) {
      const NounInfo noun = data_.noun(toks_[n].text);
      g = noun.gender;
      // A list item "1. Startseite" is a number; "100. Geburtstag" is an ordinal by its noun.
      ordinal = !capitalized(n) || article_like || noun.ordinal;
    } else if (toks_[n].kind == TokenKind::Symbol && !isSym(n, "(")) {
      ordinal = nothing_before || article_like;
    }
    if (ordinal) {
      NumberForm form = cw ? NumberForm::OrdinalR : strongOrdinal(g);
      if (cw) ordinalFormFromEnding(cw->ending[static_cast<int>(g)], form);
      if (!cw && isWord(n) && !capitalized(n)) form = NumberForm::OrdinalR;
      out.cls = TokenClass::Ordinal;
      out.last = after + 1;
      out.parts = head;
      out.parts.push_back(numberPart(spanOf(i, after + 1), a.integer, form));
      if (at_end) out.parts.push_back(words(toks_[after].span, ".", true));
      compoundSuffix(out);
      return true;
    }
  }

  // Year or quantity.
  const long long v = valueOf(a.integer);
  if (!negative && !a.grouped && a.integer.size() == 4 && v >= 1000 && v <= 2099) {
    const std::string_view bw = before != npos ? toks_[before].text : std::string_view();
    // Before 2000 a number not followed by a noun is read as a year ("Schon 1989 fiel die Mauer");
    // from 2000 on the two readings sound alike except after the year words of year_context.tsv.
    const bool trigger = (!bw.empty() && (data_.yearTrigger(bw) || data_.month(bw) != 0)) ||
                         (v >= 1100 && v <= 1999 && (before != npos || next_word < toks_.size()));
    const bool noun_follows = isSpace(after) && capitalized(after + 1) && data_.month(toks_[after + 1].text) == 0;
    const bool jahr = bw.rfind("Jahr", 0) == 0;
    if (trigger && (jahr || !noun_follows)) {
      out.cls = TokenClass::Year;
      out.parts = head;
      out.parts.push_back(numberPart(a.int_span, a.integer, NumberForm::Year));
      compoundSuffix(out);
      return true;
    }
  }
  // "1990er" reads as a year with the suffix.
  out.cls = TokenClass::Cardinal;
  out.parts = head;
  NumberForm form = NumberForm::Numbering;
  if (isWord(after) && toks_[after].text.rfind("er", 0) == 0 && a.integer.size() == 4 && v >= 1100 && v < 2000) {
    form = NumberForm::Year;
  } else if (capitalized(next_word) && isSpace(after)) {
    form = cardinalBefore(start, next_word, is_one);
  } else if (isSym(after, "-") || (isWord(after) && isLowerStart(toks_[after].text))) {
    form = NumberForm::Masculine;  // "1-mal" -> "einmal", "3-jährige"
  }
  if (a.integer.size() > 1 && a.integer[0] == '0') {
    Part p = numberPart(a.int_span, a.integer, NumberForm::Numbering);
    p.kind = PartKind::Digits;
    out.parts.push_back(std::move(p));
  } else {
    out.parts.push_back(numberPart(a.int_span, a.integer, form));
  }
  if (isWord(after) && !(toks_[after].text == "er" || toks_[after].text == "ern" || toks_[after].text == "ers")) {
    // "3mal", "2D": glue lower-case words, keep upper-case letters apart.
    const std::string_view w = toks_[after].text;
    out.parts.push_back(words(toks_[after].span, std::string(w), isLowerStart(w)));
    out.last = after + 1;
    out.cls = TokenClass::Compound;
  }
  compoundSuffix(out);
  return true;
}

}  // namespace vorlesen::normalize
