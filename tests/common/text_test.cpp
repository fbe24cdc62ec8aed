#include <catch2/catch.hpp>

#include "vorlesen/text.h"

using namespace vorlesen;

TEST_CASE("repairUtf8 keeps valid German text byte for byte", "[text]") {
  const std::string s = "Größe „Übermaß“ – schön. 😀";
  const Utf8Repair r = repairUtf8(s);
  CHECK(r.text == s);
  CHECK(r.bad_sequences == 0);
}

TEST_CASE("repairUtf8 replaces each ill-formed sequence and reports the first offset", "[text]") {
  // Latin-1 "ä" (E4) at byte 2, a lone continuation byte at 5, a truncated 3-byte sequence at the end.
  const std::string s = "Ka\xE4se \x80ok \xE2\x82";
  const Utf8Repair r = repairUtf8(s);
  CHECK(r.bad_sequences == 3);
  CHECK(r.first_bad_offset == 2);
  CHECK(r.text == "Ka\uFFFDse \uFFFDok \uFFFD");
}

TEST_CASE("CodepointIndex maps eSpeak's code point positions to bytes", "[text]") {
  // The example from the eSpeak notes: code points 0, 6, 25, 32 are bytes 0, 8, 30, 37.
  const std::string s = "Größe ändert „Übermaß“ – schön. Zweiter";
  const CodepointIndex idx(s);
  CHECK(idx.byteOffset(0) == 0);
  CHECK(idx.byteOffset(6) == 8);
  CHECK(s.substr(idx.byteOffset(25), 6) == "sch\xC3\xB6n");
  CHECK(s.substr(idx.byteOffset(32)) == "Zweiter");
  CHECK(idx.byteOffset(10000) == s.size());
}

TEST_CASE("blankControlCharacters keeps offsets and newlines", "[text]") {
  std::string s = "a\x01" "80S b\tc\nd\x7F" "e\xC2\x85" "f";
  blankControlCharacters(s);
  CHECK(s == "a 80S b\tc\nd e  f");
}

TEST_CASE("trim removes ASCII space and no-break space", "[text]") {
  CHECK(trim("  \t Wort \xC2\xA0\n") == "Wort");
  CHECK(trim(" \xC2\xA0 ").empty());
  CHECK(isSpaceOnly("\r\n \xC2\xA0"));
  CHECK_FALSE(isSpaceOnly(" x "));
}

TEST_CASE("starts with a capital / a lower-case letter: Unicode letters, not only ASCII and umlauts", "[text]") {
  CHECK(startsWithCapital("Haus"));
  CHECK(startsWithCapital("\xC3\x84pfel"));   // Äpfel
  CHECK(startsWithCapital("\xC3\x89lise"));   // Élise
  CHECK_FALSE(startsWithCapital("haus"));
  CHECK_FALSE(startsWithCapital("\xC3\x9F"));  // ß is lower case
  CHECK_FALSE(startsWithCapital("1999"));
  CHECK_FALSE(startsWithCapital("\xE2\x80\x9EHaus"));  // „ first: not a letter
  CHECK_FALSE(startsWithCapital(""));
  CHECK(startsWithLowercase("haus"));
  CHECK(startsWithLowercase("\xC3\xBC" "ber"));  // über
  CHECK(startsWithLowercase("\xC3\x9F"));
  CHECK_FALSE(startsWithLowercase("Haus"));
  CHECK_FALSE(startsWithLowercase(" haus"));
  CHECK_FALSE(startsWithLowercase(""));
}

TEST_CASE("toLower lower-cases every letter of a word, ASCII or not", "[text]") {
  CHECK(toLower("Hauptstr.") == "hauptstr.");
  CHECK(toLower("\xC3\x9C" "BER Stra\xC3\x9F" "e") == "\xC3\xBC" "ber stra\xC3\x9F" "e");  // ÜBER Straße
  CHECK(toLower("\xC3\x89LISE") == "\xC3\xA9lise");
  CHECK(toLower("") == "");
}
