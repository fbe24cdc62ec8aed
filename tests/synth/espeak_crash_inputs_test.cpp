// The exact inputs that crash Debian's eSpeak NG 1.51 (../shared/notes/espeak-portaudio-ncurses.md,
// section 2) go through EspeakSynthesizer: each must come out as audio, with word events inside the
// text, instead of "*** stack smashing detected ***" or a silently changed rate.
#include <catch2/catch.hpp>

#include <string>

#include "vorlesen/synthesizer.h"

using namespace vorlesen;

namespace {

std::string repeat(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// Letters a..z each followed by `dot` (".", " . "), `count` of them.
std::string dottedLetters(const std::string& dot, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += std::string(1, static_cast<char>('a' + i % 26)) + dot;
  return out;
}

}  // namespace

TEST_CASE("eSpeak NG 1.51's dotted-letter stack overflows are sanitized away", "[synth][regressions]") {
  EspeakSynthesizer synth;
  const std::string inputs[] = {
      repeat("a.", 85),           // first crash with one letter
      repeat("\u00E4.", 57),      // first crash with an umlaut
      repeat("z.B.", 60),         // first crash with an abbreviation
      dottedLetters(" . ", 120),  // a space before each dot
      dottedLetters(".", 500),    // the bad-input table's "a.b.c.…"
      // Found while building the bad-input table: punctuation between the pieces crashes it too.
      repeat("a.,", 120), repeat("a.;", 120), repeat("a.\u2026", 120), repeat("a.\u2013", 120),
      repeat("a\u00AD.", 120), repeat("a._", 120),
  };
  for (const std::string& text : inputs) {
    INFO(text.substr(0, 24) << "… (" << text.size() << " bytes)");
    std::size_t samples = 0, words = 0;
    bool inside = true;
    synth.synthesize(text, [&](const std::int16_t*, std::size_t n, const std::vector<WordEvent>& ev) {
      samples += n;
      words += ev.size();
      for (const WordEvent& w : ev) inside = inside && w.text.end <= text.size();
      return true;
    });
    CHECK(samples > 22050);  // more than a second of speech
    CHECK(words > 10);
    CHECK(inside);
  }
}
