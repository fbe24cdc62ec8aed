// What the listener hears: the normalizer's output read by eSpeak NG's command line (espeak-ng -x),
// which the test setup installs (scripts/setup --test). Without it the test says so and checks nothing.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <memory>
#include <string>

#include "vorlesen/language_data.h"
#include "vorlesen/normalizer.h"

using namespace vorlesen;

namespace {

bool haveEspeak() { return std::system("command -v espeak-ng >/dev/null 2>&1") == 0; }

// eSpeak NG's phonemes for `text`: one line without stress marks, spaces and pauses (_| _! _:).
std::string phonemes(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(("espeak-ng -v de -q -x " + quoted).c_str(), "r"), pclose);
  REQUIRE(pipe);
  std::string out;
  std::array<char, 256> buf{};
  while (std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get())) out += buf.data();
  std::string clean;
  for (std::size_t k = 0; k < out.size(); ++k) {
    const char c = out[k];
    if (c == '_' && k + 1 < out.size() && (out[k + 1] == '|' || out[k + 1] == '!' || out[k + 1] == ':')) {
      ++k;
    } else if (c != '\'' && c != ',' && c != '\n' && c != ' ') {
      clean += c;
    }
  }
  return clean;
}

std::string spoken(const std::string& text) {
  static const Normalizer n(LanguageData::german());
  return n.normalize(text).text;
}

}  // namespace

TEST_CASE("ages and counts glued to tens keep the [ç] of -zig", "[normalize][espeak]") {
  if (!haveEspeak()) {
    WARN("espeak-ng is not installed (scripts/setup --test): pronunciation not checked");
    return;
  }
  for (const char* input : {"Der 41-jährige Mann", "die 30-jährige Frau", "dem 60-Jährigen", "Er klingelte 20-mal",
                            "ein 90-minütiges Spiel"}) {
    INFO(input << " -> " << spoken(input));
    const std::string ph = phonemes(spoken(input));
    INFO(ph);
    CHECK(ph.find("IC") != std::string::npos);  // "-zig" / "-ßig" as [ɪç] ...
    CHECK(ph.find("Igj") == std::string::npos);  // ... never [ɪg] before the word glued to it
    CHECK(ph.find("Igm") == std::string::npos);
  }
}

TEST_CASE("scores, durations and versions reach eSpeak NG as words", "[normalize][espeak]") {
  if (!haveEspeak()) {
    WARN("espeak-ng is not installed (scripts/setup --test): pronunciation not checked");
    return;
  }
  // A hyphenated score compound is read as the numbers, never as a date or a clock time.
  CHECK(phonemes(spoken("eine 0:1-Niederlage")).find("nUltsu:aIns") != std::string::npos);
  CHECK(phonemes(spoken("nach 1:55 Stunden")).find("aIn3StUnd@") != std::string::npos);
  CHECK(phonemes(spoken("Version 3.11")).find("draIpUNktElf") != std::string::npos);
}
