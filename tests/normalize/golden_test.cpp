// Golden normalizations in sentence context (tests/fixtures/normalize/golden.tsv): every class the normalizer
// knows, with the grammar the context demands.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "normalize/alignment_check.h"
#include "vorlesen/language_data.h"
#include "vorlesen/normalizer.h"

using namespace vorlesen;

namespace {

TsvTable goldenRows(const std::string& name) {
  const std::string path = std::string(VORLESEN_FIXTURES_DIR) + "/normalize/" + name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return parseTsv(text.str(), path, 3);
}

const Normalizer& normalizer() {
  static const Normalizer n(LanguageData::german());
  return n;
}

// Every row's input normalizes to its expected text, with aligned pieces and its class among the rewrites.
void checkGolden(const TsvTable& table) {
  for (const TsvRow& row : table.rows) {
    const std::string& cls = row.fields[0];
    const std::string& input = row.fields[1];
    const std::string& expected = row.fields[2];
    INFO(table.path << ":" << row.line << ": " << input);
    const SpokenText spoken = normalizer().normalize(input);
    CHECK(spoken.text == expected);
    checkAlignment(input, Span{0, input.size()}, spoken);
    bool has_class = false;
    for (const Rewrite& r : spoken.rewrites) has_class = has_class || r.token_class == cls;
    CHECK(has_class);
  }
}

bool hasClass(const TsvTable& table, const std::string& cls) {
  for (const TsvRow& row : table.rows) {
    if (row.fields[0] == cls) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("golden sentences are normalized as expected", "[normalize]") {
  const TsvTable table = goldenRows("golden.tsv");
  REQUIRE(table.rows.size() >= 90);
  checkGolden(table);
}

TEST_CASE("golden news sentences are normalized as expected", "[normalize]") {
  const TsvTable table = goldenRows("golden_news.tsv");
  REQUIRE(table.rows.size() >= 30);
  checkGolden(table);
}

TEST_CASE("every class of the issue appears in the golden file", "[normalize]") {
  const TsvTable table = goldenRows("golden.tsv");
  for (const char* cls : {"cardinal", "ordinal", "date", "time", "year", "decimal", "money", "measure", "fraction",
                          "range", "score", "roman", "abbreviation", "compound", "electronic", "telephone",
                          "symbol", "letters"}) {
    INFO(cls);
    CHECK(hasClass(table, cls));
  }
}

TEST_CASE("every class of real news text appears in the news golden file", "[normalize]") {
  const TsvTable table = goldenRows("golden_news.tsv");
  for (const char* cls : {"match-minute", "duration", "score", "time", "decimal", "version", "measure", "date",
                          "ordinal", "roman", "year", "compound", "abbreviation", "electronic"}) {
    INFO(cls);
    CHECK(hasClass(table, cls));
  }
}

TEST_CASE("text without anything to rewrite passes through, white space collapsed", "[normalize]") {
  const SpokenText s = normalizer().normalize("  Das  ist\tein Test.  ");
  CHECK(s.text == "Das ist ein Test.");
  CHECK(s.rewrites.empty());
  CHECK(normalizer().normalize("").text.empty());
  CHECK(normalizer().normalize("   ").text.empty());
}

TEST_CASE("grammar follows the article or preposition before the number", "[normalize]") {
  CHECK(normalizer().normalize("am 3. Mai").text == "am dritten Mai");
  CHECK(normalizer().normalize("der 3. Mai").text == "der dritte Mai");
  CHECK(normalizer().normalize("den 3. Mai").text == "den dritten Mai");
  CHECK(normalizer().normalize("ein 2. Versuch").text == "ein zweiter Versuch");
  CHECK(normalizer().normalize("ein 2. Mal").text == "ein zweites Mal");
  CHECK(normalizer().normalize("1 Frau").text == "eine Frau");
  CHECK(normalizer().normalize("mit 1 Mann").text == "mit einem Mann");
  CHECK(normalizer().normalize("für 1 Tag").text == "für einen Tag");
  CHECK(normalizer().normalize("am 08.02.2025").text == "am achten Februar zwei-tausend-fünf-und-zwanzig");
  CHECK(normalizer().normalize("08.02.2025").text == "achter Februar zwei-tausend-fünf-und-zwanzig");
}

TEST_CASE("sentence ends survive abbreviations that close a sentence", "[normalize]") {
  CHECK(normalizer().normalize("Milch usw. Das reicht.").text == "Milch und so weiter. Das reicht.");
  CHECK(normalizer().normalize("Er sagte es z. B. laut.").text == "Er sagte es zum Beispiel laut.");
  CHECK(normalizer().normalize("Es kamen 3 Gäste.").text == "Es kamen drei Gäste.");
}
