// Bad input never crashes or hangs, and German language data errors name the file and line.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "vorlesen/error.h"
#include "vorlesen/language_data.h"
#include "vorlesen/normalizer.h"
#include "vorlesen/text.h"

using namespace vorlesen;
namespace fs = std::filesystem;

namespace {

const Normalizer& normalizer() {
  static const Normalizer n(LanguageData::german());
  return n;
}

}  // namespace

TEST_CASE("a 10,000-digit number is read digit by digit", "[normalize][robustness]") {
  const std::string input = "Die Zahl " + std::string(10000, '3') + " ist groß.";
  const SpokenText s = normalizer().normalize(input);
  std::size_t count = 0;
  for (std::size_t at = s.text.find("drei"); at != std::string::npos; at = s.text.find("drei", at + 1)) ++count;
  CHECK(count == 10000);
  CHECK(s.text.rfind("Die Zahl drei", 0) == 0);
}

TEST_CASE("random bytes and symbol soup normalize without error", "[normalize][robustness]") {
  std::mt19937 rng(42);
  const std::string alphabet = "0123456789.,:-/ +()%&@xIVXabcZ\xC2\xB2\xE2\x82\xAC$\xC2\xA7";
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int len = static_cast<int>(rng() % 60);
    for (int k = 0; k < len; ++k) s += alphabet[rng() % alphabet.size()];
    const std::string valid = repairUtf8(s).text;
    INFO(valid);
    const SpokenText out = normalizer().normalize(valid);
    for (const AlignedPiece& p : out.pieces) CHECK(p.source.end <= valid.size());
  }
  std::string bytes(5000, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
  const std::string valid = repairUtf8(bytes).text;
  CHECK_NOTHROW(normalizer().normalize(valid));
}

TEST_CASE("dotted letter runs never reach the synthesizer", "[normalize][robustness]") {
  CHECK(normalizer().normalize("Die U.S.A. und die B.R.D.").text == "Die U S A und die B R D.");
  CHECK(normalizer().normalize("z.B. und d.h. und u.a.").text == "zum Beispiel und das heißt und unter anderem.");
}

TEST_CASE("a malformed data file is an error naming file and line", "[normalize][data]") {
  const fs::path dir = fs::temp_directory_path() / "vorlesen-normalize-data-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& entry : fs::directory_iterator(dataDirectory() + "/de")) {
    fs::copy_file(entry.path(), dir / entry.path().filename());
  }
  {
    std::ofstream units(dir / "units.tsv", std::ios::app);
    units << "km\tKilometer\tKilometer\tx\n";
  }
  const LanguageData data = LanguageData::load(dir.string());
  try {
    Normalizer n(data);
    FAIL("no error for a bad gender");
  } catch (const Error& e) {
    const std::string what = e.what();
    CHECK(what.find("units.tsv:") != std::string::npos);
    CHECK(what.find("gender") != std::string::npos);
    CHECK(e.kind() == ErrorKind::Data);
  }
  fs::remove(dir / "months.tsv");
  const LanguageData without_months = LanguageData::load(dir.string());
  CHECK_THROWS_AS(Normalizer(without_months), Error);
  fs::remove_all(dir);
}

TEST_CASE("a bad row in the news tables is an error naming file, line and problem", "[normalize][data]") {
  const fs::path dir = fs::temp_directory_path() / "vorlesen-normalize-news-data-test";
  const auto expectError = [&](const std::string& file, const std::string& row, const std::string& problem) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(dataDirectory() + "/de")) {
      fs::copy_file(entry.path(), dir / entry.path().filename());
    }
    std::size_t lines = 0;
    {
      std::ifstream in(dir / file);
      for (std::string line; std::getline(in, line);) ++lines;
    }
    std::ofstream(dir / file, std::ios::app) << row << "\n";
    const LanguageData data = LanguageData::load(dir.string());
    INFO(file << ": " << row);
    try {
      Normalizer n(data);
      FAIL("no error");
    } catch (const Error& e) {
      const std::string what = e.what();
      CHECK(what.find(file + ":" + std::to_string(lines + 1) + ":") != std::string::npos);
      CHECK(what.find(problem) != std::string::npos);
      CHECK(e.kind() == ErrorKind::Data);
    }
  };
  expectError("number_context.tsv", "Stunden\thourz", "unknown kind \"hourz\"");
  expectError("number_context.tsv", "U+ZZ\tgroup-separator", "hexadecimal code point");
  expectError("units.tsv", "mAh\tMilliamperestunde\tMilliamperestunden\tf\tglued", "unknown flag \"glued\"");
  expectError("abbreviations.tsv", "ital.\titalienisch\tadjectiv", "unknown flag \"adjectiv\"");
  expectError("nouns.tsv", "König\tm\ttitel", "unknown flag \"titel\"");
  expectError("electronic.tsv", "domain\tat", "the first field must be");
  fs::remove_all(dir);
}
