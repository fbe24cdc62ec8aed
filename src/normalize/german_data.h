// Internal (normalizer): the German tables the normalizer reads, built once from LanguageData.
//
// Everything language-specific the classifier and verbalizer need: abbreviations, units, currencies,
// scale words, months, context words (case and ordinal endings), noun genders, symbols, fractions,
// the words around numbers that decide their reading (number_context.tsv) and URL reading.
// Immutable after construction; safe to share between threads. Malformed rows are an Error::data
// naming file and line.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vorlesen {
class LanguageData;
struct TsvTable;
}  // namespace vorlesen

namespace vorlesen::normalize {

// Lower-cases ASCII letters and the German umlauts Ä Ö Ü (enough for the words looked up here).
std::string lowerGerman(std::string_view s);

enum class Gender { Masculine, Feminine, Neuter };
enum class Case { Nominative, Accusative, Dative, Genitive };

struct Abbreviation {
  std::string written;
  std::string spoken;
  bool needs_number = false;  // only before a number ("S. 12")
  bool suffix = false;        // also at the end of a word ("Hauptstr.")
  bool may_end = false;       // can close a sentence ("usw.")
  bool adjective = false;     // `spoken` is a stem that takes the ending of its noun ("ital." -> "italienisch-e")
};

struct Unit {
  std::string singular, plural;
  Gender gender = Gender::Masculine;
  bool spaced = false;  // only after a space ("300 K"), never glued ("4K" is a resolution)
};

struct Currency {
  std::string singular, plural;
  Gender gender = Gender::Masculine;
  std::string sub_singular, sub_plural;
};

struct ContextWord {
  Case grammatical_case = Case::Nominative;
  std::string ending[3];  // ordinal ending before a masculine, feminine, neuter noun; "=" inherits
  bool determiner = false;  // "N." after it is always an ordinal ("der 3.", "am 3."); not so after "mit 3."
  bool inherit = false;     // between two ordinals it takes the first one's context ("vom 5. bis 7.")
};

struct NounInfo {
  Gender gender = Gender::Masculine;
  bool known = false;     // listed in nouns.tsv (not guessed from the ending)
  bool ordinal = false;   // "N." before it is an ordinal
  bool numbered = false;  // roman numeral after it is a cardinal
  bool name = false;      // regnal name
  bool title = false;     // a ruler's title before a name ("König Carl XVI. Gustaf")
};

// What a word near a number says about the number's reading (number_context.tsv). Bit flags.
enum NumberContext : unsigned {
  kYear = 1u << 0,          // before a four-digit number: a year unless a noun follows ("seit 2011")
  kYearNoun = 1u << 1,      // before it: a year even when a noun follows ("im Jahr 2015 Flüchtlinge")
  kClock = 1u << 2,         // after it: a clock time ("8 Uhr")
  kHours = 1u << 3,         // after "H:MM": a duration in hours ("2:08 Stunden")
  kMinutes = 1u << 4,       // after "M:SS": a duration in minutes
  kSeconds = 1u << 5,       // after "S,d" in a duration
  kDecadeSuffix = 1u << 6,  // glued after a number: "90er", "90ern"
  kVersion = 1u << 7,       // before "N.N": a version ("Version 3.11" -> "drei Punkt elf")
  kConjunction = 1u << 8,   // after a suspended hyphen ("0:1- oder 1:2-Niederlage")
  kMatch = 1u << 9,        // in a sentence: "(23.)" is a match minute, not a table position
};

class GermanData {
 public:
  explicit GermanData(const LanguageData& data);

  // The longest abbreviation whose written form starts at text[pos] (pos is a word start); nullptr if none.
  // `capitalized`: the text has an upper-case first letter where the form has a lower-case one ("Ca.").
  const Abbreviation* abbreviationAt(std::string_view text, std::size_t pos, std::size_t end,
                                     bool capitalized = false) const;
  // A suffix abbreviation ("str.") ending exactly at text[end) within the word starting at word_begin.
  const Abbreviation* suffixAbbreviation(std::string_view word_with_dot) const;

  const Unit* unit(std::string_view symbol) const { return find(units_, symbol); }
  const Currency* currency(std::string_view written) const { return find(currencies_, written); }
  const Unit* scale(std::string_view written) const { return find(scales_, written); }
  // 1..12 for a month name or abbreviation (case-insensitive, abbreviations with their dot); 0 if none.
  int month(std::string_view written) const;
  // How a written month is said: its own regional name ("Jänner", "Feber") or the standard one.
  const std::string& monthSpoken(std::string_view written) const;
  const std::string& monthName(int month) const { return month_names_.at(static_cast<std::size_t>(month - 1)); }
  const ContextWord* context(std::string_view word) const;  // case-insensitive
  NounInfo noun(std::string_view word) const;
  const std::string* symbol(std::string_view s) const { return find(symbols_, s); }
  const std::pair<int, int>* vulgarFraction(std::string_view s) const { return find(vulgar_, s); }
  const std::pair<std::string, std::string>* denominator(int d) const;
  // How ICU's ordinal becomes a denominator: "dritte" loses `ending` ("e") and gains `suffix` ("el").
  const std::string& denominatorEnding() const { return denominator_ending_; }
  const std::string& denominatorSuffix() const { return denominator_suffix_; }
  // Whether `word` (case-insensitive) has all the NumberContext bits in `kinds`.
  bool numberContext(std::string_view word, unsigned kinds) const;
  // Whether `word` starts with a listed word of these kinds ("erjahren" starts with "er").
  bool startsWithNumberContext(std::string_view word, unsigned kinds) const;
  // A thousands separator between digit groups ("." or a single space of any kind).
  bool groupSeparator(std::string_view token) const { return find(group_separators_, token) != nullptr; }
  bool decimalSeparator(std::string_view token) const { return find(decimal_separators_, token) != nullptr; }
  const std::string* urlSymbol(std::string_view c) const { return find(url_symbols_, c); }
  const std::string* urlWord(std::string_view w) const { return find(url_words_, w); }
  bool urlPrefix(std::string_view chunk) const;  // "http://", "www." ...
  bool topLevelDomain(std::string_view label) const { return find(top_level_domains_, label) != nullptr; }
  const std::string* weekday(std::string_view short_form) const { return find(weekdays_, short_form); }
  const std::map<std::string, std::string, std::less<>>& ordinalStems() const { return ordinal_stems_; }
  // A connecting word from words.tsv ("decimal" -> "Komma"); `plural` picks column 3 when present.
  const std::string& word(std::string_view key, bool plural = false) const;
  // The definite article for a case and gender ("dem"), from articles.tsv.
  const std::string& article(Case c, Gender g) const {
    return articles_[static_cast<int>(c)][static_cast<int>(g)];
  }

 private:
  template <typename T>
  static const T* find(const std::map<std::string, T, std::less<>>& m, std::string_view key) {
    const auto it = m.find(key);
    return it == m.end() ? nullptr : &it->second;
  }

  void loadAbbreviations(const TsvTable& t);
  void loadUnits(const TsvTable& t);
  void loadCurrencies(const TsvTable& t);
  void loadScales(const TsvTable& t);
  void loadMonths(const TsvTable& t);
  void loadContext(const TsvTable& t);
  void loadNouns(const TsvTable& t);
  void loadNounSuffixes(const TsvTable& t);
  void loadFractions(const TsvTable& t);
  void loadNumberContext(const TsvTable& t);
  void loadElectronic(const TsvTable& t);
  void loadWords(const TsvTable& t);
  void loadArticles(const TsvTable& t);
  static void loadPairs(const TsvTable& t, std::map<std::string, std::string, std::less<>>& into);

  std::vector<Abbreviation> abbreviations_;          // longest written form first
  std::vector<std::size_t> abbreviations_by_byte_[256];  // indexes into abbreviations_, by first byte
  std::map<std::string, Abbreviation, std::less<>> suffix_abbreviations_;
  std::map<std::string, Unit, std::less<>> units_;
  std::map<std::string, Currency, std::less<>> currencies_;
  std::map<std::string, Unit, std::less<>> scales_;
  std::map<std::string, std::pair<int, std::string>, std::less<>> months_;  // lower-case written -> 1..12, spoken
  std::vector<std::string> month_names_;
  std::map<std::string, ContextWord, std::less<>> context_;
  std::map<std::string, NounInfo, std::less<>> nouns_;
  std::vector<std::pair<std::string, Gender>> noun_suffixes_;  // longest first
  std::map<std::string, std::string, std::less<>> symbols_;
  std::map<std::string, std::pair<int, int>, std::less<>> vulgar_;
  std::map<int, std::pair<std::string, std::string>> denominators_;
  std::string denominator_ending_, denominator_suffix_;
  std::map<std::string, unsigned, std::less<>> number_context_;          // lower-case word -> NumberContext bits
  std::vector<std::pair<std::string, unsigned>> number_context_endings_;  // "*jahr": any word ending so
  std::map<std::string, bool, std::less<>> group_separators_, decimal_separators_;
  std::map<std::string, std::string, std::less<>> url_symbols_;
  std::map<std::string, std::string, std::less<>> url_words_;
  std::vector<std::string> url_prefixes_;
  std::map<std::string, bool, std::less<>> top_level_domains_;
  std::map<std::string, std::pair<std::string, std::string>, std::less<>> words_;
  std::string articles_[4][3];
  std::map<std::string, std::string, std::less<>> ordinal_stems_;
  std::map<std::string, std::string, std::less<>> weekdays_;
};

}  // namespace vorlesen::normalize
