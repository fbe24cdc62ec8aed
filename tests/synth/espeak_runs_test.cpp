#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "vorlesen/synthesizer.h"

using namespace vorlesen;

namespace {

struct Heard {
  std::vector<std::int16_t> pcm;
  std::vector<std::string> words;
  std::vector<std::size_t> samples;
};

Heard speakRuns(EspeakSynthesizer& synth, const std::string& text, const std::vector<VoiceRun>& runs) {
  Heard h;
  synth.synthesizeRuns(text, runs, [&](const std::int16_t* s, std::size_t n, const std::vector<WordEvent>& ev) {
    h.pcm.insert(h.pcm.end(), s, s + n);
    for (const auto& w : ev) {
      h.words.emplace_back(text.substr(w.text.begin, w.text.size()));
      h.samples.push_back(w.sample);
    }
    return true;
  });
  return h;
}

Span spanOf(const std::string& text, const std::string& word) {
  const std::size_t at = text.find(word);
  REQUIRE(at != std::string::npos);
  return Span{at, at + word.size()};
}

}  // namespace

TEST_CASE("word events stay on the right words across a switch to the English voice", "[synth][runs]") {
  EspeakSynthesizer synth;
  const std::string text = "Das Start-up und der Hype wachsen schnell.";
  const Heard german = speakRuns(synth, text, {});
  const Heard mixed = speakRuns(synth, text, {VoiceRun{spanOf(text, "Start-up"), "en", false},
                                              VoiceRun{spanOf(text, "Hype"), "en", false}});
  // eSpeak NG reports a hyphenated word by its first part.
  const std::vector<std::string> expected{"Das", "Start", "und", "der", "Hype", "wachsen", "schnell"};
  CHECK(german.words == expected);
  CHECK(mixed.words == expected);
  for (std::size_t i = 1; i < mixed.samples.size(); ++i) CHECK(mixed.samples[i] > mixed.samples[i - 1]);
  CHECK(mixed.samples.back() < mixed.pcm.size());
  // The English voice really spoke: the audio differs from the all-German reading.
  CHECK(mixed.pcm != german.pcm);
}

TEST_CASE("the English voice keeps the main voice's variant and rate", "[synth][runs]") {
  EspeakSynthesizer synth;
  const std::string text = "Ein Meeting über Machine Learning und Cloud Computing.";
  const std::vector<VoiceRun> runs{VoiceRun{spanOf(text, "Meeting"), "en", false},
                                   VoiceRun{spanOf(text, "Machine Learning"), "en", false},
                                   VoiceRun{spanOf(text, "Cloud Computing"), "en", false}};
  synth.setVoice(VoiceParams{"de", 175, 50, 100});
  const Heard normal = speakRuns(synth, text, runs);
  synth.setVoice(VoiceParams{"de", 350, 50, 100});
  const Heard fast = speakRuns(synth, text, runs);
  CHECK(fast.pcm.size() < normal.pcm.size() * 7 / 10);
  synth.setVoice(VoiceParams{"de+f2", 175, 50, 100});
  const Heard female = speakRuns(synth, text, runs);
  CHECK(female.pcm != normal.pcm);
  CHECK(female.words == normal.words);
}

TEST_CASE("phoneme runs are spoken as phonemes and keep their word event", "[synth][runs]") {
  EspeakSynthesizer synth;
  const std::string text = "Das [[d'i:psi:k]] Modell.";
  const Heard as_phonemes = speakRuns(synth, text, {VoiceRun{spanOf(text, "[[d'i:psi:k]]"), "", true}});
  REQUIRE(as_phonemes.words.size() == 3);
  CHECK(as_phonemes.words[0] == "Das");
  CHECK(as_phonemes.words[1] == "[[d'i:psi:k]]");
  CHECK(as_phonemes.words[2] == "Modell");
  // Without the run the brackets are plain text: eSpeak must not read them as phonemes.
  const std::string plain_text = "Das [[d'i:psi:k]] Modell.";
  const Heard plain = speakRuns(synth, plain_text, {VoiceRun{spanOf(plain_text, "Modell"), "", false}});
  CHECK(plain.pcm.size() != as_phonemes.pcm.size());
}

TEST_CASE("markup characters in the text are escaped, not read as SSML", "[synth][runs]") {
  EspeakSynthesizer synth;
  const std::string text = "Drei <zwei> & eins Hype.";
  const Heard h = speakRuns(synth, text, {VoiceRun{spanOf(text, "Hype"), "en", false}});
  CHECK(h.words.front() == "Drei");
  CHECK(h.words.back() == "Hype");
  CHECK(std::find(h.words.begin(), h.words.end(), "zwei") != h.words.end());
}

TEST_CASE("a message stopped inside an English run leaves the next sentence as it was", "[synth][runs]") {
  // The player stops eSpeak NG at once when the listener skips; eSpeak NG 1.51 kept SSML state from a
  // stopped message, and the next plain sentence came out about 0.2 s longer.
  EspeakSynthesizer synth;
  const std::string next = "Das ist ein zweiter Satz.";
  struct Sound {
    std::size_t length = 0;
    std::size_t onset = 0;  // the first loud sample: no silence added before the speech
  };
  const auto hear = [&](const std::string& text) {
    Sound s;
    bool loud = false;
    synth.synthesize(text, [&](const std::int16_t* pcm, std::size_t count, const std::vector<WordEvent>&) {
      for (std::size_t i = 0; i < count && !loud; ++i, ++s.onset) loud = pcm[i] > 300 || pcm[i] < -300;
      s.length += count;
      return true;
    });
    return s;
  };
  const Sound alone = hear(next);
  const std::string mixed = "Die Firma zeigt ihr neues Smartphone and the feedback from the community heute in Berlin.";
  const VoiceRun english{Span{mixed.find("Smartphone"), mixed.find(" heute")}, "en", false};
  for (const std::size_t stop_after : {2u, 6u, 10u, 14u, 18u}) {
    std::size_t calls = 0;
    synth.synthesizeRuns(mixed, {english}, [&](const std::int16_t*, std::size_t, const std::vector<WordEvent>&) {
      return ++calls < stop_after;
    });
    CHECK(calls == stop_after);  // stopped where asked, not at the end
    const Sound after = hear(next);
    // eSpeak NG's own sentence lengths vary by a few samples from call to call.
    CHECK(after.length + 100 > alone.length);
    CHECK(after.length < alone.length + 100);
    CHECK(after.onset < alone.onset + 50);
  }
}
