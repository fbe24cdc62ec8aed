#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

#include "vorlesen/error.h"
#include "vorlesen/synthesizer.h"

using namespace vorlesen;

namespace {
struct Capture {
  std::vector<std::int16_t> pcm;
  std::vector<WordEvent> words;
  AudioCallback callback() {
    return [this](const std::int16_t* s, std::size_t n, const std::vector<WordEvent>& ev) {
      pcm.insert(pcm.end(), s, s + n);
      words.insert(words.end(), ev.begin(), ev.end());
      return true;
    };
  }
};
}  // namespace

TEST_CASE("eSpeak NG speaks German with word events mapped to byte spans", "[synth]") {
  EspeakSynthesizer synth;
  CHECK(synth.sampleRate() == 22050);
  const std::string text = "Größe ändert „Übermaß“ – schön. Zweiter";
  Capture cap;
  const std::size_t n = synth.synthesize(text, cap.callback());
  CHECK(n == cap.pcm.size());
  CHECK(n > 22050);  // more than a second of speech
  std::vector<std::string> words;
  for (const auto& w : cap.words) words.emplace_back(text.substr(w.text.begin, w.text.size()));
  CHECK(words == std::vector<std::string>{"Größe", "ändert", "Übermaß", "schön", "Zweiter"});
  for (std::size_t i = 1; i < cap.words.size(); ++i) CHECK(cap.words[i].sample > cap.words[i - 1].sample);
  CHECK(cap.words.back().sample < n);
}

TEST_CASE("a second eSpeak session in one process is refused", "[synth]") {
  EspeakSynthesizer first;
  CHECK_THROWS_AS(EspeakSynthesizer(), Error);
}

TEST_CASE("voice parameters are validated and change the audio", "[synth]") {
  EspeakSynthesizer synth;
  CHECK_THROWS_WITH(synth.setVoice(VoiceParams{"xx-nosuch", 175, 50, 100}), Catch::Contains("unknown voice 'xx-nosuch'"));
  CHECK_THROWS_WITH(synth.setVoice(VoiceParams{"de+nosuch", 175, 50, 100}), Catch::Contains("unknown voice variant"));
  Capture normal, fast;
  synth.setVoice(VoiceParams{"de", 175, 50, 100});
  synth.synthesize("Dies ist ein etwas längerer Satz zum Messen der Geschwindigkeit.", normal.callback());
  synth.setVoice(VoiceParams{"de+f2", 350, 50, 100});
  synth.synthesize("Dies ist ein etwas längerer Satz zum Messen der Geschwindigkeit.", fast.callback());
  // Twice the rate: clearly shorter (eSpeak does not scale exactly).
  CHECK(fast.pcm.size() < normal.pcm.size() * 7 / 10);
}

TEST_CASE("an embedded \\x01 command cannot change the rate of later sentences", "[synth]") {
  EspeakSynthesizer synth;
  const std::string sentence = "Dies ist ein ganz gewöhnlicher Satz mit einigen Wörtern.";
  Capture before, after, attack;
  synth.synthesize(sentence, before.callback());
  synth.synthesize(std::string("Hallo \x01") + "80S Welt.", attack.callback());
  synth.synthesize(sentence, after.callback());
  // Rate 80 instead of 175 would make it about twice as long; a few samples differ from call to call.
  CHECK(double(after.pcm.size()) == Approx(double(before.pcm.size())).epsilon(0.02));
}

TEST_CASE("long runs of dotted letters are made safe without moving bytes", "[synth]") {
  std::string run;
  for (int i = 0; i < 100; ++i) run += "a.";
  std::string safe = run;
  sanitizeForEspeak(safe);
  CHECK(safe.size() == run.size());
  CHECK(std::count(safe.begin(), safe.end(), '.') == 0);
  // Ordinary abbreviations are left alone.
  std::string normal = "Das gilt z.B. auch u.a. für Dr. Muster.";
  const std::string copy = normal;
  sanitizeForEspeak(normal);
  CHECK(normal == copy);
  // And eSpeak survives the sanitized run (1.51 smashes its stack on the raw one).
  EspeakSynthesizer synth;
  Capture cap;
  std::string zb;
  for (int i = 0; i < 80; ++i) zb += "z.B.";
  CHECK(synth.synthesize(zb, cap.callback()) > 0);
}
