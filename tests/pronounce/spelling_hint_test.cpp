#include <catch2/catch.hpp>

#include <unicode/regex.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "pronounce/spelling_hint.h"
#include "vorlesen/language_data.h"

using namespace vorlesen;
using namespace vorlesen::pronounce;

namespace {

// What ICU's matcher says, the answer a hint must never contradict.
bool icuFinds(const std::string& pattern, const std::string& word) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  std::unique_ptr<icu::RegexPattern> p(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parse_error, status));
  REQUIRE(U_SUCCESS(status));
  std::unique_ptr<icu::RegexMatcher> m(p->matcher(icu::UnicodeString::fromUTF8(word), status));
  return m->find(status) && U_SUCCESS(status);
}

bool hinted(const std::string& pattern, const std::string& word) {
  return SpellingHint::of(pattern).mayMatch(HintWord(word));
}

// Words that test case folding, anchors and the characters the patterns below name.
const std::vector<std::string> kWords = {
    "Kritik", "kritiken", "Politik", "Kritiker", "Fuß", "FUSS", "Fuss", "Straße", "STRASSE", "strasse",
    "ſtadt", "Stadt", "Hauptstadt", "Damaskus", "damaskus", "Ärzte", "ärztin", "ÄRZTE", "Vorrat", "vor",
    "Unterschied", "unterschiedlich", "Überblick", "überblick", "heute", "Heiterkeit", "Gesundheit", "ab",
    "", "a", "-", "Dollar", "Dollars", "Mitte", "Kellner", "Zimmer", "Nationalität", "Apotheker", "Ist",
    "Ende\n", "sagte", "Sagte", "Kuss", "KUẞ", "Ostern", "Mönch", "Röntgen",
};

}  // namespace

TEST_CASE("a spelling hint reads what a pattern needs and never contradicts ICU", "[pronounce]") {
  SECTION("anchors, classes, groups and quantifiers") {
    CHECK_FALSE(hinted("^[Kk]ritik(?:en)?$", "Politik"));
    CHECK(hinted("^[Kk]ritik(?:en)?$", "kritiken"));
    CHECK_FALSE(hinted("^Damaskus$", "damaskus"));  // case-sensitive
    CHECK(hinted("(?i)^Damaskus$", "damaskus"));
    CHECK_FALSE(hinted("ität$", "Kritik"));
    CHECK_FALSE(hinted("(?:e|en|er)$", "Mitte-"));
    CHECK(hinted("(?:e|en|er)$", "Kellner"));
    CHECK_FALSE(hinted("(?i)[aeiouäöü]heit(?:en)?$", "Kellner"));  // no h
    CHECK(hinted("(?i)[aeiouäöü]heit(?:en)?$", "Gesundheit"));        // the hint lets it through; ICU decides
    CHECK_FALSE(hinted("(?i)ärzt", "Vorrat"));
    CHECK(hinted("(?i)ärzt", "ÄRZTE"));
    CHECK_FALSE(hinted("^(?!ab|an)[^aeiou]*[aeiou].*ett$", "Kellner"));
    CHECK(hinted("x?y", "y"));
    CHECK_FALSE(hinted("x+y", "y"));
    CHECK(hinted("^a{0,2}b", "b"));
    CHECK_FALSE(hinted("^a{1,2}b", "b"));
    CHECK_FALSE(hinted("\\-", "Mitte"));
    // a quoted parenthesis opens no group: the group ends where it does for ICU
    CHECK(hinted("(?:\\Q(\\E|b)c", "(c"));
    CHECK_FALSE(hinted("(?:\\Q(\\E|b)c", "(b"));
  }
  SECTION("what it cannot read lets every word through") {
    for (const char* p : {"(?i)ität|präsident|-", "a(?i)b", "(?i:ab)c", "\\Qab\\E", "\\u00e4", "[[a-z]&&[^b]]", "(a)\\1",
                          "(?x) a b", "[a-z]", ".", "[:Letter:]", "^[:Lu:]x"}) {
      INFO(p);
      CHECK(SpellingHint::of(p).empty());
    }
  }
  SECTION("case folding: a (?i) pattern's ß and ss, long s, capital sharp s") {
    for (const char* p : {"(?i)ss", "(?i)ß", "(?i)^straße$", "(?i)uß$", "(?i)^s", "(?i)s$", "(?i)[ß]$", "(?i)^ſ",
                          "(?i)kuss$", "(?i)stadt"}) {
      for (const std::string& w : kWords) {
        INFO(p << " on '" << w << "'");
        if (icuFinds(p, w)) CHECK(hinted(p, w));
      }
    }
  }
  SECTION("phoneme patterns on rule notation, without folding") {
    const std::vector<std::string> notations = {" z 'A: g t @ ", " b 'U x s @ ", " f l 'u: k h A: f @ n ", " _! 'E r t s t @ ",
                                                " d 'e: r ", " ts u: k 'U n f t ", ""};
    for (const char* p : {" x(?= [sz] )", " ([',]?)E(?= r ts )", "^ d ([',]?)E(?= r )", " ,?A: $", " g(?= [',]?(?:p|t|k|f|s) )",
                          "'(?=[^']*')", " 'A(?= [bdg] )"}) {
      const SpellingHint hint = SpellingHint::of(p);
      for (const std::string& n : notations) {
        INFO(p << " on '" << n << "'");
        if (icuFinds(p, n)) CHECK(hint.mayMatch(HintWord(icu::UnicodeString::fromUTF8(n))));
      }
    }
    CHECK_FALSE(SpellingHint::of(" x(?= [sz] )").mayMatch(HintWord(icu::UnicodeString::fromUTF8(" z 'A: g t @ "))));
    // A "(?i)" hint cannot judge a word given without its folding: it lets it through.
    CHECK(SpellingHint::of("(?i)x").mayMatch(HintWord(icu::UnicodeString::fromUTF8("abc"))));
  }
  SECTION("$ also before a final line end") {
    CHECK(icuFinds("e$", "Ende\n"));
    CHECK(hinted("e$", "Ende\n"));
  }
}

TEST_CASE("every shipped phoneme rule's hint agrees with ICU on a German word list", "[pronounce]") {
  const TsvTable& table = LanguageData::german().table("phoneme_rules");
  std::vector<std::string> patterns;
  for (const TsvRow& row : table.rows) {
    const std::string& kind = row.fields[0];
    if ((kind == "rule" || kind == "part" || kind == "stress" || kind == "suffix") && !row.fields[1].empty()) {
      patterns.push_back(row.fields[1]);
    }
  }
  REQUIRE(patterns.size() > 100);
  std::vector<std::string> words = kWords;
  std::ifstream list("/usr/share/dict/ngerman");  // the compound word list, where installed
  std::string line;
  for (std::size_t n = 0; std::getline(list, line); ++n) {
    if (n % 16 == 0) words.push_back(line);
  }
  std::size_t with_hint = 0, checked = 0, skipped = 0;
  for (const std::string& p : patterns) {
    const SpellingHint hint = SpellingHint::of(p);
    with_hint += hint.empty() ? 0 : 1;
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    std::unique_ptr<icu::RegexPattern> compiled(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(p), 0, parse_error, status));
    REQUIRE(U_SUCCESS(status));
    std::unique_ptr<icu::RegexMatcher> m(compiled->matcher(status));
    for (const std::string& w : words) {
      const HintWord hw(w);
      const bool may = hint.mayMatch(hw);
      skipped += may ? 0 : 1;
      ++checked;
      if (may) continue;
      m->reset(icu::UnicodeString::fromUTF8(w));
      if (m->find(status)) FAIL("the hint of '" << p << "' rejects '" << w << "', which the pattern finds");
    }
  }
  // The hints are worth having: most rows get one, and most tests end without ICU.
  CHECK(with_hint * 10 >= patterns.size() * 8);
  CHECK(skipped * 2 >= checked);
}
