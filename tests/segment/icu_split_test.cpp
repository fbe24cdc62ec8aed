#include <catch2/catch.hpp>

#include "vorlesen/language_data.h"
#include "vorlesen/segmenter.h"

using namespace vorlesen;

namespace {
std::vector<std::string> sentences(std::string_view text) {
  const Segmenter seg(LanguageData::german());
  std::vector<std::string> out;
  for (const Span& s : seg.split(text)) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}
}  // namespace

TEST_CASE("German paragraphs split into sentences", "[segment]") {
  CHECK(sentences("Die Bahn kommt. Sie ist pünktlich! Wirklich? Ja.") ==
        std::vector<std::string>{"Die Bahn kommt.", "Sie ist pünktlich!", "Wirklich?", "Ja."});
  CHECK(sentences("Dr. Maria Muster sprach lange. Danach gab es Fragen.") ==
        std::vector<std::string>{"Dr. Maria Muster sprach lange.", "Danach gab es Fragen."});
  CHECK(sentences("Es gibt viel, z. B. Brot. Und Käse.") ==
        std::vector<std::string>{"Es gibt viel, z. B. Brot.", "Und Käse."});
}

TEST_CASE("sentence spans stay inside the block and are trimmed", "[segment]") {
  const std::string text = "xx  Erster Satz.  Zweiter Satz.  yy";
  const Segmenter seg(LanguageData::german());
  const auto spans = seg.split(text, Span{2, 33});
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[0].begin, spans[0].size()) == "Erster Satz.");
  CHECK(text.substr(spans[1].begin, spans[1].size()) == "Zweiter Satz.");
  CHECK(spans[1].end <= 33);
}

TEST_CASE("text without any sentence end is cut into bounded pieces", "[segment]") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "wort ";
  const Segmenter seg(LanguageData::german());
  const auto spans = seg.split(text);
  REQUIRE(spans.size() > 50);
  std::size_t covered = 0;
  for (const Span& s : spans) {
    CHECK(s.size() <= 1000);
    covered += s.size();
  }
  CHECK(covered >= text.size() - 2 * spans.size());
}
