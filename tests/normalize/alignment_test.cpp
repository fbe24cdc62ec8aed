// Every spoken piece keeps the byte span of the source it came from.
#include <catch2/catch.hpp>

#include <string>

#include "vorlesen/language_data.h"
#include "normalize/alignment_check.h"
#include "vorlesen/normalizer.h"

using namespace vorlesen;

namespace {

const Normalizer& normalizer() {
  static const Normalizer n(LanguageData::german());
  return n;
}

// The source text a spoken word came from.
std::string sourceOfWord(const std::string& source, const SpokenText& s, const std::string& word) {
  const std::size_t at = s.text.find(word);
  REQUIRE(at != std::string::npos);
  const Span src = s.sourceOf(at, at + word.size());
  return source.substr(src.begin, src.size());
}

}  // namespace

TEST_CASE("an ordinal date aligns each spoken word with its source", "[normalize][alignment]") {
  const std::string src = "Wir kommen am 8. Mai 2025.";
  const SpokenText s = normalizer().normalize(src);
  REQUIRE(s.text == "Wir kommen am achten Mai zwei-tausend-fünf-und-zwanzig.");
  CHECK(sourceOfWord(src, s, "achten") == "8.");
  CHECK(sourceOfWord(src, s, "Mai") == "Mai");
  CHECK(sourceOfWord(src, s, "zwei-tausend-fünf-und-zwanzig") == "2025");
  CHECK(sourceOfWord(src, s, "kommen") == "kommen");
  checkAlignment(src, Span{0, src.size()}, s);
}

TEST_CASE("money aligns the currency word with the symbol, in spoken order", "[normalize][alignment]") {
  const std::string src = "Preis: $2,20 oder 12,50 €";
  const SpokenText s = normalizer().normalize(src);
  REQUIRE(s.text == "Preis: zwei Dollar zwanzig oder zwölf Euro fünfzig");
  CHECK(sourceOfWord(src, s, "Dollar") == "$");
  CHECK(sourceOfWord(src, s, "zwanzig") == ",20");
  CHECK(sourceOfWord(src, s, "Euro") == "€");
  CHECK(sourceOfWord(src, s, "zwölf") == "12");
  checkAlignment(src, Span{0, src.size()}, s);
}

TEST_CASE("spans are offsets into the whole text when normalizing a part of it", "[normalize][alignment]") {
  const std::string src = "Erster Satz. Um 15:57 Uhr ging es los. Letzter Satz.";
  const std::size_t b = src.find("Um");
  const std::size_t e = src.find("los.") + 4;
  const SpokenText s = normalizer().normalize(src, Span{b, e});
  REQUIRE(s.text == "Um fünfzehn Uhr sieben-und-fünfzig ging es los.");
  CHECK(sourceOfWord(src, s, "fünfzehn") == "15");
  CHECK(sourceOfWord(src, s, "Uhr") == "Uhr");
  CHECK(sourceOfWord(src, s, "sieben-und-fünfzig") == ":57");
  checkAlignment(src, Span{b, e}, s);
  REQUIRE(s.rewrites.size() == 1);
  CHECK(src.substr(s.rewrites[0].source.begin, s.rewrites[0].source.size()) == "15:57 Uhr");
  CHECK(s.rewrites[0].token_class == "time");
}

TEST_CASE("an abbreviation aligns all its words with the whole written form", "[normalize][alignment]") {
  const std::string src = "Das gilt i. d. R. immer.";
  const SpokenText s = normalizer().normalize(src);
  REQUIRE(s.text == "Das gilt in der Regel immer.");
  CHECK(sourceOfWord(src, s, "Regel") == "i. d. R.");
  CHECK(sourceOfWord(src, s, "immer.") == "immer.");
  checkAlignment(src, Span{0, src.size()}, s);
}

TEST_CASE("alignment invariants hold on a mixed news paragraph", "[normalize][alignment]") {
  const std::string src =
      "Am 14. März 2023 um 9:30 Uhr stieg der DAX um 1,3 % auf 15.432 Punkte; z. B. kostete 1 kg "
      "Kaffee 12,99 € (ca. 3 Mio. Menschen, S. 12–15, Tel. +49 30 1234567, www.example.de).";
  const SpokenText s = normalizer().normalize(src);
  checkAlignment(src, Span{0, src.size()}, s);
  CHECK(s.text.find_first_of("0123456789") == std::string::npos);
}
