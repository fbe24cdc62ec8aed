#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "pronounce/compounds.h"
#include "pronounce/phoneme_rules.h"
#include "read_file.h"
#include "render/temp_files.h"
#include "vorlesen/error.h"
#include "vorlesen/language_data.h"
#include "vorlesen/pronouncer.h"

using namespace vorlesen;
using namespace vorlesen::pronounce;

namespace {

// eSpeak NG 1.51's own phonemes (espeak_TextToPhonemes, '|' between them) for the words these tests
// use, so the rules are tested without starting eSpeak; tests/synth checks them against eSpeak.
const std::map<std::string, std::string, std::less<>> kEspeak = {
    {"sagte", "z|'A:|g|t|@"},
    {"sagten", "z|'A:|g|t|@|n"},
    {"gesagt", "g|@|z|'A:|k|t"},
    {"Flughafen", "f|l|'u:|g|h|A:|f|@|n"},
    {"Maßnahmen", "m|'a|s|n|A:|m|@|n"},
    {"Zukunft", "ts|u:|k|'U|n|f|t"},
    {"zugleich", "ts|'u:|g|l|aI|C"},
    {"Nachrichten", "n|'a|x|r|I|C|t|@|n"},
    {"Nachrichtensprecher", "n|'a|x|r|I|C|t|,E2|n|S|p|r|E|C|3"},
    {"sprecher", "S|p|r|'E|C|3"},
    {"Hauptstadt", "h|'aU|p|t|s|t|a|t"},
    {"Haupt", "h|'aU|p|t"},
    {"stadt", "S|t|'a|t"},
    {"Medien", "m|'e:|d|I|;|@|n"},
    {"Kritik", "k|r|'i:|t|i:|k"},
    {"Stabilität", "S|t|a|b|'i:|l|i:|t|'E:|t"},
    {"Nachrichtenagentur", "n|,a|x|r|I|C|t|,E2|n|a|g|@|n|t|'u:|r"},
    {"agentur", "_!|,A|g|@|n|t|'u:|r"},
    {"Haus", "h|'aU|s"},
    // the stress tests: whole words and compound parts
    {"Jurist", "j|'u:|r|I|s|t"},
    {"jurist", "j|'u:|r|I|s|t"},
    {"Signal", "z|'I|g|n|A:|l"},
    {"Schicksal", "S|'I|k|z|A:|l"},
    {"Parteijurist", "p|a|r|t|'aI|j|u:|r|I|s|t"},
    {"Partei", "p|a|r|t|'aI"},
    {"Himmelbett", "h|,I|m|@|l|b|'E|t"},
    {"Himmel", "h|'I|m|@|l"},
    {"bett", "b|'E|t"},
    {"Kilometer", "k|,i:|l|o:|m|'e:|t|3"},
    {"Kilo", "k|'i:|l|o:"},
    {"meter", "m|'e:|t|3"},
    {"Kapitel", "k|'A|p|i:|t|@|l"},
    {"Kapitän", "k|'A|p|i:|t|,E:|n"},
    {"Monate", "m|'o:|n|a|t|@"},
    {"Domina", "d|'o:|m|i:|n|,A:"},
    {"Nationalität", "n|a|ts|j|,o:|n|'A:|l|i:|t|'E:|t"},
    {"regnen", "r|'E|g|n|@|n"},
    {"Begräbnis", "b|@|g|r|'E|b|n|I|s"},
    {"weglaufen", "v|'E|g|l|aU|f|@|n"},
    {"barmherzig", "b|'a|r|m|h|3|ts|,I|C"},
    {"Determinante", "d|,e:|t|3|m|i:|n|'a|n|t|@"},
    {"übertragen", "_||,y:|b|3|t|r|'A:|g|@|n"},
    {"Rakete", "r|'A|k|@|t|@"},
    {"Chinese", "C|'i:|n|@|s|@"},
    {"Schädling", "S|'E|d|l|I|N"},
    {"Erbgut", "_||E|r|b|g|'u:|t"},
    {"Oberin", "_||'o:|b|3|_||I|n"},
    {"denken", "d|'E|N|k|@|n"},
    {"Fürsorge", "f|'y|r|z|O|r|g|@"},
    {"fürchten", "f|'y|r|C|t|@|n"},
    {"Unterlage", "_||,U|n|t|3|l|'A:|g|@"},
    {"Untersuchung", "_||,U|n|t|3|z|'u:|x|U|N"},
    {"missachten", "m|'I|s|a|x|t|@|n"},
    {"Missbildung", "m|'I|s|b|I|l|d|,U|N"},
    {"Biologe", "b|,I|;|o:|l|'o:|g|@"},
    {"Historiker", "h|'I|s|t|o:|R|,I|k|3"},
};

std::string espeak(std::string_view word) {
  const auto it = kEspeak.find(word);
  return it == kEspeak.end() ? std::string() : it->second;
}

std::string rewritten(const PhonemeRules& rules, std::string_view word) {
  return rules.apply(word, espeak(word)).phonemes;
}

}  // namespace

TEST_CASE("eSpeak's phonemes and the rules' notation convert both ways", "[pronounce][rules]") {
  CHECK(toRuleNotation("z|'A:|g|t|@") == " z 'A: g t @ ");
  CHECK(toRuleNotation("_||E|r|v|'a|x") == " _| E r v 'a x ");  // "_|" is one phoneme
  CHECK(toEspeakNotation(" _| E r  v 'a x ") == "_||E|r|v|'a|x");
  CHECK(toEspeakNotation(toRuleNotation("k|r|,i:|t|'i:|k")) == "k|r|,i:|t|'i:|k");
}

TEST_CASE("the built-in rules fix what eSpeak NG gets wrong by rule, inflected forms included",
          "[pronounce][rules]") {
  const TsvTable& table = LanguageData::german().table("phoneme_rules");
  const PhonemeRules rules(table);
  CHECK(rewritten(rules, "sagte") == "z|'A:|k|t|@");      // final devoicing before a consonant
  CHECK(rewritten(rules, "sagten") == "z|'A:|k|t|@|n");
  CHECK(rewritten(rules, "gesagt").empty());              // eSpeak already right: left alone
  CHECK(rewritten(rules, "Flughafen") == "f|l|'u:|k|h|A:|f|@|n");
  CHECK(rewritten(rules, "Maßnahmen") == "m|'A:|s|n|A:|m|@|n");  // long vowel before ß
  CHECK(rewritten(rules, "Nachrichten") == "n|'A:|x|r|I|C|t|@|n");  // nach- is long
  CHECK(rewritten(rules, "Zukunft") == "ts|'u:|k|,U|n|f|t");  // zu- nouns stressed on zu
  CHECK(rewritten(rules, "zugleich") == "ts|u:|g|l|'aI|C");   // the adverb on its root
  CHECK(rewritten(rules, "Medien") == "m|'e:|d|j|@|n");       // -ien with the glide
  CHECK(rewritten(rules, "Kritik") == "k|r|i:|t|'i:|k");      // a stress exception
  CHECK(rewritten(rules, "Stabilität") == "S|t|a|b|,i:|l|i:|t|'E:|t");  // one primary stress
  CHECK(rewritten(rules, "Unterlage") == "_||'U|n|t|3|l|A:|g|@");   // an unter- noun on unter
  CHECK(rewritten(rules, "Untersuchung").empty());                  // ... not one of a verb
  CHECK(rewritten(rules, "missachten") == "m|I|s|'a|x|t|@|n");      // a miss- verb on its root
  CHECK(rewritten(rules, "Missbildung").empty());                   // a miss- noun on miss
  CHECK(rewritten(rules, "Domina") == "d|'o:|m|i:|n|a");          // an unstressed final a is short
  CHECK(rewritten(rules, "Nationalität") == "n|a|ts|j|,o:|n|a|l|i:|t|'E:|t");  // ... and before -ität
  // the a of a later part (as eSpeak marks it: secondary) in an open syllable is long (Tannen|nadel),
  // not when a full vowel comes between it and the primary stress (drei|monatig)
  CHECK(rules.apply("Xqtannennadel", "t|'a|n|@|n|,A|d|@|l").phonemes == "t|'a|n|@|n|,A:|d|@|l");
  CHECK(rules.apply("Xqdreimonatig", "d|r|'aI|m|o:|n|,A|t|I|C").phonemes.empty());
  CHECK(rewritten(rules, "regnen") == "r|'e:|g|n|@|n");           // e before g and n is long
  CHECK(rewritten(rules, "Begräbnis") == "b|@|g|r|'E:|p|n|I|s");  // ... ä too (and -nis devoiced)
  CHECK(rewritten(rules, "weglaufen").empty());                    // ... not in weg-
  CHECK(rewritten(rules, "barmherzig") == "b|'a|r|m|h|E|r|ts|,I|C");  // er of herz is [ɛʁ]
  CHECK(rewritten(rules, "Determinante") == "d|,e:|t|E|r|m|i:|n|'a|n|t|@");  // ... before a loanword's stress
  CHECK(rewritten(rules, "übertragen").empty());                       // ... not in über-
  CHECK(rewritten(rules, "Schädling") == "S|'E:|t|l|I|N");         // d before -ling is final
  CHECK(rewritten(rules, "Erbgut") == "_||'E|r|p|g|u:|t");         // Erb- nouns on Erb
  CHECK(rewritten(rules, "Oberin") == "_||'o:|b|@|R|I|n");         // -in after -er: [əʁ]
  CHECK(rules.apply("Xqrosenkrieg", "r|'o:|z|@|N|k|r|,i:|k").phonemes == "r|'o:|z|@|n|k|r|,i:|k");  // n|k at a seam
  CHECK(rewritten(rules, "denken").empty());                        // ... [ŋk] after a short vowel
  CHECK(rewritten(rules, "Fürsorge") == "f|'y:|r|z|O|r|g|@");       // für- is long
  CHECK(rewritten(rules, "fürchten").empty());                      // ... fürchten is not
  CHECK(rewritten(rules, "Haus").empty());
  const RuleResult r = rules.apply("sagte", espeak("sagte"));
  REQUIRE(r.because.size() == 1);
  CHECK(r.because[0].rfind("phoneme_rules.tsv:", 0) == 0);
}

TEST_CASE("rule, class and stress rows do what the format says", "[pronounce][rules]") {
  const PhonemeRules rules(parseTsv("class\tstop\tb d g\nclass\tvowel\ta e: 'A: @\n"
                                    "rule\t\t {stop}(?= t )\t X\n"
                                    "rule\t^Ab\t'a\t'e:\n"
                                    "stress\t^xy$\t-1\n",
                                    "mine.tsv"));
  CHECK(rules.size() == 3);
  CHECK(rules.apply("abt", "'a|b|t").phonemes == "'a|X|t");
  CHECK(rules.apply("Abt", "'a|b|t").phonemes == "'e:|X|t");  // the spelling condition is case-sensitive
  CHECK(rules.apply("xy", "'a|@|e:").phonemes == "a|@|'e:");
  CHECK(rules.apply("abt", "").phonemes.empty());
}

TEST_CASE("a class matches each of its names, one character or longer, and nothing else", "[pronounce][rules]") {
  // One-character names become one bracket set: characters that mean something in a set must not.
  const PhonemeRules rules(parseTsv("class\todd\t- ] ^ \\ @ 3 a: ts b\n"
                                    "rule\t\t {odd} \t X \n",
                                    "mine.tsv"));
  for (const char* name : {"-", "]", "^", "\\", "@", "3", "a:", "ts", "b"}) {
    INFO(name);
    CHECK(rules.apply("w", std::string("k|") + name + "|k").phonemes == "k|X|k");
  }
  for (const char* other : {"a", "t", "c", "[", "d", "3:"}) {
    INFO(other);
    CHECK(rules.apply("w", std::string("k|") + other + "|k").phonemes.empty());
  }
}

TEST_CASE("a row's spelling and phoneme conditions give the same result in either order", "[pronounce][rules]") {
  // The rules time both conditions for the first words and then test the cheaper first: the words
  // before and long after that decision must be rewritten alike, in every combination of conditions.
  const PhonemeRules rules(parseTsv("rule\t(?i)^(?!.*q).*b.*$\t b(?= t )\t p\n"  // costly spelling
                                    "rule\tk\t (?:x|y|z|k)(?= ,?u )\t K\n",        // costly phonemes
                                    "mine.tsv"));
  for (int round = 0; round < 40; ++round) {
    INFO("round " << round);
    CHECK(rules.apply("abt", "'a|b|t").phonemes == "'a|p|t");      // both conditions hold
    CHECK(rules.apply("aqbt", "'a|b|t").phonemes.empty());          // only the phonemes
    CHECK(rules.apply("ab", "'a|b").phonemes.empty());              // only the spelling
    CHECK(rules.apply("kuh", "k|,u|h").phonemes == "K|,u|h");
    CHECK(rules.apply("Kuh", "k|,u|h").phonemes.empty());           // case-sensitive spelling
    CHECK(rules.apply("kah", "k|,a|h").phonemes.empty());
  }
}

TEST_CASE("a word list file is searched in place, sorted or not, with CRLF line ends", "[pronounce][rules]") {
  const std::string sorted = VORLESEN_FIXTURES_DIR "/pronounce/words_compound_stress.txt";
  std::optional<WordList> file = WordList::open(sorted);
  REQUIRE(file);
  const CompoundSplitter mapped(std::move(*file), CompoundOptions{});
  const CompoundSplitter read(WordList(readFile(sorted)), CompoundOptions{});
  for (const char* word : {"Himmelbett", "Parteijurist", "Kilometer", "Haus", "Unterlage"}) {
    CHECK(mapped.split(word) == read.split(word));
  }
  std::optional<WordList> unsorted_file = WordList::open(VORLESEN_FIXTURES_DIR "/pronounce/words_unsorted.txt");
  REQUIRE(unsorted_file);
  const CompoundSplitter unsorted(std::move(*unsorted_file), CompoundOptions{4, 0, {"lage"}, {"ver"}, {}, {}, {}});
  CHECK(unsorted.split("Hauptstadt") == std::vector<std::string_view>{"Haupt", "stadt"});
  const CompoundSplitter crlf(WordList("Bett\r\nHimmel\r\nbett\r\n"), CompoundOptions{});
  CHECK(crlf.split("Himmelbett") == std::vector<std::string_view>{"Himmel", "bett"});
  CHECK_FALSE(WordList::open("/nonexistent/words"));
}

TEST_CASE("a bad row of the rule table names its file and line", "[pronounce][rules]") {
  CHECK_THROWS_WITH(PhonemeRules(parseTsv("rule\t\t(\tx\n", "r.tsv")), Catch::Contains("r.tsv:1: bad regular expression"));
  CHECK_THROWS_WITH(PhonemeRules(parseTsv("\n\nrule\t\t {nope}\tx\n", "r.tsv")), Catch::Contains("r.tsv:3: unknown phoneme class {nope}"));
  CHECK_THROWS_WITH(PhonemeRules(parseTsv("rule\tonly two\n", "r.tsv")), Catch::Contains("r.tsv:1: expected class"));
  CHECK_THROWS_WITH(PhonemeRules(parseTsv("stress\t^a$\tfirst\n", "r.tsv")), Catch::Contains("r.tsv:1: expected"));
  CHECK_THROWS_WITH(PhonemeRules(parseTsv("stress\t^a$\t1\n", "r.tsv")), Catch::Contains("stress rules need a class named vowel"));
  const PhonemeRules missing(parseTsv("compound\twords\t/nonexistent/words\n", "r.tsv"));
  REQUIRE(missing.warnings().size() == 1);
  CHECK(missing.warnings()[0].rfind("r.tsv:1: no word list /nonexistent/words", 0) == 0);
}

TEST_CASE("compounds split on a word list, fewest parts and the longest last part first", "[pronounce][rules]") {
  const CompoundSplitter split(WordList(readFile(VORLESEN_FIXTURES_DIR "/pronounce/words_unsorted.txt")), CompoundOptions{4, 0, {"lage"}, {"ver"}, {}, {}, {}});
  using Parts = std::vector<std::string_view>;
  CHECK(split.split("Hauptstadt") == Parts{"Haupt", "stadt"});         // an unsorted list is sorted first
  CHECK(split.split("Nachrichtensprecher") == Parts{"Nachrichten", "sprecher"});
  CHECK(split.split("Grundlage").empty());                              // "lage" is not a part
  CHECK(split.split("Verbrechen").empty());                             // "verb" is "ver" + b
  CHECK(split.split("Haupt").empty());                                  // a word is not its own split
  CHECK(composeParts({" h 'aU p t ", " _! S t 'a t "}) == " h 'aU p t _| S t ,a t ");
  CHECK(differBeyondStress(" h 'aU p t s t a t ", " h 'aU p t S t ,a t "));
  CHECK_FALSE(differBeyondStress(" a 'b ", " _! ,a b "));
}

TEST_CASE("a word list is searched in place, mapped from a sorted file", "[pronounce][rules]") {
  // Every word of a list is found, and nothing between them, whatever its line ends.
  const std::vector<std::string> words{"Abend", "Abenteuer", "Haupt", "Stadt", "abends", "stadt", "Ähre", "über"};
  const auto check = [&](const WordList& list) {
    for (const std::string& w : words) CHECK(list.contains(w));
    for (const char* w : {"", "A", "Abe", "Abendx", "Hauptstadt", "Zebra", "aaa", "zzz", "ü", "übers", "\xff"}) {
      CHECK_FALSE(list.contains(w));
    }
  };
  std::string lf;
  std::string crlf;
  for (const std::string& w : words) {
    lf += w + "\n";
    crlf += w + "\r\n";
  }
  check(WordList(lf));
  check(WordList(crlf));
  check(WordList(lf.substr(0, lf.size() - 1)));             // no newline at the end
  check(WordList("über\nHaupt\nabends\nAbend\nÄhre\nStadt\nAbenteuer\nstadt\n"));  // sorted here
  CHECK_FALSE(WordList("").contains("a"));
  vorlesen::testing::TempDir dir;
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir.path / name, std::ios::binary) << text;
    return (dir.path / name).string();
  };
  check(*WordList::open(write("sorted.txt", lf)));             // mapped
  check(*WordList::open(write("crlf.txt", crlf)));
  check(*WordList::open(write("unsorted.txt", "stadt\nHaupt\nAbend\nüber\nÄhre\nAbenteuer\nStadt\nabends\n")));
  CHECK_FALSE(WordList::open(write("empty.txt", ""))->contains("Abend"));
  CHECK_FALSE(WordList::open((dir.path / "missing.txt").string()));
  // A mapped list outlives the object it was moved from.
  std::optional<WordList> opened = WordList::open(write("moved.txt", lf));
  const CompoundSplitter split(std::move(*opened), CompoundOptions{});
  opened.reset();
  CHECK(split.split("Hauptstadt") == std::vector<std::string_view>{"Haupt", "stadt"});
}

TEST_CASE("a word list finds exactly its words: every short string over a small alphabet", "[pronounce][rules]") {
  // All strings of up to three symbols over {a, b, ä, CR} (a CR only inside a word: a line's last CR
  // belongs to its CR LF end) are the list; every string of up to four symbols over {a, b, ä, c, CR}
  // is looked up, the list in LF, CR LF and without a last newline, against std::set.
  const std::vector<std::string> symbols{"a", "b", "\xc3\xa4", "c", "\r"};
  std::vector<std::string> strings{""};
  std::set<std::string> listed;
  for (std::size_t length = 1, from = 0; length <= 4; ++length) {
    const std::size_t to = strings.size();
    for (std::size_t k = from; k < to; ++k) {
      for (const std::string& sym : symbols) {
        const std::string w = strings[k] + sym;
        strings.push_back(w);
        if (length <= 3 && w.find('c') == std::string::npos && w.back() != '\r') listed.insert(w);
      }
    }
    from = to;
  }
  std::string lf;
  std::string crlf;
  for (const std::string& w : listed) {
    lf += w + "\n";
    crlf += w + "\r\n";
  }
  for (const std::string& text : {lf, crlf, lf.substr(0, lf.size() - 1)}) {
    const WordList list(text);
    std::size_t wrong = 0;
    for (const std::string& w : strings) wrong += list.contains(w) != (listed.count(w) > 0);
    CHECK(wrong == 0);
  }
  CHECK(listed.size() > 50);
}

TEST_CASE("a compound is read part by part, and a lexicon reading holds inside it", "[pronounce][rules]") {
  const std::string dir = LanguageData::german().directory() + "/de/";
  std::string table = "compound\tshortest\t4\ncompound\twords\t" VORLESEN_FIXTURES_DIR "/pronounce/words_unsorted.txt\n";
  table += readFile(LanguageData::german().table("phoneme_rules").path);
  const TsvTable rows = parseTsv(table, "phoneme_rules.tsv");
  const PhonemeRules rules(rows, {{"agentur", "a|g|E|n|t|'u:|r"}});
  const auto respelled = [&](const std::string& text) {
    std::string out;
    for (const PhonemeRespelling& r : rules.respell(text, espeak)) {
      out += text.substr(r.word.begin, r.word.size()) + "=" + r.phonemes + " ";
    }
    return out;
  };
  CHECK(respelled("Die Hauptstadt.") == "Hauptstadt=h|'aU|p|t|S|t|,a|t ");
  // "Nachrichten" is fixed by a rule, "Agentur" by the lexicon: both hold in the compound.
  CHECK(respelled("„Nachrichtenagentur“") == "Nachrichtenagentur=n|'A:|x|r|I|C|t|@|n|a|g|E|n|t|,u:|r ");
  CHECK(respelled("Nachrichtensprecher") == "Nachrichtensprecher=n|'A:|x|r|I|C|t|@|n|S|p|r|,E|C|3 ");
  CHECK(respelled("Haus 42 x") == "");  // numbers and single letters are not looked at
}

TEST_CASE("the pronouncer hands the stretches between its final edits to the phoneme rules",
          "[pronounce][rules]") {
  const Pronouncer pronouncer(LanguageData::german());
  SpokenText in;
  in.text = "Er sagte KI zum Hype.";
  in.pieces = {{Span{0, in.text.size()}, Span{0, in.text.size()}}};
  const Pronounced p = pronouncer.pronounce(in);
  REQUIRE(p.spoken.text == "Er sagte K-I zum Hype.");
  std::vector<std::string> stretches;
  for (const VoiceRun& r : p.runs) {
    stretches.push_back(p.spoken.text.substr(r.text.begin, r.text.size()) + (r.rewriter ? "@rules" : "@" + r.language));
  }
  // The spelled acronym may be respelled (its stress), the English word may not.
  CHECK(stretches == std::vector<std::string>{"Er sagte K-I zum @rules", "Hype@en", ".@rules"});
}

namespace {

// "Word=phonemes " for each word the rules respell.
std::string respelledBy(const PhonemeRules& rules, const std::string& text) {
  std::string out;
  for (const PhonemeRespelling& r : rules.respell(text, espeak)) {
    out += text.substr(r.word.begin, r.word.size()) + "=" + r.phonemes + " ";
  }
  return out;
}

const char* const kStressWords = "compound\tshortest\t4\ncompound\twords\t" VORLESEN_FIXTURES_DIR
                                 "/pronounce/words_compound_stress.txt\n";

}  // namespace

TEST_CASE("suffix rows stress a loanword's suffix; the first fitting row decides, 0 keeps eSpeak's stress",
          "[pronounce][rules]") {
  const PhonemeRules rules(parseTsv(std::string(kStressWords) +
                                        "class\tvowel\ta A: aI u: i: I e: E @ 3\n"
                                        "suffix\t^Schick\t0\n"
                                        "suffix\t[^aeiou]al$\t-1\n"
                                        "suffix\t[^aeiou]ist$\t-1\n"
                                        "suffix\tist$\t1\n",
                                    "mine.tsv"));
  CHECK(respelledBy(rules, "Jurist") == "Jurist=j|u:|r|'I|s|t ");
  CHECK(respelledBy(rules, "Signal") == "Signal=z|I|g|n|'A:|l ");
  CHECK(respelledBy(rules, "Schicksal").empty());  // a native -sal word keeps its stress
  // In a compound the row applies to the last part, whose stress is secondary: Partei|jurist stays
  // stressed on Partei, as eSpeak has it.
  CHECK(respelledBy(rules, "Parteijurist").empty());
}

TEST_CASE("the built-in suffix rows stress a full e where eSpeak NG read a schwa", "[pronounce][rules]") {
  const PhonemeRules rules(LanguageData::german().table("phoneme_rules"));
  // the stress the -e row gives the e of -ete, -ese makes it a long e (-ese with [z]), not a stressed schwa
  CHECK(respelledBy(rules, "Rakete") == "Rakete=r|A|k|'e:|t|@ ");
  CHECK(respelledBy(rules, "Chinese") == "Chinese=C|i:|n|'e:|z|@ ");
}

TEST_CASE("a compound is stressed on its first part, where its seams are plain", "[pronounce][rules]") {
  const PhonemeRules rules(parseTsv(std::string(kStressWords) + "class\tvowel\ta i: o: e: E @ 3 I\n", "mine.tsv"));
  CHECK(respelledBy(rules, "Himmelbett") == "Himmelbett=h|'I|m|@|l|b|,E|t ");
  // A part ending in a vowel other than e is more often a prefix of a loanword (Kilo|meter).
  CHECK(respelledBy(rules, "Kilometer").empty());
  using Parts = std::vector<std::string_view>;
  CHECK(plainSeams(Parts{"Himmel", "bett"}));
  CHECK_FALSE(plainSeams(Parts{"Kilo", "meter"}));
  CHECK_FALSE(plainSeams(Parts{"Komm", "union"}));
  CHECK(primaryStressIndex(" h 'I m @ l b ,E t ") == 1);
  CHECK(primaryStressIndex(" _! ,a 'b ") == 1);  // pauses are not counted
  CHECK(primaryStressIndex(" a b ") == -1);
}

TEST_CASE("a compound's parts: a linking s, and a head that fits the word class", "[pronounce][rules]") {
  const CompoundSplitter split(WordList(readFile(VORLESEN_FIXTURES_DIR "/pronounce/words_compound_stress.txt")), CompoundOptions{});
  using Parts = std::vector<std::string_view>;
  CHECK(split.split("Abrüstungskonferenz") == Parts{"Abrüstungs", "konferenz"});
  CHECK(split.split("Schreibtisch") == Parts{"Schreib", "tisch"});
  CHECK(split.split("dramatisch").empty());  // an adjective does not end in the noun Tisch
  CHECK(split.split("Dramatisch") == Parts{"Drama", "tisch"});
}

TEST_CASE("a compound's first part may be a short noun, and a part before the last a stem", "[pronounce][rules]") {
  const std::string words = readFile(VORLESEN_FIXTURES_DIR "/pronounce/words_compound_parts.txt");
  using Parts = std::vector<std::string_view>;
  const CompoundSplitter four(WordList(words), CompoundOptions{});
  CHECK(four.split("Fußmatte").empty());
  CHECK(four.split("Tarnkappe").empty());
  const CompoundSplitter split(WordList(words), CompoundOptions{4, 3, {"her"}, {}, {"en"}, {"e"}, {"st", "gr", "tr"}});
  CHECK(split.split("Fußmatte") == Parts{"Fuß", "matte"});       // a three-letter part first
  CHECK(split.split("Kuhstall") == Parts{"Kuh", "stall"});
  CHECK(split.split("ehrlos").empty());                          // a short part that is not listed
  CHECK(split.split("Herabend").empty());                        // ... or is refused
  CHECK(split.split("Mattefuß").empty());                        // ... is only first
  CHECK(split.split("Abstall").empty());                         // ... and not before an onset: Ab|s|tall
  CHECK(split.split("Absende").empty());                         // ... nor before a vowel: Ab|s|ende
  CHECK(split.split("Zuckerguss") == Parts{"Zucker", "guss"});   // not Zuck|erguss
  CHECK(split.split("Tarnkappe") == Parts{"Tarn", "kappe"});     // the stem of the verb "tarnen"
  CHECK(split.split("Kerbtier") == Parts{"Kerb", "tier"});       // the noun "Kerbe" without its e
  CHECK(split.split("Tarntier") == Parts{"Tarn", "tier"});
  CHECK(split.split("Rahmtier").empty());                        // "Rahmen" is a noun, not a verb
  CHECK(split.split("Kappetarn").empty());                       // a stem is never the last part
  CHECK(split.split("Kerbentern").empty());                      // no stem before a vowel (Kerb|entern)
  CHECK(split.split("Treutier").empty());                        // nor one ending in a vowel (Treu|tier)
  CHECK(split.split("Unttier").empty());                         // a stem has `shortest` letters (Unt|tier)
  CHECK(split.split("Kontrolle").empty());                       // nor across an onset (Kont|rolle)
}

TEST_CASE("the built-in part rows move eSpeak's first-syllable stress of loanwords", "[pronounce][rules]") {
  const PhonemeRules rules(LanguageData::german().table("phoneme_rules"));
  CHECK(respelledBy(rules, "Kapitel") == "Kapitel=k|A|p|'i:|t|@|l ");     // before a final -el
  CHECK(respelledBy(rules, "Kapitän") == "Kapitän=k|A|p|i:|t|'E:|n ");    // to eSpeak's secondary stress
  CHECK(respelledBy(rules, "Monate").empty());                           // a native word of that shape
}

TEST_CASE("the built-in rows: a stressed i before a vowel is tense, -iker is stressed before -ik-", "[pronounce][rules]") {
  const PhonemeRules rules(LanguageData::german().table("phoneme_rules"));
  CHECK(respelledBy(rules, "Biologe") == "Biologe=b|,i:|o:|l|'o:|g|@ ");
  CHECK(respelledBy(rules, "Historiker") == "Historiker=h|I|s|t|'o:|R|,I|k|3 ");
}
