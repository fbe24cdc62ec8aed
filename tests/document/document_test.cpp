#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "vorlesen/document.h"
#include "vorlesen/error.h"

using namespace vorlesen;

namespace {
std::vector<std::string> blockTexts(const Document& d) {
  std::vector<std::string> out;
  for (const auto& b : d.blocks) out.emplace_back(d.slice(b.span));
  return out;
}
}  // namespace

TEST_CASE("blank lines and one-paragraph-per-line dumps both give paragraphs", "[document]") {
  const Document d = documentFromText("t", "Titel der Seite\n\nErster Absatz. Noch ein Satz.\nZweiter Absatz.\n\n\n  Dritter.  \n");
  CHECK(blockTexts(d) == std::vector<std::string>{"Titel der Seite", "Erster Absatz. Noch ein Satz.", "Zweiter Absatz.", "Dritter."});
}

TEST_CASE("hard-wrapped lines continuing in lower case stay one paragraph", "[document]") {
  const Document d = documentFromText("t", "Die Stadt hat am Donnerstag den Bau der\nneuen Linie beschlossen.\nDanach kam die Presse.\n");
  REQUIRE(d.blocks.size() == 2);
  CHECK(d.slice(d.blocks[0].span) == "Die Stadt hat am Donnerstag den Bau der\nneuen Linie beschlossen.");
}

TEST_CASE("block spans point into the repaired text", "[document]") {
  const Document d = documentFromText("t", "K\xE4se ist gut.\n\nAuch Brot.");
  CHECK(d.bad_utf8 == 1);
  CHECK(d.first_bad_utf8_offset == 1);
  REQUIRE(d.blocks.size() == 2);
  CHECK(d.slice(d.blocks[0].span) == "K\uFFFDse ist gut.");
  CHECK(d.slice(d.blocks[1].span) == "Auch Brot.");
}

TEST_CASE("empty and white-space-only input has no blocks", "[document]") {
  CHECK(documentFromText("t", "").blocks.empty());
  CHECK(documentFromText("t", " \n\t\n\xC2\xA0\n").blocks.empty());
}

TEST_CASE("a line of Unicode white space or control characters separates paragraphs", "[document]") {
  // NEL (U+0085), LINE SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029), IDEOGRAPHIC SPACE, DEL, SOH
  const Document d = documentFromText("t", "Erster.\n\xC2\x85\nZweiter.\n\u2028 \u2029\u3000\nDritter.\n\x7F\x01\n");
  CHECK(blockTexts(d) == std::vector<std::string>{"Erster.", "Zweiter.", "Dritter."});
  CHECK(documentFromText("t", "\xC2\x85").blocks.empty());
  CHECK(documentFromText("t", "\u2028\n\u2029").blocks.empty());
}

TEST_CASE("readInput names the file in its errors", "[document]") {
  try {
    readInput("/nonexistent/artikel.txt");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Input);
    CHECK(std::string(e.what()) == "/nonexistent/artikel.txt: cannot open: No such file or directory");
  }
  try {
    readInput("/tmp");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("/tmp: is a directory") == 0);
  }
}

TEST_CASE("readInput reads a whole file", "[document]") {
  char path[] = "/tmp/vorlesen-doc-XXXXXX";
  const int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  const std::string content(200000, 'x');
  REQUIRE(write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()));
  close(fd);
  CHECK(readInput(path) == content);
  std::remove(path);
}
