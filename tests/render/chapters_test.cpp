#include <catch2/catch.hpp>

#include <filesystem>
#include <utility>
#include <vector>

#include "render/structured_document.h"
#include "render/temp_files.h"
#include "vorlesen/chapters.h"

using namespace vorlesen;
using vorlesen::testing::readAll;
using vorlesen::testing::structuredDocument;
using vorlesen::testing::TempDir;

namespace {

std::vector<std::size_t> blocksOf(const std::vector<ChapterStart>& starts) {
  std::vector<std::size_t> out;
  for (const ChapterStart& s : starts) out.push_back(s.block);
  return out;
}

std::vector<std::string> titlesOf(const std::vector<AudioChapter>& chapters) {
  std::vector<std::string> out;
  for (const AudioChapter& c : chapters) out.push_back(c.title);
  return out;
}

// Feeds the collector one sentence per block (two for block 2), 1000 samples each, from sample 500 on;
// blocks in `silent` have no sentence at all (nothing to speak).
std::vector<AudioChapter> collect(const Document& doc, const std::vector<std::size_t>& silent = {}) {
  ChapterCollector collector(doc);
  std::size_t sample = 500;
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    if (std::find(silent.begin(), silent.end(), b) != silent.end()) continue;
    for (int n = 0; n < (b == 2 ? 2 : 1); ++n) {
      Sentence s;
      s.block = b;
      s.source = doc.blocks[b].span;
      SentenceTiming t;
      t.first_sample = sample;
      t.samples = 1000;
      collector.add(s, t);
      sample += 1000;
    }
  }
  return collector.finish(sample);
}

const std::vector<std::pair<BlockKind, std::string>> kWithHeadings = {
    {BlockKind::Title, "Die Reform"},        {BlockKind::Byline, "Von Martin Muster"},
    {BlockKind::Paragraph, "Der Vorspann."}, {BlockKind::Heading, "Was ändert sich?"},
    {BlockKind::Paragraph, "Viel."},         {BlockKind::ListItem, "Erstens."},
    {BlockKind::Heading, "Kritik"},          {BlockKind::Quote, "„Zu spät“, sagt sie."}};

}  // namespace

TEST_CASE("chapters: the title and the headings when there are headings", "[render]") {
  const Document doc = structuredDocument(kWithHeadings);
  const auto starts = chapterStarts(doc);
  CHECK(blocksOf(starts) == std::vector<std::size_t>{0, 3, 6});
  const auto chapters = collect(doc);
  REQUIRE(chapters.size() == 3);
  CHECK(titlesOf(chapters) == std::vector<std::string>{"Die Reform", "Was ändert sich?", "Kritik"});
  // The first chapter starts at 0 (not at its first sentence's 500); block 2 has two sentences.
  CHECK(chapters[0].start == 0);
  CHECK(chapters[0].end == 4500);
  CHECK(chapters[1].start == 4500);
  CHECK(chapters[1].end == 7500);
  CHECK(chapters[2].start == 7500);
  CHECK(chapters[2].end == 9500);
}

TEST_CASE("chapters: paragraphs, quotes and each list when there is no heading", "[render]") {
  const Document doc = structuredDocument({{BlockKind::Title, "Kurz"},
                                   {BlockKind::Byline, "Von A"},
                                   {BlockKind::Paragraph, "Eins."},
                                   {BlockKind::ListItem, "a"},
                                   {BlockKind::ListItem, "b"},
                                   {BlockKind::Quote, "Zitat."},
                                   {BlockKind::Paragraph, "Zwei."},
                                   {BlockKind::ListItem, "c"}});
  CHECK(blocksOf(chapterStarts(doc)) == std::vector<std::size_t>{0, 2, 3, 5, 6, 7});
  const auto chapters = collect(doc);
  CHECK(titlesOf(chapters) == std::vector<std::string>{"Kurz", "Eins.", "a", "Zitat.", "Zwei.", "c"});
  CHECK(chapters.front().start == 0);
  for (std::size_t i = 1; i < chapters.size(); ++i) CHECK(chapters[i].start == chapters[i - 1].end);
}

TEST_CASE("chapters: a kicker and its headline are one chapter; text before the title gets its own", "[render]") {
  const Document kicker = structuredDocument({{BlockKind::Title, "Ukraine"},
                                      {BlockKind::Title, "Neue Gespräche"},
                                      {BlockKind::Heading, "Genf"},
                                      {BlockKind::Paragraph, "Text."}});
  const auto starts = chapterStarts(kicker);
  REQUIRE(blocksOf(starts) == std::vector<std::size_t>{0, 2});
  CHECK(starts[0].title == "Ukraine: Neue Gespräche");

  const Document untitled = structuredDocument({{BlockKind::Byline, "Von A"},
                                        {BlockKind::Paragraph, "Vorspann."},
                                        {BlockKind::Heading, "Teil eins"},
                                        {BlockKind::Paragraph, "Text."}});
  const auto chapters = collect(untitled);
  CHECK(titlesOf(chapters) == std::vector<std::string>{"Von A", "Teil eins"});
  CHECK(chapters[0].start == 0);
}

TEST_CASE("chapters: a heading with nothing spoken still names the text after it", "[render]") {
  const Document doc = structuredDocument(kWithHeadings);
  // Block 3 ("Was ändert sich?") yields no sentence: its chapter starts with block 4.
  const auto chapters = collect(doc, {3});
  REQUIRE(chapters.size() == 3);
  CHECK(chapters[1].title == "Was ändert sich?");
  CHECK(chapters[1].start == 4500);
  // A document with one block is one chapter over the whole audio.
  const auto one = collect(structuredDocument({{BlockKind::Paragraph, "Nur das."}}));
  REQUIRE(one.size() == 1);
  CHECK(one[0].start == 0);
  CHECK(one[0].end == 1500);
}

TEST_CASE("chapters: more than 999 are thinned evenly, the first kept", "[render]") {
  std::vector<std::pair<BlockKind, std::string>> blocks;
  for (int i = 0; i < 2500; ++i) blocks.emplace_back(BlockKind::Paragraph, "Absatz " + std::to_string(i) + ".");
  const auto starts = chapterStarts(structuredDocument(blocks));
  REQUIRE(starts.size() == 834);  // every third of 2500
  CHECK(starts.size() <= kMaxChapters);
  CHECK(starts[0].block == 0);
  CHECK(starts[1].block == 3);
  CHECK(starts.back().block == 2499);
}

TEST_CASE("chapter titles: one line, cut at a code point with an ellipsis", "[render]") {
  CHECK(chapterTitle("  Zwei\n  Zeilen\t und\x01 mehr ", 80) == "Zwei Zeilen und mehr");
  CHECK(chapterTitle(std::string("A\0B", 3), 80) == "A B");
  // "ä" is two bytes: a cut inside it moves before it.
  CHECK(chapterTitle("Käse", 2) == "K\u2026");
  const std::string long_heading(500, 'x');
  const std::string cut = chapterTitle(long_heading, kHeadingTitleBytes);
  CHECK(cut == std::string(kHeadingTitleBytes, 'x') + "\u2026");
}

TEST_CASE("ffmetadata: ffmpeg's escapes and chapters in milliseconds", "[render]") {
  CHECK(escapeFfmetadata("a=b;c#d\\e\nf") == "a\\=b\\;c\\#d\\\\e\\\nf");
  const std::vector<AudioChapter> chapters = {{0, 11025, "Der „Titel“"}, {11025, 22051, "x = y; #1"}};
  const std::string expected =
      ";FFMETADATA1\ntitle=art\\;ikel\n"
      "\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=500\ntitle=Der „Titel“\n"
      "\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=500\nEND=1000\ntitle=x \\= y\\; \\#1\n";
  CHECK(ffmetadataText("art;ikel", chapters, 22050) == expected);
  TempDir dir;
  writeFfmetadata((dir.path / "c.ffmetadata").string(), "art;ikel", chapters, 22050);
  CHECK(readAll(dir.path / "c.ffmetadata") == expected);
  // Nothing but the file itself is left in the directory (the temporary file was renamed).
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path), std::filesystem::directory_iterator()) == 1);
}
