#include <catch2/catch.hpp>

#include <clocale>

#include "ui/layout.h"

using namespace vorlesen;
using namespace vorlesen::ui;

namespace {

// wcwidth() needs a UTF-8 character type, as the screen sets it.
struct Utf8Locale {
  Utf8Locale() { REQUIRE(std::setlocale(LC_CTYPE, "C.UTF-8") != nullptr); }
};

std::vector<std::string> shown(const Document& doc, const Layout& layout) {
  std::vector<std::string> out;
  for (const Row& r : layout.rows) out.emplace_back(r.gap ? std::string("~") : std::string(doc.slice(r.span)));
  return out;
}

}  // namespace

TEST_CASE("rows wrap by words at the display width, umlauts and quotes one column each", "[ui]") {
  Utf8Locale locale;
  const Document doc = documentFromText("t", "Größere Brücken „über“ den Fluß – schön äöü.");
  const Layout layout = layoutDocument(doc, 16);
  CHECK(shown(doc, layout) == std::vector<std::string>{"Größere Brücken", "„über“ den Fluß", "– schön äöü."});
  for (const Row& r : layout.rows) CHECK(displayWidth(doc.slice(r.span)) <= 16);
  CHECK(displayWidth("Größere Brücken") == 15);
  CHECK(displayWidth("„über“") == 6);
}

TEST_CASE("paragraphs stay apart with one empty row between them", "[ui]") {
  Utf8Locale locale;
  const Document doc = documentFromText("t", "Erster Absatz hier.\n\nZweiter Absatz.\n");
  const Layout layout = layoutDocument(doc, 40);
  CHECK(shown(doc, layout) == std::vector<std::string>{"Erster Absatz hier.", "~", "Zweiter Absatz."});
  CHECK(layout.rows[1].gap);
  // An offset between the blocks belongs to the next block's row, never the empty one.
  CHECK(layout.rowOf(doc.text.find("\n\n")) == 2);
  CHECK(layout.rowOf(doc.text.find("Zweiter")) == 2);
  CHECK(layout.rowOf(0) == 0);
}

TEST_CASE("a hard-wrapped paragraph is reflowed to the width", "[ui]") {
  Utf8Locale locale;
  Document doc = documentFromText("t", "x");
  doc.text = "Die Stadt plant\nneue Brücken\nüber den Rhein.";
  doc.blocks = {Block{BlockKind::Paragraph, Span{0, doc.text.size()}}};
  const Layout layout = layoutDocument(doc, 30);
  REQUIRE(layout.rows.size() == 2);
  CHECK(doc.slice(layout.rows[0].span) == "Die Stadt plant\nneue Brücken");  // drawn with a space
  CHECK(doc.slice(layout.rows[1].span) == "über den Rhein.");
  CHECK(displayWidth(doc.slice(layout.rows[0].span)) == 28);
}

TEST_CASE("a word longer than the row is broken at the column limit", "[ui]") {
  Utf8Locale locale;
  const Document doc = documentFromText("t", "ab Donaudampfschifffahrt cd");
  const Layout layout = layoutDocument(doc, 8);
  CHECK(shown(doc, layout) == std::vector<std::string>{"ab", "Donaudam", "pfschiff", "fahrt cd"});
}

TEST_CASE("wide characters count two columns", "[ui]") {
  Utf8Locale locale;
  const Document doc = documentFromText("t", "漢字 漢字 ab");
  const Layout layout = layoutDocument(doc, 5);
  CHECK(shown(doc, layout) == std::vector<std::string>{"漢字", "漢字", "ab"});
}

TEST_CASE("columns and offsets map both ways on a row", "[ui]") {
  Utf8Locale locale;
  const Document doc = documentFromText("t", "Über „Köln“ heute");
  const Layout layout = layoutDocument(doc, 80);
  REQUIRE(layout.rows.size() == 1);
  const std::size_t koeln = doc.text.find("Köln");
  CHECK(columnOf(doc.text, layout.rows[0].span, koeln) == 6);
  CHECK(layout.offsetAt(doc, 0, 6) == koeln);
  CHECK(layout.offsetAt(doc, 0, 7) == koeln + 1);      // ö starts at column 7, byte 1 of "Köln"
  CHECK(layout.offsetAt(doc, 0, 8) == koeln + 3);      // ö is two bytes
  CHECK_FALSE(layout.offsetAt(doc, 0, 40).has_value());
  CHECK_FALSE(layout.offsetAt(doc, 5, 0).has_value());
}

TEST_CASE("search ignores case, finds umlauts, wraps around", "[ui]") {
  const std::string text = "Die Brücke in KÖLN. Die Brücke in Bonn.";
  CHECK(findText(text, "köln", 0) == text.find("KÖLN"));
  CHECK(findText(text, "BRÜCKE", 5) == text.rfind("Brücke"));
  CHECK(findText(text, "brücke", text.rfind("Brücke") + 1) == text.find("Brücke"));  // wrapped
  CHECK_FALSE(findText(text, "Düsseldorf", 0).has_value());
  CHECK_FALSE(findText(text, "", 0).has_value());
}
