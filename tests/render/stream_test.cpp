#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <vector>

#include "vorlesen/audio_sink.h"
#include "vorlesen/error.h"
#include "vorlesen/language_data.h"
#include "vorlesen/pipeline.h"

using namespace vorlesen;

namespace {

// 1000 samples per word, a word event at the start of each; sample rate 1000 so samples are ms.
class FakeSynthesizer final : public Synthesizer {
 public:
  int sampleRate() const override { return 1000; }
  void setVoice(const VoiceParams&) override {}
  std::size_t synthesize(std::string_view text, const AudioCallback& on_audio) override {
    std::vector<WordEvent> events;
    std::size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && text[i] == ' ') ++i;
      if (i >= text.size()) break;
      std::size_t j = i;
      while (j < text.size() && text[j] != ' ') ++j;
      events.push_back(WordEvent{events.size() * 1000, Span{i, j}});
      i = j;
    }
    const std::vector<std::int16_t> pcm(events.size() * 1000, 7);
    on_audio(pcm.data(), pcm.size(), events);
    return pcm.size();
  }
};

Document twoParagraphs() { return documentFromText("t.txt", "Eins zwei. Drei.\n\nVier fünf sechs."); }

}  // namespace

TEST_CASE("SentenceStream yields what prepare() does, block by block", "[render]") {
  const Pipeline pipeline(LanguageData::german());
  const Document doc = twoParagraphs();
  const auto all = pipeline.prepare(doc);
  SentenceStream stream(pipeline, doc);
  Sentence s;
  std::size_t n = 0;
  while (stream.next(s)) {
    REQUIRE(n < all.size());
    CHECK(s.source == all[n].source);
    CHECK(s.block == all[n].block);
    CHECK(s.spoken.text == all[n].spoken.text);
    ++n;
  }
  CHECK(n == 3);
  CHECK(n == all.size());
}

TEST_CASE("renderStream: sentence and paragraph pauses, none at the end, timings to the observer", "[render]") {
  const Pipeline pipeline(LanguageData::german());
  const Document doc = twoParagraphs();
  SentenceStream stream(pipeline, doc);
  FakeSynthesizer synth;
  MemorySink sink;
  StreamOptions options;
  options.pauses = Pauses{250, 600};
  std::vector<SentenceTiming> timings;
  std::vector<Span> sources;
  options.on_sentence = [&](const Sentence& s, const SentenceTiming& t) {
    sources.push_back(s.source);
    timings.push_back(t);
  };
  const RenderReport report = renderStream(stream, synth, sink, options);
  REQUIRE(timings.size() == 3);
  // "Eins zwei." 2000 + 250 pause; "Drei." 1000 + 600 (paragraph); "Vier fünf sechs." 3000, no pause.
  CHECK(timings[0].first_sample == 0);
  CHECK(timings[0].samples == 2000);
  CHECK(timings[0].pause_samples == 250);
  CHECK(timings[1].first_sample == 2250);
  CHECK(timings[1].pause_samples == 600);
  CHECK(timings[2].first_sample == 3850);
  CHECK(timings[2].pause_samples == 0);
  CHECK(report.total_samples == 6850);
  CHECK(sink.samples().size() == 6850);
  CHECK(report.sentences.empty());  // streamed, not collected
  REQUIRE(timings[2].words.size() == 3);
  CHECK(timings[2].words[1].sample == 3850 + 1000);
  CHECK(doc.slice(timings[2].words[1].source) == "fünf");
  CHECK(doc.slice(sources[1]) == "Drei.");
}

TEST_CASE("renderSentences and renderStream give the same audio and timings", "[render]") {
  const Pipeline pipeline(LanguageData::german());
  const Document doc = twoParagraphs();
  FakeSynthesizer synth;
  MemorySink a, b;
  const RenderReport collected = renderSentences(pipeline.prepare(doc), synth, a);
  SentenceStream stream(pipeline, doc);
  std::vector<SentenceTiming> streamed;
  StreamOptions options;
  options.on_sentence = [&](const Sentence&, const SentenceTiming& t) { streamed.push_back(t); };
  renderStream(stream, synth, b, options);
  CHECK(a.samples() == b.samples());
  REQUIRE(collected.sentences.size() == streamed.size());
  for (std::size_t i = 0; i < streamed.size(); ++i) {
    CHECK(collected.sentences[i].first_sample == streamed[i].first_sample);
    CHECK(collected.sentences[i].pause_samples == streamed[i].pause_samples);
  }
}

TEST_CASE("renderStream stops with an error when asked to", "[render]") {
  const Pipeline pipeline(LanguageData::german());
  const Document doc = twoParagraphs();
  SentenceStream stream(pipeline, doc);
  FakeSynthesizer synth;
  MemorySink sink;
  std::atomic<bool> stop{false};
  StreamOptions options;
  options.stop = &stop;
  int seen = 0;
  options.on_sentence = [&](const Sentence&, const SentenceTiming&) {
    if (++seen == 1) stop = true;
  };
  CHECK_THROWS_WITH(renderStream(stream, synth, sink, options), "interrupted");
  CHECK(seen == 1);
}
