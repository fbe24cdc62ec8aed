#include <catch2/catch.hpp>

#include "read_file.h"
#include "pronounce/spoken_words.h"

#include <fstream>
#include <sstream>

#include "vorlesen/error.h"
#include "vorlesen/language_data.h"
#include "vorlesen/pronouncer.h"

using namespace vorlesen;

namespace {

// One piece per space-separated word, source = the same bytes (what the foundation normalizer does).
SpokenText identity(const std::string& text) { return spokenWords(text); }

std::string runsOf(const Pronounced& p) {
  std::string out;
  for (const VoiceRun& r : p.runs) {
    if (r.rewriter) continue;  // stretches the phoneme rules may respell: tested in phoneme_rules_test
    if (!out.empty()) out += " | ";
    out += p.spoken.text.substr(r.text.begin, r.text.size());
    if (!r.language.empty()) out += "@" + r.language;
  }
  return out;
}

}  // namespace

TEST_CASE("acronyms, foreign words and lexicon entries read as the golden file says", "[pronounce]") {
  const Pronouncer pronouncer(LanguageData::german());
  const std::string path = VORLESEN_FIXTURES_DIR "/pronounce/readings.tsv";
  const TsvTable golden = parseTsv(readFile(path), path, 2);
  REQUIRE(golden.rows.size() >= 10);
  for (const TsvRow& row : golden.rows) {
    INFO(path << ":" << row.line << ": " << row.fields[0]);
    const Pronounced p = pronouncer.pronounce(identity(row.fields[0]));
    CHECK(p.spoken.text == row.fields[1]);
    CHECK(runsOf(p) == (row.fields.size() > 2 ? row.fields[2] : ""));
  }
}

TEST_CASE("the alignment still points at the original word after a replacement", "[pronounce]") {
  const Pronouncer pronouncer(LanguageData::german());
  // Normalizer output whose pieces point into a longer source: "am 8. Mai" -> "am achten Mai KI".
  SpokenText in;
  in.text = "am achten Mai KI";
  in.pieces = {{Span{0, 2}, Span{100, 102}}, {Span{3, 9}, Span{103, 105}}, {Span{10, 13}, Span{106, 109}},
               {Span{14, 16}, Span{110, 112}}};
  const Pronounced p = pronouncer.pronounce(in);
  REQUIRE(p.spoken.text == "am achten Mai K-I");
  CHECK(p.spoken.sourceOf(14, 17) == Span{110, 112});  // "K-I" -> "KI"
  CHECK(p.spoken.sourceOf(16, 17) == Span{110, 112});  // the "I" alone still highlights "KI"
  CHECK(p.spoken.sourceOf(3, 9) == Span{103, 105});    // untouched words keep their pieces
  REQUIRE(p.decisions.size() == 1);
  CHECK(describe(p.decisions[0]) == "acronym\tKI\tK-I");
  CHECK(p.decisions[0].because == "acronyms.tsv:8");
}

TEST_CASE("a later lexicon wins, and the case rule of the format holds", "[pronounce]") {
  Lexicon user = Lexicon::parse("deepseek\tDiepsiek\nUS\tJu-Es\n", "user.tsv");
  REQUIRE(user.warnings.empty());
  const Pronouncer pronouncer(LanguageData::german(), {std::move(user)});
  // All-lowercase entry: any capitalization; it also beats the foreign-word list.
  CHECK(pronouncer.pronounce(identity("Deepseek und DEEPSEEK")).spoken.text == "Diepsiek und Diepsiek");
  // Entry with capitals: only that spelling ("us" stays a German word).
  CHECK(pronouncer.pronounce(identity("US und us")).spoken.text == "Ju-Es und us");
  const Pronounced p = pronouncer.pronounce(identity("Deepseek"));
  REQUIRE(p.decisions.size() == 1);
  CHECK(describe(p.decisions[0]) == "lexicon\tDeepseek\tDiepsiek");
  CHECK(p.decisions[0].because == "user.tsv:1");
  const Pronounced hype = Pronouncer(LanguageData::german()).pronounce(identity("Der Hype."));
  REQUIRE(hype.decisions.size() == 1);
  CHECK(describe(hype.decisions[0]) == "foreign\tHype\tHype [en]");
  CHECK(p.runs.empty());
  Lexicon second = Lexicon::parse("Deepseek\tDiep-Sieck\n", "second.tsv");
  const Pronouncer both(LanguageData::german(), {Lexicon::parse("deepseek\tDiepsiek\n", "first.tsv"), std::move(second)});
  CHECK(both.pronounce(identity("Deepseek")).spoken.text == "Diep-Sieck");
}

TEST_CASE("bad lexicon lines are reported with file and line and skipped", "[pronounce]") {
  const Lexicon lex = Lexicon::parse(
      "# comment\n"
      "gut\tprima\n"
      "nurwort\n"
      "zwei worte\tx\n"
      "kaputt\t[[abc\n"
      "spitz\t<b>\n"
      "sprache\tx\tno such\n"
      "\tleer\n"
      "engl\tdon's\ten\n"
      "umlaut\t[[ü:]]\n",
      "my.tsv");
  REQUIRE(lex.entries.size() == 1);
  CHECK(lex.entries[0].word == "gut");
  REQUIRE(lex.warnings.size() == 8);
  CHECK(lex.warnings[0] == "my.tsv:3: expected WORD<TAB>READING, found no TAB (line skipped)");
  CHECK(lex.warnings[1].rfind("my.tsv:4: word 'zwei worte' contains a space", 0) == 0);
  CHECK(lex.warnings[2] == "my.tsv:5: phonemes must be written [[...]] (line skipped)");
  CHECK(lex.warnings[3].rfind("my.tsv:6: reading '<b>'", 0) == 0);
  CHECK(lex.warnings[4].rfind("my.tsv:7: language 'no such'", 0) == 0);
  CHECK(lex.warnings[5] == "my.tsv:8: empty word (line skipped)");
  CHECK(lex.warnings[6].rfind("my.tsv:9: a reading for another language must not contain an apostrophe", 0) == 0);
  CHECK(lex.warnings[7] == "my.tsv:10: phonemes are ASCII eSpeak NG mnemonics without spaces (line skipped)");
  CHECK_THROWS_WITH(Lexicon::load("/nonexistent/lex.tsv"), Catch::Contains("/nonexistent/lex.tsv: cannot open lexicon"));
}
