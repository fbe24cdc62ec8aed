// Segmenter: golden sentences (tests/fixtures/segment/sentences.tsv), the span invariants, hard
// wraps, bounded pieces for hostile input, and errors in the exception data.
#include <catch2/catch.hpp>

#include "read_file.h"
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "vorlesen/document.h"
#include "vorlesen/error.h"
#include "vorlesen/language_data.h"
#include "vorlesen/segmenter.h"
#include "vorlesen/text.h"

namespace fs = std::filesystem;
using vorlesen::LanguageData;
using vorlesen::Segmenter;
using vorlesen::Span;

namespace {

std::vector<std::string> sentences(const Segmenter& seg, std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : seg.split(text)) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}

// The invariants every caller relies on: spans inside `within`, in order, not overlapping,
// never empty, trimmed of white space.
void checkSpans(std::string_view text, Span within, const std::vector<Span>& spans) {
  std::size_t previous_end = within.begin;
  for (const Span& s : spans) {
    INFO("span " << s.begin << ".." << s.end);
    REQUIRE(s.begin < s.end);
    REQUIRE(s.begin >= previous_end);
    REQUIRE(s.end <= within.end);
    const std::string_view piece = text.substr(s.begin, s.size());
    REQUIRE(vorlesen::trim(piece) == piece);
    previous_end = s.end;
  }
}

const Segmenter& german() {
  static const Segmenter seg(LanguageData::german());
  return seg;
}

}  // namespace

TEST_CASE("golden German sentences", "[segment]") {
  const std::string path = VORLESEN_FIXTURES_DIR "/segment/sentences.tsv";
  const vorlesen::TsvTable golden = vorlesen::parseTsv(readFile(path), path, 2);
  REQUIRE(golden.rows.size() >= 50);
  for (const auto& row : golden.rows) {
    const std::string& paragraph = row.fields[0];
    const std::vector<std::string> expected(row.fields.begin() + 1, row.fields.end());
    INFO(path << ":" << row.line << ": " << paragraph);
    CHECK(sentences(german(), paragraph) == expected);
    checkSpans(paragraph, Span{0, paragraph.size()}, german().split(paragraph));
  }
}

TEST_CASE("spans stay inside the block they were asked for", "[segment]") {
  const std::string text = "Vorher. Dr. Müller kam am 3. Mai. Er blieb.  Nachher. Mehr.";
  const std::size_t begin = text.find("Dr.");
  const std::size_t end = text.find("  Nachher");
  const Span block{begin, end};
  const auto spans = german().split(text, block);
  checkSpans(text, block, spans);
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[0].begin, spans[0].size()) == "Dr. Müller kam am 3. Mai.");
  CHECK(text.substr(spans[1].begin, spans[1].size()) == "Er blieb.");
}

TEST_CASE("a line break inside a block is a wrap, not a sentence end", "[segment]") {
  const std::string text = "Der Minister kam\nam 3.\nMai nach Berlin. Dann\r\nsprach er.";
  CHECK(sentences(german(), text) ==
        std::vector<std::string>{"Der Minister kam\nam 3.\nMai nach Berlin.", "Dann\r\nsprach er."});
}

TEST_CASE("blocks of a document split into sentences", "[segment]") {
  const auto doc = vorlesen::documentFromText("t", "Titel\n\nEr kam. Sie ging.\nNeuer Absatz usw. Ende.\n");
  REQUIRE(doc.blocks.size() == 3);
  std::vector<std::string> all;
  for (const auto& block : doc.blocks) {
    const auto spans = german().split(doc.text, block.span);
    checkSpans(doc.text, block.span, spans);
    for (const Span& s : spans) all.emplace_back(doc.slice(s));
  }
  CHECK(all == std::vector<std::string>{"Titel", "Er kam.", "Sie ging.", "Neuer Absatz usw.", "Ende."});
}

TEST_CASE("empty and blank input gives no sentences", "[segment]") {
  CHECK(german().split("").empty());
  CHECK(german().split(" \n\t \u00A0 ").empty());
  CHECK(sentences(german(), "  .  ") == std::vector<std::string>{"."});
}

TEST_CASE("a 1 MB line without punctuation is cut into bounded pieces", "[segment]") {
  std::string text;
  while (text.size() < (1u << 20)) text += "und noch ein Wort mehr ";
  const auto start = std::chrono::steady_clock::now();
  const auto spans = german().split(text);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  checkSpans(text, Span{0, text.size()}, spans);
  REQUIRE(spans.size() >= text.size() / 1000);
  std::size_t covered = 0;
  for (const Span& s : spans) {
    CHECK(s.size() <= 1000);
    covered += s.size() + 1;  // + the space the cut dropped
  }
  CHECK(covered == text.size());
  CHECK(seconds < 2.0);
}

TEST_CASE("text without spaces is cut at code point boundaries", "[segment]") {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "\u00E4";  // two bytes each
  const auto spans = german().split(text);
  checkSpans(text, Span{0, text.size()}, spans);
  std::size_t total = 0;
  for (const Span& s : spans) {
    CHECK(s.size() <= 1000);
    CHECK(s.size() % 2 == 0);  // whole "ä"s only
    total += s.size();
  }
  CHECK(total == text.size());
}

TEST_CASE("a long list is cut after a comma rather than inside a phrase", "[segment]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "Äpfel und Birnen, ";
  text += "Ende.";
  const auto pieces = sentences(german(), text);
  REQUIRE(pieces.size() > 1);
  CHECK(pieces.front().back() == ',');
}

TEST_CASE("hostile input stays bounded in time and size", "[segment]") {
  SECTION("500 dotted letters") {
    std::string text;
    for (int i = 0; i < 500; ++i) text += static_cast<char>('a' + i % 26), text += '.';
    text += " Das ist alles.";
    const auto spans = german().split(text);
    checkSpans(text, Span{0, text.size()}, spans);
    CHECK(text.substr(spans.back().begin) == "Das ist alles.");
  }
  SECTION("100,000 abbreviations in a row") {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += i % 2 ? "z. B. " : "Dr. ";
    const auto start = std::chrono::steady_clock::now();
    const auto spans = german().split(text);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    checkSpans(text, Span{0, text.size()}, spans);
    for (const Span& s : spans) CHECK(s.size() <= 1000);
    CHECK(seconds < 2.0);
  }
  SECTION("a 10,000-digit number ending a sentence") {
    std::string text = "Die Zahl ist ";
    for (int i = 0; i < 10000; ++i) text += static_cast<char>('0' + i % 10);
    text += ". Das ist viel.";
    const auto spans = german().split(text);
    checkSpans(text, Span{0, text.size()}, spans);
    REQUIRE(spans.size() >= 10);
    for (const Span& s : spans) CHECK(s.size() <= 1000);
    CHECK(text.substr(spans.back().begin) == "Das ist viel.");
  }
  SECTION("100,000 ordinals and initials") {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += i % 3 ? "3. " : "A. ";
    const auto spans = german().split(text);
    checkSpans(text, Span{0, text.size()}, spans);
    for (const Span& s : spans) CHECK(s.size() <= 1000);
  }
}

namespace {

// A language folder with the shipped abbreviations and the given segment_exceptions.tsv.
struct TempLanguage {
  explicit TempLanguage(const std::string& exceptions) {
    dir = fs::temp_directory_path() / ("vorlesen-segment-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    if (!exceptions.empty()) std::ofstream(dir / "segment_exceptions.tsv") << exceptions;
  }
  ~TempLanguage() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  TempLanguage(const TempLanguage&) = delete;
  TempLanguage& operator=(const TempLanguage&) = delete;
  fs::path dir;
};

std::string constructionError(const std::string& exceptions) {
  TempLanguage lang(exceptions);
  const LanguageData data = LanguageData::load(lang.dir.string());
  try {
    Segmenter seg(data);
  } catch (const vorlesen::Error& e) {
    CHECK(e.kind() == vorlesen::ErrorKind::Data);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("broken exception data is reported with file and line", "[segment]") {
  CHECK_THAT(constructionError("# c\nDr.\tabbreviation\nXY.\tnonsense\n"),
             Catch::Contains("segment_exceptions.tsv:3: unknown kind \"nonsense\""));
  CHECK_THAT(constructionError("Dr.\n"), Catch::Contains("segment_exceptions.tsv:1: expected word<TAB>kind"));
  CHECK_THAT(constructionError("Doktor\tabbreviation\n"), Catch::Contains("must end in \".\""));
  CHECK_THAT(constructionError(""), Catch::Contains("segment_exceptions.tsv: language data file missing"));
  CHECK_THAT(constructionError("a. b. c. d. e.\tabbreviation\n"),
             Catch::Contains("segment_exceptions.tsv:1: abbreviation \"a. b. c. d. e.\" has more than 4 parts"));
  CHECK_THAT(constructionError("Mai\tmonth\nJuni\n"), Catch::Contains("segment_exceptions.tsv:2: expected word<TAB>kind"));
}

TEST_CASE("the exception data decides, not the code", "[segment]") {
  TempLanguage lang("Xyz.\tabbreviation\nFoo\tmonth\n");
  const Segmenter seg(LanguageData::load(lang.dir.string()));
  CHECK(sentences(seg, "Es kam Xyz. Meier dazu.") == std::vector<std::string>{"Es kam Xyz. Meier dazu."});
  CHECK(sentences(seg, "Am 3. Foo ist Ruhe.") == std::vector<std::string>{"Am 3. Foo ist Ruhe."});
  // Without "Dr." in these lists ICU's own rule ends the sentence after it.
  CHECK(sentences(seg, "Es kam Dr. Meier.") == std::vector<std::string>{"Es kam Dr.", "Meier."});
}

TEST_CASE("the normalizer's \"end\" flag lets an abbreviation close a sentence", "[segment]") {
  TempLanguage lang("Die\tstarter\n");
  std::ofstream(lang.dir / "abbreviations.tsv") << "Abk.\tAbkürzung\nSchl.\tSchluss\tend\n";
  const Segmenter seg(LanguageData::load(lang.dir.string()));
  CHECK(sentences(seg, "Es folgt Abk. Die Zeit.") == std::vector<std::string>{"Es folgt Abk. Die Zeit."});
  CHECK(sentences(seg, "Es folgt Schl. Die Zeit.") == std::vector<std::string>{"Es folgt Schl.", "Die Zeit."});
  // May-end forms end a sentence only before a sentence starter.
  CHECK(sentences(seg, "Es folgt Schl. Meier kam.") == std::vector<std::string>{"Es folgt Schl. Meier kam."});
}

#ifdef VORLESEN_SHARED_DIR
TEST_CASE("the Handelsblatt article splits where a reader would", "[segment][shared]") {
  const auto doc = vorlesen::loadDocument(VORLESEN_SHARED_DIR "/articles/handelsblatt-deepseek.txt");
  std::vector<std::string> all;
  for (const auto& block : doc.blocks) {
    const auto spans = german().split(doc.text, block.span);
    checkSpans(doc.text, block.span, spans);
    for (const Span& s : spans) all.emplace_back(doc.slice(s));
  }
  auto has = [&](const std::string& s) { return std::find(all.begin(), all.end(), s) != all.end(); };
  // Splits.
  CHECK(has("Deepseek ist zweifellos ein technologischer Erfolg für die Volksrepublik."));
  CHECK(has("Shanghai."));
  CHECK(has("Für China kommt der Hype um Deepseek zur rechten Zeit."));
  // Non-splits: an abbreviation in brackets, a quotation closed inside the sentence, numbered
  // breadcrumbs, a date.
  CHECK(has("Liang Wenfeng:\u00A0Der Deepseek-Chef (re.) wird von der chinesischen Staatsführung hofiert."));
  CHECK(has("„Wir hoffen, dass Deepseek-Modelle in Zukunft noch mehr Nutzern und Unternehmen helfen und "
            "generell die Entwicklung von KI-Modellen unterstützen werden.“"));
  CHECK(has("1. Startseite"));
  CHECK(has("2. Politik"));
  for (const auto& s : all) CHECK((s.find("08.02.") == std::string::npos || s.find("08.02.2025") != std::string::npos));
  CHECK(all.size() > 60);
}
#endif

TEST_CASE("random mixes of tricky pieces keep the span invariants", "[segment]") {
  // Pieces that exercise every rule, glued at random: the spans must stay valid and every byte
  // outside them must be white space.
  const std::vector<std::string> pieces = {
      "Dr.", "z.", "B.", "usw.", "u. a.", "3.", "1999.", "Mai", "Die", "er", "„", "“", "»", "«", "?", "!",
      "XIV.", "F.", "…", "...", ".", " ", "  ", "\n", "\u00A0", "\u202F", "Hauptstr.", "08.02.", "2025",
      "Peking.Martin", "ä", "\xEF\xBF\xBD", "(re.)", ",", "Chr.", "Jan.", "etc."};
  std::uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const std::size_t n = next() % 60;
    for (std::size_t i = 0; i < n; ++i) {
      text += pieces[next() % pieces.size()];
      if (next() % 3) text += ' ';
    }
    INFO("text: " << text);
    const auto spans = german().split(text);
    checkSpans(text, Span{0, text.size()}, spans);
    std::vector<bool> inside(text.size(), false);
    for (const Span& s : spans) std::fill(inside.begin() + s.begin, inside.begin() + s.end, true);
    std::size_t lost = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (inside[i] || text[i] == ' ' || text[i] == '\n') continue;
      if (text.compare(i, 2, "\u00A0") == 0) {
        ++i;
        continue;
      }
      ++lost;
    }
    CHECK(lost == 0);
  }
}
