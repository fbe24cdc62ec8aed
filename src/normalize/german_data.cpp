#include "normalize/german_data.h"

#include <algorithm>
#include <cctype>

#include "vorlesen/error.h"
#include "vorlesen/language_data.h"

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
    bad(t, r, "expected " + std::to_string(fields) + " TAB-separated fields, found " + std::to_string(r.fields.size()));
  }
  return r;
}

Gender parseGender(const TsvTable& t, const TsvRow& r, const std::string& g) {
  if (g == "m") return Gender::Masculine;
  if (g == "f") return Gender::Feminine;
  if (g == "n") return Gender::Neuter;
  bad(t, r, "gender must be m, f or n, not \"" + g + "\"");
}

int parseInt(const TsvTable& t, const TsvRow& r, const std::string& s) {
  if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) {
    bad(t, r, "expected a number, not \"" + s + "\"");
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

}  // namespace

GermanData::GermanData(const LanguageData& data) {
  {
    const TsvTable& t = data.table("abbreviations");
    for (const TsvRow& r : t.rows) {
      need(t, r, 2);
      Abbreviation a{r.fields[0], r.fields[1]};
      if (r.fields.size() > 2) {
        for (const std::string& flag : splitComma(r.fields[2])) {
          if (flag == "number") a.needs_number = true;
          else if (flag == "suffix") a.suffix = true;
          else if (flag == "end") a.may_end = true;
          else bad(t, r, "unknown flag \"" + flag + "\" (number, suffix, end)");
        }
      }
      if (a.suffix) suffix_abbreviations_.emplace(a.written, a);
      else abbreviations_.push_back(std::move(a));
    }
    std::stable_sort(abbreviations_.begin(), abbreviations_.end(),
                     [](const Abbreviation& x, const Abbreviation& y) { return x.written.size() > y.written.size(); });
    for (std::size_t i = 0; i < abbreviations_.size(); ++i) {
      abbreviations_by_byte_[static_cast<unsigned char>(abbreviations_[i].written[0])].push_back(i);
    }
  }
  {
    const TsvTable& t = data.table("units");
    for (const TsvRow& r : t.rows) {
      need(t, r, 4);
      units_.emplace(r.fields[0], Unit{r.fields[1], r.fields[2], parseGender(t, r, r.fields[3])});
    }
  }
  {
    const TsvTable& t = data.table("currencies");
    for (const TsvRow& r : t.rows) {
      need(t, r, 6);
      currencies_.emplace(r.fields[0], Currency{r.fields[1], r.fields[2], parseGender(t, r, r.fields[3]), r.fields[4],
                                                r.fields[5]});
    }
  }
  {
    const TsvTable& t = data.table("scales");
    for (const TsvRow& r : t.rows) {
      need(t, r, 4);
      scales_.emplace(r.fields[0], Unit{r.fields[1], r.fields[2], parseGender(t, r, r.fields[3])});
    }
  }
  {
    const TsvTable& t = data.table("months");
    month_names_.resize(12);
    for (const TsvRow& r : t.rows) {
      need(t, r, 2);
      const int m = parseInt(t, r, r.fields[0]);
      if (m < 1 || m > 12) bad(t, r, "month number must be 1..12");
      month_names_[static_cast<std::size_t>(m - 1)] = r.fields[1];
      months_.emplace(lowerGerman(r.fields[1]), m);
      if (r.fields.size() > 2) {
        for (const std::string& alt : splitComma(r.fields[2])) months_.emplace(lowerGerman(alt), m);
      }
    }
    for (std::size_t m = 0; m < 12; ++m) {
      if (month_names_[m].empty()) throw Error::data(t.path + ": month " + std::to_string(m + 1) + " missing");
    }
  }
  {
    const TsvTable& t = data.table("context");
    for (const TsvRow& r : t.rows) {
      need(t, r, 5);
      ContextWord c;
      const std::string& k = r.fields[1];
      if (k == "nom") c.grammatical_case = Case::Nominative;
      else if (k == "acc") c.grammatical_case = Case::Accusative;
      else if (k == "dat") c.grammatical_case = Case::Dative;
      else if (k == "gen") c.grammatical_case = Case::Genitive;
      else bad(t, r, "case must be nom, acc, dat or gen");
      for (int g = 0; g < 3; ++g) c.ending[g] = r.fields[2 + static_cast<std::size_t>(g)];
      if (r.fields.size() > 5) {
        if (r.fields[5] != "determiner") bad(t, r, "column 6 may only say \"determiner\"");
        c.determiner = true;
      }
      context_.emplace(lowerGerman(r.fields[0]), c);
    }
  }
  {
    const TsvTable& t = data.table("nouns");
    for (const TsvRow& r : t.rows) {
      need(t, r, 2);
      NounInfo n;
      n.gender = parseGender(t, r, r.fields[1]);
      n.known = true;
      if (r.fields.size() > 2) {
        for (const std::string& flag : splitComma(r.fields[2])) {
          if (flag == "ordinal") n.ordinal = true;
          else if (flag == "numbered") n.numbered = true;
          else if (flag == "name") n.name = true;
          else bad(t, r, "unknown flag \"" + flag + "\" (ordinal, numbered, name)");
        }
      }
      nouns_.emplace(r.fields[0], n);
    }
  }
  {
    const TsvTable& t = data.table("noun_suffixes");
    for (const TsvRow& r : t.rows) {
      need(t, r, 2);
      noun_suffixes_.emplace_back(r.fields[0], parseGender(t, r, r.fields[1]));
    }
    std::stable_sort(noun_suffixes_.begin(), noun_suffixes_.end(),
                     [](const auto& x, const auto& y) { return x.first.size() > y.first.size(); });
  }
  {
    const TsvTable& t = data.table("symbols");
    for (const TsvRow& r : t.rows) symbols_.emplace(need(t, r, 2).fields[0], r.fields[1]);
  }
  {
    const TsvTable& t = data.table("fractions");
    for (const TsvRow& r : t.rows) {
      need(t, r, 3);
      if (r.fields[0] == "denominator") {
        need(t, r, 4);
        denominators_.emplace(parseInt(t, r, r.fields[1]), std::make_pair(r.fields[2], r.fields[3]));
      } else {
        vulgar_.emplace(r.fields[0], std::make_pair(parseInt(t, r, r.fields[1]), parseInt(t, r, r.fields[2])));
      }
    }
  }
  {
    const TsvTable& t = data.table("year_context");
    for (const TsvRow& r : t.rows) year_triggers_.emplace(lowerGerman(need(t, r, 1).fields[0]), true);
  }
  {
    const TsvTable& t = data.table("electronic");
    for (const TsvRow& r : t.rows) {
      need(t, r, 3);
      if (r.fields[0] == "symbol") url_symbols_.emplace(r.fields[1], r.fields[2]);
      else if (r.fields[0] == "word") url_words_.emplace(r.fields[1], r.fields[2]);
      else bad(t, r, "first field must be \"symbol\" or \"word\"");
    }
  }
  {
    const TsvTable& t = data.table("words");
    for (const TsvRow& r : t.rows) {
      need(t, r, 2);
      words_.emplace(r.fields[0], std::make_pair(r.fields[1], r.fields.size() > 2 ? r.fields[2] : r.fields[1]));
    }
    for (const char* key : {"decimal", "minus", "plus", "range", "score", "per", "hour", "hours", "minute", "second",
                            "and"}) {
      if (!find(words_, key)) throw Error::data(t.path + ": the word \"" + key + "\" is missing");
    }
  }
  {
    const TsvTable& t = data.table("weekdays");
    for (const TsvRow& r : t.rows) weekdays_.emplace(need(t, r, 2).fields[0], r.fields[1]);
  }
  {
    const TsvTable& t = data.table("ordinal_scales");
    for (const TsvRow& r : t.rows) ordinal_stems_.emplace(need(t, r, 2).fields[0], r.fields[1]);
  }
  {
    const TsvTable& t = data.table("articles");
    bool seen[4] = {};
    for (const TsvRow& r : t.rows) {
      need(t, r, 4);
      const std::string& k = r.fields[0];
      const int c = k == "nom" ? 0 : k == "acc" ? 1 : k == "dat" ? 2 : k == "gen" ? 3 : -1;
      if (c < 0) bad(t, r, "case must be nom, acc, dat or gen");
      for (int g = 0; g < 3; ++g) articles_[c][g] = r.fields[1 + static_cast<std::size_t>(g)];
      seen[c] = true;
    }
    for (bool s : seen) {
      if (!s) throw Error::data(t.path + ": needs one row for each case (nom, acc, dat, gen)");
    }
  }
}

const std::string& GermanData::word(std::string_view key, bool plural) const {
  const auto* w = find(words_, key);
  return plural ? w->second : w->first;  // keys are checked at construction
}

const Abbreviation* GermanData::abbreviationAt(std::string_view text, std::size_t pos, std::size_t end) const {
  if (pos >= end) return nullptr;
  for (std::size_t idx : abbreviations_by_byte_[static_cast<unsigned char>(text[pos])]) {
    const Abbreviation& a = abbreviations_[idx];
    if (end - pos < a.written.size() || text.compare(pos, a.written.size(), a.written) != 0) continue;
    // A written form that ends in a letter must not continue into a longer word ("Pkws" is fine to skip).
    const std::size_t after = pos + a.written.size();
    const char last = a.written.back();
    if (last != '.' && after < end) {
      const unsigned char n = static_cast<unsigned char>(text[after]);
      if (std::isalnum(n) || n >= 0x80) continue;
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
  return it == months_.end() ? 0 : it->second;
}

const ContextWord* GermanData::context(std::string_view word) const {
  return find(context_, lowerGerman(word));
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
