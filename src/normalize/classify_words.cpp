// Classifier: abbreviations, weekday ranges, words with digits, roman numerals, dotted letters, symbols.
#include <string>

#include "normalize/classifier.h"
#include "vorlesen/text.h"
#include "normalize/classifier_internal.h"

namespace vorlesen::normalize {

namespace {

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

// --- abbreviations ---------------------------------------------------------------------------------

bool Classifier::abbreviation(std::size_t i, Semiotic& out) const {
  if (i > 0 && (isWord(i - 1) || isNum(i - 1))) return false;
  return weekdayRange(i, out) || dayOfDate(i, out) || listedAbbreviation(i, out) || suffixAbbreviation(i, out);
}

bool Classifier::dayOfDate(std::size_t i, Semiotic& out) const {
  // "am Fr., 9. Mai", "So. 7.9.", "am So.": an abbreviated weekday before a date or after "am" is the day
  // ("Fr." alone is "Frau", "So." alone may end a sentence with "so").
  if (!isSym(i + 1, ".")) return false;
  const std::string* day = data_.weekday(std::string(toks_[i].text) + ".");
  if (!day) return false;
  std::size_t next = skipSpace(i + 2);
  if (isSym(next, ",")) next = skipSpace(next + 1);
  const bool before_date = next != i + 2 && isNum(next) && isSym(next + 1, ".");
  const std::size_t before = wordBefore(i);
  const bool after_on = before != npos && lowerAscii(toks_[before].text) == data_.word("on_day");
  if (!before_date && !after_on) return false;
  out.cls = TokenClass::Abbreviation;
  out.first = i;
  out.last = i + 2;
  out.parts.push_back(words(spanOf(i, i + 2), *day));
  // "am So. Dann ...": a capital after the day starts the next sentence.
  if (!before_date && next < toks_.size() && capitalized(next) && isSpace(i + 2)) {
    out.parts.push_back(words(toks_[i + 1].span, ".", true));
  } else {
    closeWithDot(i + 1, out);
  }
  return true;
}

bool Classifier::listedAbbreviation(std::size_t i, Semiotic& out) const {
  // "z. B." and, at the start of a sentence, "Z. B." -> "Zum Beispiel".
  const Abbreviation* a = data_.abbreviationAt(text_, toks_[i].span.begin, within_.end);
  // Every lower-case form has a dot after its first letters ("ca.", "z. B."): others need no second look.
  const bool capitalize = !a && isUpperAscii(toks_[i].text[0]) && isSym(i + 1, ".");
  if (capitalize) a = data_.abbreviationAt(text_, toks_[i].span.begin, within_.end, true);
  if (!a) return false;
  const std::size_t end = toks_[i].span.begin + a->written.size();
  std::size_t j = i;
  while (j < toks_.size() && toks_[j].span.end < end) ++j;
  if (j >= toks_.size() || toks_[j].span.end != end) return false;
  const std::size_t last = j + 1;
  if (a->needs_number && !isNum(skipSpace(last))) return false;
  out.cls = TokenClass::Abbreviation;
  out.first = i;
  out.last = last;
  out.parts.push_back(words(spanOf(i, last), a->spoken + (a->adjective ? adjectiveEnding(i, last) : "")));
  out.parts.back().capitalize = capitalize;
  if (a->written.back() == '.') {
    const std::size_t next = skipSpace(last);
    if (next >= toks_.size() || (a->may_end && capitalized(next) && isSpace(last))) {
      out.parts.push_back(words(toks_[j].span, ".", true));
    }
  }
  return true;
}

std::string Classifier::adjectiveEnding(std::size_t first, std::size_t last) const {
  // "ital. Küche" -> "italienische Küche", "der österr. Kanzler" -> "der österreichische Kanzler",
  // "mit dt. Pass" -> "mit deutschem"... : an abbreviated adjective declines like an ordinal, by the
  // article or preposition before it (context.tsv, its ending without the "t") and the noun after it;
  // with no noun it is masculine ("Araiza, mex. Tenor" cut short: "mexikanischer").
  const std::size_t n = skipSpace(last);
  const Gender g = capitalized(n) && n != last ? nounAt(n).gender : Gender::Masculine;
  NumberForm form = strongOrdinal(g);
  if (const ContextWord* cw = contextBefore(first)) ordinalFormFromEnding(cw->ending[static_cast<int>(g)], form);
  return adjectiveSuffix(form);
}

bool Classifier::suffixAbbreviation(std::size_t i, Semiotic& out) const {
  // "Hauptstr." -> "Hauptstraße"
  if (!isSym(i + 1, ".")) return false;
  const std::string_view t = toks_[i].text;
  const std::string with_dot = std::string(t) + ".";
  const Abbreviation* a = data_.suffixAbbreviation(with_dot);
  if (!a) return false;
  out.cls = TokenClass::Abbreviation;
  out.first = i;
  out.last = i + 2;
  const std::size_t stem = with_dot.size() - a->written.size();
  out.parts.push_back(words(spanOf(i, i + 2), std::string(t.substr(0, stem)) + a->spoken));
  closeWithDot(i + 1, out);
  return true;
}

bool Classifier::weekdayRange(std::size_t i, Semiotic& out) const {
  // "Mo.–Fr.", "Mo-Fr", "Mo. – Fr.": "Montag bis Freitag".
  std::size_t first_dash = isSym(i + 1, ".") ? i + 2 : i + 1;  // no dash after the word: no lookups
  if (isSpace(first_dash)) ++first_dash;
  if (!isSym(first_dash, "-") && !isSym(first_dash, "\u2013")) return false;
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

// --- letters, words with digits, symbols -----------------------------------------------------------

bool Classifier::dottedLetters(std::size_t i, Semiotic& out) const {
  // "U.S.A." or "U.S." not in abbreviations.tsv: spell the letters, never pass dots to eSpeak.
  if (i > 0 && isWord(i - 1)) return false;
  std::size_t j = i;
  std::string letters;
  // At most 16 letters, so a long run ("a.b.c.…") costs linear time; longer ones are no abbreviation.
  while (isWord(j) && toks_[j].text.size() == 1 && isSym(j + 1, ".") && letters.size() <= 16) {
    letters += toks_[j].text;
    j += 2;
  }
  if (letters.size() < 2 || letters.size() > 16 || isWord(j) || isNum(j)) return false;
  out.cls = TokenClass::Letters;
  out.first = i;
  out.last = j;
  Part p = words(spanOf(i, j), letters);
  p.kind = PartKind::Letters;
  out.parts.push_back(std::move(p));
  closeWithDot(j - 1, out);
  return true;
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
  // The longest run of up to three symbols that symbols.tsv reads ("+/-", "§§", "%").
  const std::string* spoken = nullptr;
  std::size_t last = i;
  std::string key;
  for (std::size_t k = i; k < i + 3 && k < toks_.size() && toks_[k].kind == TokenKind::Symbol; ++k) {
    key += toks_[k].text;
    if (const std::string* s = data_.symbol(key)) {
      spoken = s;
      last = k + 1;
    }
  }
  if (!spoken) return false;
  // A symbol glued between letters is part of a name ("AT&T", "C#"): leave it.
  if (i > 0 && isWord(i - 1) && isWord(last)) return false;
  out.cls = TokenClass::Symbol;
  out.first = i;
  out.last = last;
  out.parts.push_back(words(spanOf(i, last), *spoken));
  return true;
}

bool Classifier::timesSign(std::size_t i, Semiotic& out) const {
  // "1.920 x 1.080 Pixel": a letter between numbers that symbols.tsv reads ("x" -> "mal").
  if (i == 0 || toks_[i].text.size() != 1) return false;
  const std::size_t before = isSpace(i - 1) && i > 1 ? i - 2 : i - 1;
  if (!isNum(before) || !isNum(skipSpace(i + 1))) return false;
  const std::string* spoken = data_.symbol(toks_[i].text);
  if (!spoken) return false;
  out.cls = TokenClass::Symbol;
  out.first = i;
  out.last = i + 1;
  out.parts.push_back(words(toks_[i].span, *spoken));
  return true;
}

// --- roman numerals --------------------------------------------------------------------------------

bool Classifier::roman(std::size_t i, Semiotic& out) const {
  int value = 0;
  if (!isValidRoman(toks_[i].text, value)) return false;
  if (i > 0 && !isSpace(i - 1)) return false;
  if (isWord(i + 1) || isNum(i + 1)) return false;
  return regnal(i, value, out) || romanAfterNoun(i, value, out) || romanBeforeNoun(i, value, out);
}

bool Classifier::regnal(std::size_t i, int value, Semiotic& out) const {
  // "Ludwig XIV." -> "Ludwig der Vierzehnte", "unter Friedrich II." -> "unter Friedrich dem Zweiten",
  // "Königin Margrethe II." -> "die Zweite". A name from nouns.tsv, or any capitalized name when a
  // ruler's title precedes it or the numeral has two letters or more ("Mohammed VI."); the case comes
  // from the word before the name (and its title).
  const std::size_t before = wordBefore(i);
  if (before == npos || !capitalized(before) || value >= 40) return false;
  const std::string_view name = toks_[before].text;
  if (name.size() > 1 && isUpperAscii(name[1])) return false;  // an acronym ("WK II.") is no ruler
  const bool dot = isSym(i + 1, ".");
  const RulerName ruler = rulerBefore(before);
  const bool known = ruler.name.known && (ruler.name.name || ruler.name.title);
  if (ruler.name.known && !known) return false;  // "Teil II.", "Kapitel IV." are no rulers
  if (!known && !ruler.titled && (toks_[i].text.size() < 2 || !dot)) return false;
  const Gender gender = ruler.name.name ? ruler.name.gender : ruler.gender;
  const std::string& article = data_.article(ruler.grammatical_case, gender);
  NumberForm form = NumberForm::OrdinalN;
  if (const ContextWord* aw = data_.context(article)) ordinalFormFromEnding(aw->ending[static_cast<int>(gender)], form);
  out.cls = TokenClass::Roman;
  out.first = i;
  out.last = dot ? i + 2 : i + 1;
  out.parts.push_back(words(toks_[i].span, article));
  Part p = numberPart(spanOf(i, out.last), std::to_string(value), form);
  p.capitalize = true;
  out.parts.push_back(std::move(p));
  if (dot) closeWithDot(i + 1, out);
  return true;
}

Classifier::RulerName Classifier::rulerBefore(std::size_t name) const {
  // Walks back over the name ("Johannes Paul") and a title ("König", "Papst") to the context word.
  RulerName r;
  std::string_view word = toks_[name].text;
  r.name = data_.noun(word);
  if (!r.name.known && word.size() > 2 && word.back() == 's') {  // "Ludwigs XIV.": genitive
    const NounInfo stem = data_.noun(word.substr(0, word.size() - 1));
    if (stem.name) {
      r.name = stem;
      r.grammatical_case = Case::Genitive;
      return r;
    }
  }
  r.gender = r.name.name ? r.name.gender : Gender::Masculine;  // an unknown name's ending says nothing
  std::size_t k = name;
  for (int steps = 0; steps < 3; ++steps) {
    const std::size_t b = wordBefore(k);
    if (b == npos) break;
    if (const ContextWord* cw = data_.context(toks_[b].text)) {
      r.grammatical_case = cw->grammatical_case;
      break;
    }
    if (!capitalized(b)) break;
    const NounInfo n = data_.noun(toks_[b].text);
    if (n.title) {
      r.titled = true;
      if (!r.name.name) r.gender = n.gender;
    } else if (n.known && !n.name) {
      break;
    }
    k = b;
  }
  return r;
}

bool Classifier::romanAfterNoun(std::size_t i, int value, Semiotic& out) const {
  // "Kapitel IV" -> "Kapitel vier", "Teil II." at the end of a sentence; after any other capitalized
  // word a numeral of two letters or more from I, V, X ("ORF III", "Rocky II").
  const std::size_t before = wordBefore(i);
  if (before == npos || !capitalized(before)) return false;
  const bool numbered = data_.noun(toks_[before].text).numbered;
  const bool plain = toks_[i].text.find_first_not_of("IVX") == std::string_view::npos && toks_[i].text.size() >= 2;
  const bool final_dot = isSym(i + 1, ".") && skipSpace(i + 2) >= toks_.size();
  const std::string_view name = toks_[before].text;
  const bool acronym = name.size() > 1 && isUpperAscii(name[1]);  // "WK II." (regnal() skips acronyms)
  if (!(numbered || plain) || (isSym(i + 1, ".") && !final_dot && !(plain && acronym))) return false;
  out.cls = TokenClass::Roman;
  out.first = i;
  out.last = i + 1;
  out.parts.push_back(numberPart(toks_[i].span, std::to_string(value), NumberForm::Numbering));
  return true;
}

bool Classifier::romanBeforeNoun(std::size_t i, int value, Semiotic& out) const {
  // "II. Weltkrieg", "im XX. Jahrhundert"
  if (!isSym(i + 1, ".") || !isSpace(i + 2) || !isWord(i + 3)) return false;
  const NounInfo noun = nounAt(i + 3);
  if (!noun.ordinal) return false;
  NumberForm form = strongOrdinal(noun.gender);
  if (const std::size_t before = wordBefore(i); before != npos) {
    if (const ContextWord* cw = data_.context(toks_[before].text)) {
      ordinalFormFromEnding(cw->ending[static_cast<int>(noun.gender)], form);
    }
  }
  out.cls = TokenClass::Roman;
  out.first = i;
  out.last = i + 2;
  out.parts.push_back(numberPart(spanOf(i, i + 2), std::to_string(value), form));
  return true;
}

}  // namespace vorlesen::normalize
