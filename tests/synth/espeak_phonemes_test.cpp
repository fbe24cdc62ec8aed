#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "pronounce/spoken_words.h"
#include "vorlesen/language_data.h"
#include "vorlesen/pronouncer.h"
#include "vorlesen/synthesizer.h"

using namespace vorlesen;

namespace {

// Pieces pointing at the same bytes 1000 further on (a source document).
SpokenText fromSource(const std::string& text) { return spokenWords(text, 1000); }

std::size_t ipaVowels(std::string ipa) {
  // eSpeak marks a switch of language "(en)...(de)": not vowels.
  for (std::size_t open = ipa.find('('); open != std::string::npos; open = ipa.find('(')) {
    ipa.erase(open, ipa.find(')', open) - open + 1);
  }
  std::size_t n = 0;
  for (const char* v : {"a", "e", "i", "o", "u", "y", "ɑ", "ɛ", "ə", "ɪ", "ɔ", "ʊ", "ɜ", "œ", "ø", "ɐ", "ɒ", "ʌ"}) {
    for (std::size_t at = ipa.find(v); at != std::string::npos; at = ipa.find(v, at + 1)) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("eSpeak NG gives a word's phonemes and the IPA it will speak for a pronounced line", "[synth][phonemes]") {
  EspeakSynthesizer synth;
  CHECK(synth.wordPhonemes("sagte") == "z|'A:|g|t|@");
  CHECK(synth.wordPhonemes("ersten") == "'e:|r|s|t|@|n");  // the clause's opening pause is dropped
  CHECK(synth.wordPhonemes("Google").empty());             // eSpeak switches to English for it
  const Pronouncer pronouncer(LanguageData::german());
  const Pronounced p = pronouncer.pronounce(fromSource("Er sagte, der Hype sei vorbei."));
  const std::string ipa = synth.spokenIpa(p.spoken.text, p.runs);
  CHECK(ipa.find("zˈɑːktə") != std::string::npos);   // respelled: [k], not eSpeak's [ɡ]
  CHECK(ipa.find("hˈaɪp") != std::string::npos);     // the English voice's reading of "Hype"
  CHECK(ipa.find("ɡt") == std::string::npos);
  // After the English stretch, the German voice is back: what follows is read by German rules.
  CHECK(ipa.find("foːɾbˈaɪ") != std::string::npos);
}

TEST_CASE("the phonemes the rule tests assume are eSpeak NG's own", "[synth][phonemes]") {
  EspeakSynthesizer synth;
  for (const auto& [word, phonemes] : std::vector<std::pair<std::string, std::string>>{
           {"sagten", "z|'A:|g|t|@|n"}, {"gesagt", "g|@|z|'A:|k|t"}, {"Flughafen", "f|l|'u:|g|h|A:|f|@|n"},
           {"Maßnahmen", "m|'a|s|n|A:|m|@|n"}, {"Zukunft", "ts|u:|k|'U|n|f|t"}, {"Kritik", "k|r|'i:|t|i:|k"},
           {"Hauptstadt", "h|'aU|p|t|s|t|a|t"}, {"Medien", "m|'e:|d|I|;|@|n"},
           {"Unterlage", "_||,U|n|t|3|l|'A:|g|@"}, {"missachten", "m|'I|s|a|x|t|@|n"}}) {
    INFO(word);
    CHECK(synth.wordPhonemes(word) == phonemes);
  }
}

TEST_CASE("word events of respelled words stay on the original words", "[synth][phonemes]") {
  EspeakSynthesizer synth;
  const Pronouncer pronouncer(LanguageData::german());
  const std::string source = "„Kritik“ sagte der Flughafen-Chef, die Nachrichtenagentur KI schwieg.";
  const Pronounced p = pronouncer.pronounce(fromSource(source));
  std::vector<std::string> heard;
  std::size_t last_sample = 0;
  bool ordered = true;
  const std::size_t samples = synth.synthesizeRuns(p.spoken.text, p.runs, [&](const std::int16_t*, std::size_t,
                                                                             const std::vector<WordEvent>& events) {
    for (const WordEvent& e : events) {
      const Span src = p.spoken.sourceOf(e.text.begin, e.text.end);
      REQUIRE(src.begin >= 1000);
      const std::string word = source.substr(src.begin - 1000, src.size());
      if (heard.empty() || heard.back() != word) heard.push_back(word);
      ordered = ordered && e.sample >= last_sample;
      last_sample = e.sample;
    }
    return true;
  });
  CHECK(samples > 22050);
  CHECK(ordered);
  // Every word is heard once, on the original spelling, also those spoken from phonemes ("sagte",
  // "Flughafen", "Nachrichtenagentur") and the spelled acronym.
  CHECK(heard == std::vector<std::string>{"„Kritik“", "sagte", "der", "Flughafen-Chef,", "die",
                                          "Nachrichtenagentur", "KI", "schwieg."});
}

TEST_CASE("every phoneme reading of the lexicon is read whole by eSpeak NG", "[synth][phonemes]") {
  EspeakSynthesizer synth;
  const TsvTable& lexicon = LanguageData::german().table("lexicon");
  std::size_t checked = 0;
  for (const TsvRow& row : lexicon.rows) {
    if (row.fields.size() != 2 || row.fields[1].rfind("[[", 0) != 0) continue;
    const std::string& reading = row.fields[1];
    const std::string ipa = synth.spokenIpa(reading, {VoiceRun{Span{0, reading.size()}, "", true, nullptr}});
    // A phoneme name eSpeak does not know ends the word there: fewer vowels than the reading has.
    std::size_t vowels = 0;
    for (const char* v : {"a", "e", "i", "o", "u", "y", "@", "3", "A", "E", "I", "O", "U", "W", "Y"}) {
      for (std::size_t at = reading.find(v); at != std::string::npos; at = reading.find(v, at + 1)) ++vowels;
    }
    INFO(lexicon.path << ":" << row.line << ": " << reading << " -> " << ipa);
    CHECK(ipaVowels(ipa) * 2 >= vowels);
    ++checked;
  }
  CHECK(checked >= 100);
}

#ifdef VORLESEN_SHARED_DIR
TEST_CASE("respelled news words are read whole by eSpeak NG", "[synth][phonemes][shared]") {
  EspeakSynthesizer synth;
  const Pronouncer pronouncer(LanguageData::german());
  std::ifstream in(VORLESEN_SHARED_DIR "/pron/news_words.tsv");
  REQUIRE(in);
  std::string line;
  std::size_t respelled = 0;
  while (std::getline(in, line)) {
    const std::string word = line.substr(0, line.find('\t'));
    const Pronounced p = pronouncer.pronounce(fromSource(word));
    const std::string ours = synth.spokenIpa(p.spoken.text, p.runs);
    const std::string own = synth.spokenIpa(word, {});
    if (ours == own) continue;
    ++respelled;
    // The i-glide rule takes one syllable, a split compound may add a glottal stop: never more.
    INFO(word << ": " << own << " -> " << ours);
    CHECK(ipaVowels(ours) + 2 >= ipaVowels(own));
  }
  CHECK(respelled >= 300);
}
#endif
