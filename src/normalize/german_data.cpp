#include "normalize/german_data.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <initializer_list>

#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"
#include "vorlesen/text.h"

namespace vorlesen::normalize {

std::string lowerGerman(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const char c = out[i];
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == '\xC3' && i + 1 < out.size()) {
      // Ä Ö Ü (C3 84, C3 96, C3 9C) -> ä ö ü (C3 A4, C3 B6, C3 BC)
      const char d = out[i + 1];
      if (d == '\x84' || d == '\x96' || d == '\x9C') out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

namespace {

[[noreturn]] void bad(const TsvTable& t, const TsvRow& r, const std::string& what) {
  throw Error::data(t.path + ":" + std::to_string(r.line) + ": " + what);
}

const TsvRow& need(const TsvTable& t, const TsvRow& r, std::size_t fields) {
  if (r.fields.size() < fields) {
    bad(t, r, format(tr("expected {} TAB-separated fields, found {}"), fields, r.fields.size()));
  }
  return r;
}

Gender parseGender(const TsvTable& t, const TsvRow& r, const std::string& g) {
  if (g == "m") return Gender::Masculine;
  if (g == "f") return Gender::Feminine;
  if (g == "n") return Gender::Neuter;
  bad(t, r, format(tr("gender must be m, f or n, not \"{}\""), g));
}

Case parseCase(const TsvTable& t, const TsvRow& r, const std::string& k) {
  if (k == "nom") return Case::Nominative;
  if (k == "acc") return Case::Accusative;
  if (k == "dat") return Case::Dative;
  if (k == "gen") return Case::Genitive;
  bad(t, r, tr("case must be nom, acc, dat or gen"));
}

int parseInt(const TsvTable& t, const TsvRow& r, const std::string& s) {
  if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) {
    bad(t, r, format(tr("expected a number, not \"{}\""), s));
  }
  return std::stoi(s);
}

std::vector<std::string> splitComma(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t comma = s.find(',', start);
    const std::string part = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!part.empty()) out.push_back(part);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// The flags of column `col` (comma-separated); each must be one of `allowed`.
std::vector<std::string> flags(const TsvTable& t, const TsvRow& r, std::size_t col,
                               std::initializer_list<std::string_view> allowed) {
  if (r.fields.size() <= col) return {};
  std::vector<std::string> out = splitComma(r.fields[col]);
  for (const std::string& f : out) {
    if (std::find(allowed.begin(), allowed.end(), f) == allowed.end()) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      bad(t, r, format(tr("unknown flag \"{}\" ({})"), f, list));
    }
  }
  return out;
}

bool has(const std::vector<std::string>& flag_list, std::string_view flag) {
  return std::find(flag_list.begin(), flag_list.end(), flag) != flag_list.end();
}

// "U+00A0" stands for that code point (invisible characters stay readable in the file).
std::string decodeCodepoints(const TsvTable& t, const TsvRow& r, const std::string& field) {
  if (field.size() < 3 || field.compare(0, 2, "U+") != 0) return field;
  const std::string hex = field.substr(2);
  if (hex.size() > 6 || hex.find_first_not_of("0123456789ABCDEFabcdef") != std::string::npos) {
    bad(t, r, format(tr("expected U+ and a hexadecimal code point, not \"{}\""), field));
  }
  std::string out;
  appendUtf8(out, static_cast<char32_t>(std::stoul(hex, nullptr, 16)));
  return out;
}

}  // namespace

GermanData::GermanData(const LanguageData& data) {
  loadAbbreviations(data.table("abbreviations"));
  loadUnits(data.table("units"));
  loadCurrencies(data.table("currencies"));
  loadScales(data.table("scales"));
  loadMonths(data.table("months"));
  loadContext(data.table("context"));
  loadNouns(data.table("nouns"));
  loadNounSuffixes(data.table("noun_suffixes"));
  loadPairs(data.table("symbols"), symbols_);
  loadFractions(data.table("fractions"));
  loadNumberContext(data.table("number_context"));
  loadElectronic(data.table("electronic"));
  loadWords(data.table("words"));
  loadPairs(data.table("weekdays"), weekdays_);
  loadPairs(data.table("ordinal_scales"), ordinal_stems_);
  loadArticles(data.table("articles"));
}

void GermanData::loadPairs(const TsvTable& t, std::map<std::string, std::string, std::less<>>& into) {
  for (const TsvRow& r : t.rows) into.emplace(need(t, r, 2).fields[0], r.fields[1]);
}

void GermanData::loadAbbreviations(const TsvTable& t) {
  for (const TsvRow& r : t.rows) {
    need(t, r, 2);
    Abbreviation a{r.fields[0], r.fields[1]};
    const std::vector<std::string> f = flags(t, r, 2, {"number", "suffix", "end", "adjective"});
    a.needs_number = has(f, "number");
    a.suffix = has(f, "suffix");
    a.may_end = has(f, "end");
    a.adjective = has(f, "adjective");
    if (a.suffix) suffix_abbreviations_.emplace(a.written, a);
    else abbreviations_.push_back(std::move(a));
  }
  std::stable_sort(abbreviations_.begin(), abbreviations_.end(),
                   [](const Abbreviation& x, const Abbreviation& y) { return x.written.size() > y.written.size(); });
  for (std::size_t i = 0; i < abbreviations_.size(); ++i) {
    abbreviations_by_byte_[static_cast<unsigned char>(abbreviations_[i].written[0])].push_back(i);
  }
}

void GermanData::loadUnits(const TsvTable& t) {
  for (const TsvRow& r : t.rows) {
    need(t, r, 4);
    Unit u{r.fields[1], r.fields[2], parseGender(t, r, r.fields[3])};
    u.spaced = has(flags(t, r, 4, {"spaced"}), "spaced");
    units_.emplace(r.fields[0], std::move(u));
  }
}

void GermanData::loadCurrencies(const TsvTable& t) {
  for (const TsvRow& r : t.rows) {
    need(t, r, 6);
    currencies_.emplace(r.fields[0], Currency{r.fields[1], r.fields[2], parseGender(t, r, r.fields[3]), r.fields[4],
                                              r.fields[5]});
  }
}

void GermanData::loadScales(const TsvTable& t) {
  for (const TsvRow& r : t.rows) {
    need(t, r, 4);
    scales_.emplace(r.fields[0], Unit{r.fields[1], r.fields[2], parseGender(t, r, r.fields[3])});
  }
}

void GermanData::loadMonths(const TsvTable& t) {
  // The first row of a month names it in numeric dates ("1.1." -> "Januar"); later rows add regional
  // names said as written ("Jänner").
  month_names_.resize(12);
  for (const TsvRow& r : t.rows) {
    need(t, r, 2);
    const int m = parseInt(t, r, r.fields[0]);
    if (m < 1 || m > 12) bad(t, r, tr("month number must be 1..12"));
    std::string& name = month_names_[static_cast<std::size_t>(m - 1)];
    if (name.empty()) name = r.fields[1];
    months_.emplace(lowerGerman(r.fields[1]), std::make_pair(m, r.fields[1]));
    if (r.fields.size() > 2) {
      for (const std::string& alt : splitComma(r.fields[2])) {
        months_.emplace(lowerGerman(alt), std::make_pair(m, r.fields[1]));
      }
    }
  }
  for (std::size_t m = 0; m < 12; ++m) {
    if (month_names_[m].empty()) throw Error::data(format(tr("{}: month {} is missing"), t.path, m + 1));
  }
}

void GermanData::loadContext(const TsvTable& t) {
  for (const TsvRow& r : t.rows) {
    need(t, r, 5);
    ContextWord c;
    c.grammatical_case = parseCase(t, r, r.fields[1]);
    for (int g = 0; g < 3; ++g) c.ending[g] = r.fields[2 + static_cast<std::size_t>(g)];
    const std::vector<std::string> f = flags(t, r, 5, {"determiner", "inherit"});
    c.determiner = has(f, "determiner");
    c.inherit = has(f, "inherit") || c.ending[0] == "=";
    context_.emplace(lowerGerman(r.fields[0]), c);
  }
}

void GermanData::loadNouns(const TsvTable& t) {
  for (const TsvRow& r : t.rows) {
    need(t, r, 2);
    NounInfo n;
    n.gender = parseGender(t, r, r.fields[1]);
    n.known = true;
    const std::vector<std::string> f = flags(t, r, 2, {"ordinal", "numbered", "name", "title"});
    n.ordinal = has(f, "ordinal");
    n.numbered = has(f, "numbered");
    n.name = has(f, "name");
    n.title = has(f, "title");
    nouns_.emplace(r.fields[0], n);
  }
}

void GermanData::loadNounSuffixes(const TsvTable& t) {
  for (const TsvRow& r : t.rows) {
    need(t, r, 2);
    noun_suffixes_.emplace_back(r.fields[0], parseGender(t, r, r.fields[1]));
  }
  std::stable_sort(noun_suffixes_.begin(), noun_suffixes_.end(),
                   [](const auto& x, const auto& y) { return x.first.size() > y.first.size(); });
}

void GermanData::loadFractions(const TsvTable& t) {
  for (const TsvRow& r : t.rows) {
    need(t, r, 3);
    if (r.fields[0] == "denominator") {
      need(t, r, 4);
      denominators_.emplace(parseInt(t, r, r.fields[1]), std::make_pair(r.fields[2], r.fields[3]));
    } else if (r.fields[0] == "denominator-ending") {
      denominator_ending_ = r.fields[1];
      denominator_suffix_ = r.fields[2];
    } else {
      vulgar_.emplace(r.fields[0], std::make_pair(parseInt(t, r, r.fields[1]), parseInt(t, r, r.fields[2])));
    }
  }
  if (denominator_suffix_.empty()) throw Error::data(format(tr("{}: the row \"denominator-ending\" is missing"), t.path));
}

void GermanData::loadNumberContext(const TsvTable& t) {
  static const std::pair<std::string_view, unsigned> kinds[] = {
      {"year", kYear},       {"year-noun", kYear | kYearNoun}, {"clock", kClock},
      {"hours", kHours},     {"minutes", kMinutes},            {"seconds", kSeconds},
      {"decade-suffix", kDecadeSuffix}, {"version", kVersion}, {"conjunction", kConjunction},
      {"match", kMatch}};
  for (const TsvRow& r : t.rows) {
    need(t, r, 2);
    const std::string& kind = r.fields[1];
    if (kind == "group-separator" || kind == "decimal-separator") {
      auto& set = kind == "group-separator" ? group_separators_ : decimal_separators_;
      set.emplace(decodeCodepoints(t, r, r.fields[0]), true);
      continue;
    }
    unsigned bits = 0;
    for (const auto& [name, value] : kinds) {
      if (kind == name) bits = value;
    }
    if (bits == 0) bad(t, r, format(tr("unknown kind \"{}\""), kind));
    const std::string word = lowerGerman(r.fields[0]);
    if (word.size() > 1 && word[0] == '*') number_context_endings_.emplace_back(word.substr(1), bits);
    else number_context_[word] |= bits;
  }
}

void GermanData::loadElectronic(const TsvTable& t) {
  for (const TsvRow& r : t.rows) {
    need(t, r, 2);
    const std::string& kind = r.fields[0];
    if (kind == "prefix") {
      url_prefixes_.push_back(r.fields[1]);
    } else if (kind == "tld") {
      top_level_domains_.emplace(r.fields[1], true);
    } else if (kind == "symbol" || kind == "word") {
      need(t, r, 3);
      (kind == "symbol" ? url_symbols_ : url_words_).emplace(r.fields[1], r.fields[2]);
    } else {
      bad(t, r, tr("the first field must be \"symbol\", \"word\", \"prefix\" or \"tld\""));
    }
  }
}

void GermanData::loadWords(const TsvTable& t) {
  for (const TsvRow& r : t.rows) {
    need(t, r, 2);
    const std::string singular = decodeCodepoints(t, r, r.fields[1]);
    words_.emplace(r.fields[0], std::make_pair(singular, r.fields.size() > 2 ? r.fields[2] : singular));
  }
  for (const char* key : {"decimal", "minus", "plus", "range", "score", "per", "hour", "hours", "minute", "second",
                          "and", "point", "suffix-joiner", "suffix-joiner-after", "pause"}) {
    if (!find(words_, key)) throw Error::data(format(tr("{}: the word \"{}\" is missing"), t.path, key));
  }
}

void GermanData::loadArticles(const TsvTable& t) {
  bool seen[4] = {};
  for (const TsvRow& r : t.rows) {
    need(t, r, 4);
    const int c = static_cast<int>(parseCase(t, r, r.fields[0]));
    for (int g = 0; g < 3; ++g) articles_[c][g] = r.fields[1 + static_cast<std::size_t>(g)];
    seen[c] = true;
  }
  for (bool s : seen) {
    if (!s) throw Error::data(format(tr("{}: needs one row for each case (nom, acc, dat, gen)"), t.path));
  }
}

const std::string& GermanData::word(std::string_view key, bool plural) const {
  const auto* w = find(words_, key);
  return plural ? w->second : w->first;  // keys are checked at construction
}

const Abbreviation* GermanData::abbreviationAt(std::string_view text, std::size_t pos, std::size_t end,
                                               bool capitalized) const {
  if (pos >= end) return nullptr;
  const char first = capitalized ? lowerAscii(text[pos]) : text[pos];
  if (capitalized && first == text[pos]) return nullptr;
  for (std::size_t idx : abbreviations_by_byte_[static_cast<unsigned char>(first)]) {
    const Abbreviation& a = abbreviations_[idx];
    const std::size_t n = a.written.size();  // the first byte matched by the bucket
    if (end - pos < n || std::memcmp(text.data() + pos + 1, a.written.data() + 1, n - 1) != 0) continue;
    // A written form that ends in a letter must not continue into a longer word ("Pkws" is fine to skip).
    const std::size_t after = pos + n;
    if (a.written.back() != '.' && after < end) {
      const unsigned char next = static_cast<unsigned char>(text[after]);
      if (std::isalnum(next) || next >= 0x80) continue;
    }
    return &a;
  }
  return nullptr;
}

const Abbreviation* GermanData::suffixAbbreviation(std::string_view word_with_dot) const {
  for (const auto& [written, a] : suffix_abbreviations_) {
    if (word_with_dot.size() > written.size() &&
        word_with_dot.compare(word_with_dot.size() - written.size(), written.size(), written) == 0) {
      return &a;
    }
  }
  return nullptr;
}

int GermanData::month(std::string_view written) const {
  const auto it = months_.find(lowerGerman(written));
  return it == months_.end() ? 0 : it->second.first;
}

const std::string& GermanData::monthSpoken(std::string_view written) const {
  const auto it = months_.find(lowerGerman(written));
  return it != months_.end() ? it->second.second : month_names_.front();  // callers check month() first
}

const ContextWord* GermanData::context(std::string_view word) const {
  return find(context_, lowerGerman(word));
}

bool GermanData::numberContext(std::string_view word, unsigned kinds) const {
  const std::string lower = lowerGerman(word);
  unsigned bits = 0;
  if (const unsigned* b = find(number_context_, lower)) bits = *b;
  for (const auto& [ending, b] : number_context_endings_) {
    if (lower.size() > ending.size() && lower.compare(lower.size() - ending.size(), ending.size(), ending) == 0) {
      bits |= b;
    }
  }
  return (bits & kinds) == kinds;
}

bool GermanData::startsWithNumberContext(std::string_view word, unsigned kinds) const {
  const std::string lower = lowerGerman(word.substr(0, 8));
  for (std::size_t n = 1; n <= lower.size(); ++n) {
    const unsigned* b = find(number_context_, std::string_view(lower).substr(0, n));
    if (b && (*b & kinds) == kinds) return true;
  }
  return false;
}

bool GermanData::urlPrefix(std::string_view chunk) const {
  for (const std::string& p : url_prefixes_) {
    if (chunk.size() > p.size() && chunk.compare(0, p.size(), p) == 0) return true;
  }
  return false;
}

NounInfo GermanData::noun(std::string_view word) const {
  if (const NounInfo* n = find(nouns_, word)) return *n;
  NounInfo guess;
  for (const auto& [ending, gender] : noun_suffixes_) {
    if (word.size() > ending.size() && word.compare(word.size() - ending.size(), ending.size(), ending) == 0) {
      guess.gender = gender;
      break;
    }
  }
  return guess;
}

const std::pair<std::string, std::string>* GermanData::denominator(int d) const {
  const auto it = denominators_.find(d);
  return it == denominators_.end() ? nullptr : &it->second;
}

}  // namespace vorlesen::normalize
