// Number words come from ICU's German spellout rules; soft hyphens become "-".
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "normalize/number_speller.h"

using vorlesen::normalize::NumberForm;
using vorlesen::normalize::NumberSpeller;

namespace {

const NumberSpeller& speller() {
  static const NumberSpeller s(
      std::map<std::string, std::string, std::less<>>{{"Millionen", "millionst"}, {"Million", "millionst"}});
  return s;
}

}  // namespace

TEST_CASE("cardinals and their inflected forms", "[normalize][numbers]") {
  CHECK(speller().spell("1", NumberForm::Numbering) == "eins");
  CHECK(speller().spell("1", NumberForm::Masculine) == "ein");
  CHECK(speller().spell("1", NumberForm::Feminine) == "eine");
  CHECK(speller().spell("1", NumberForm::CardinalM) == "einem");
  CHECK(speller().spell("1", NumberForm::CardinalR) == "einer");
  CHECK(speller().spell("1", NumberForm::CardinalN) == "einen");
  CHECK(speller().spell("45", NumberForm::Numbering) == "fünf-und-vierzig");
  CHECK(speller().spell("0045", NumberForm::Numbering) == "fünf-und-vierzig");
  CHECK(speller().spell("0", NumberForm::Numbering) == "null");
  CHECK(speller().spell("2000000", NumberForm::Numbering) == "zwei Millionen");
}

TEST_CASE("no soft hyphen ever leaves the speller", "[normalize][numbers]") {
  for (const char* n : {"21", "1999", "123456", "987654321", "45"}) {
    for (NumberForm f : {NumberForm::Numbering, NumberForm::Year, NumberForm::OrdinalN, NumberForm::OrdinalR}) {
      CHECK(speller().spell(n, f).find("\xC2\xAD") == std::string::npos);
    }
  }
}

TEST_CASE("ordinals and years", "[normalize][numbers]") {
  CHECK(speller().spell("3", NumberForm::OrdinalE) == "dritte");
  CHECK(speller().spell("3", NumberForm::OrdinalN) == "dritten");
  CHECK(speller().spell("3", NumberForm::OrdinalR) == "dritter");
  CHECK(speller().spell("3", NumberForm::OrdinalS) == "drittes");
  CHECK(speller().spell("3", NumberForm::OrdinalM) == "drittem");
  CHECK(speller().spell("1999", NumberForm::Year) == "neunzehn-hundert-neun-und-neunzig");
  CHECK(speller().spell("1999", NumberForm::Numbering) == "ein-tausend-neun-hundert-neun-und-neunzig");
  CHECK(speller().spell("1000000", NumberForm::OrdinalR) == "millionster");
  CHECK(speller().spell("2000000", NumberForm::OrdinalN) == "zwei-millionsten");
}

TEST_CASE("numbers beyond ICU's range are read digit by digit", "[normalize][numbers]") {
  const std::string digits(10000, '7');
  const std::string words = speller().spell(digits, NumberForm::Numbering);
  std::size_t count = 0;
  for (std::size_t at = words.find("sieben"); at != std::string::npos; at = words.find("sieben", at + 1)) ++count;
  CHECK(count == 10000);
  CHECK(speller().digitByDigit("0411") == "null vier eins eins");
}
