#include <catch2/catch.hpp>

#include "vorlesen/audio_sink.h"
#include "vorlesen/language_data.h"
#include "vorlesen/pipeline.h"

using namespace vorlesen;

namespace {

struct Rendered {
  std::vector<Sentence> sentences;
  RenderReport report;
  std::vector<std::int16_t> pcm;
  std::vector<std::string> highlighted;  // the source text of each word timing
};

Rendered render(EspeakSynthesizer& synth, const Document& doc, std::vector<Lexicon> lexicons = {}) {
  const Pipeline pipeline(LanguageData::german(), std::move(lexicons));
  Rendered r;
  r.sentences = pipeline.prepare(doc);
  MemorySink sink;
  r.report = renderSentences(r.sentences, synth, sink);
  r.pcm = sink.samples();
  for (const auto& s : r.report.sentences) {
    for (const auto& w : s.words) r.highlighted.emplace_back(doc.slice(w.source));
  }
  return r;
}

}  // namespace

TEST_CASE("highlights stay on the original words across acronyms and English stretches", "[render][pronounce]") {
  EspeakSynthesizer synth;
  const Document doc = documentFromText("t", "Das Start-up Deepseek baut KI für die NATO.\n");
  const Rendered r = render(synth, doc);
  REQUIRE(r.sentences.size() == 1);
  CHECK(r.sentences[0].spoken.text == "Das Start-up Deepseek baut K-I für die Nato.");
  // "Start-up Deepseek" read in one English stretch; the German words around it may be respelled.
  std::vector<std::string> english;
  for (const VoiceRun& run : r.sentences[0].runs) {
    if (!run.language.empty()) english.push_back(r.sentences[0].spoken.text.substr(run.text.begin, run.text.size()) + "@" + run.language);
  }
  CHECK(english == std::vector<std::string>{"Start-up Deepseek@en"});
  // eSpeak may report a spelled or hyphenated word in parts; each part highlights the whole original.
  std::vector<std::string> distinct;
  for (const auto& h : r.highlighted) {
    if (distinct.empty() || distinct.back() != h) distinct.push_back(h);
  }
  CHECK(distinct == std::vector<std::string>{"Das", "Start-up", "Deepseek", "baut", "KI", "für", "die", "NATO."});
  const auto& words = r.report.sentences[0].words;
  for (std::size_t i = 1; i < words.size(); ++i) CHECK(words[i].sample > words[i - 1].sample);
}

TEST_CASE("a user lexicon entry changes the spoken text and the rendered audio", "[render][pronounce]") {
  EspeakSynthesizer synth;
  const Document doc = documentFromText("t", "Der Gast heißt Quiddel.\n");
  const Rendered plain = render(synth, doc);
  const Rendered again = render(synth, doc);
  const Rendered with = render(synth, doc, {Lexicon::parse("quiddel\tMüller-Lüdenscheidt\n", "user.tsv")});
  CHECK(plain.sentences[0].spoken.text == "Der Gast heißt Quiddel.");
  CHECK(with.sentences[0].spoken.text == "Der Gast heißt Müller-Lüdenscheidt.");
  // eSpeak's state carries a few samples from message to message: compare lengths with a margin.
  const double same = double(again.pcm.size()) / double(plain.pcm.size());
  CHECK(same == Approx(1.0).epsilon(0.02));
  CHECK(double(with.pcm.size()) > double(plain.pcm.size()) * 1.2);
  CHECK(with.highlighted.back() == "Quiddel.");
}
