#include "vorlesen/i18n.h"

#include <catch2/catch.hpp>

using vorlesen::format;
using vorlesen::tr;

TEST_CASE("tr returns the English message when no catalogue is bound", "[i18n]") {
  CHECK(std::string(tr("nothing to read")) == "nothing to read");
  CHECK(std::string(vorlesen::trn("{} sentence", "{} sentences", 2)) == "{} sentences");
}

TEST_CASE("format fills positional placeholders, so translations may reorder them", "[i18n]") {
  CHECK(format("{}: cannot open: {}", "a.txt", "No such file") == "a.txt: cannot open: No such file");
  CHECK(format("{1} ({0})", "a.txt", 3) == "3 (a.txt)");
}

TEST_CASE("a translation whose placeholders do not fit never throws", "[i18n]") {
  CHECK(format("{} and {} and {}", "a") == "{} and {} and {} a");
  CHECK(format("{2}", 1, 2) == "{2} 1 2");
}
