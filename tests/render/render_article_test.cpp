#include <catch2/catch.hpp>

#include <sndfile.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <numeric>
#include <sstream>

#include "vorlesen/audio_sink.h"
#include "vorlesen/language_data.h"
#include "vorlesen/pipeline.h"

using namespace vorlesen;

namespace {

std::size_t countWords(const Document& doc) {
  std::size_t words = 0;
  for (const auto& b : doc.blocks) {
    std::istringstream in{std::string(doc.slice(b.span))};
    std::string w;
    while (in >> w) ++words;
  }
  return words;
}

double rms(const std::vector<std::int16_t>& pcm, std::size_t begin, std::size_t n) {
  double sum = 0;
  for (std::size_t i = begin; i < begin + n; ++i) sum += double(pcm[i]) * pcm[i];
  return n ? std::sqrt(sum / double(n)) : 0.0;
}

void checkRendering(const Document& doc) {
  const Pipeline pipeline(LanguageData::german());
  const auto sentences = pipeline.prepare(doc);
  REQUIRE(sentences.size() > 3);

  EspeakSynthesizer synth;
  char path[] = "/tmp/vorlesen-render-XXXXXX.wav";
  const int fd = mkstemps(path, 4);
  REQUIRE(fd >= 0);
  close(fd);
  RenderReport report;
  {
    AudioFileWriter writer(path, synth.sampleRate(), AudioFormat::Wav);
    report = renderSentences(sentences, synth, writer);
    writer.commit();
  }
  // Read back what was written.
  SF_INFO info{};
  SNDFILE* f = sf_open(path, SFM_READ, &info);
  REQUIRE(f);
  std::vector<std::int16_t> pcm(static_cast<std::size_t>(info.frames));
  CHECK(sf_read_short(f, pcm.data(), info.frames) == info.frames);
  sf_close(f);
  std::remove(path);

  std::size_t sum = 0;
  for (const auto& s : report.sentences) sum += s.samples + s.pause_samples;
  CHECK(static_cast<std::size_t>(info.frames) == report.total_samples);
  CHECK(sum == report.total_samples);
  CHECK(info.samplerate == 22050);
  CHECK(info.channels == 1);

  // No sentence is missing or silent.
  REQUIRE(report.sentences.size() == sentences.size());
  std::size_t speech = 0;
  for (const auto& s : report.sentences) {
    CHECK(s.samples > 2205);  // at least 0.1 s
    CHECK(rms(pcm, s.first_sample, s.samples) > 300.0);
    CHECK_FALSE(s.words.empty());
    speech += s.samples;
  }
  // Plausible duration for the word count at eSpeak's default 175 words per minute.
  const double minutes = double(speech) / 22050.0 / 60.0;
  const double wpm = double(countWords(doc)) / minutes;
  INFO("words per minute: " << wpm);
  CHECK(wpm > 110.0);
  CHECK(wpm < 260.0);
}

}  // namespace

TEST_CASE("rendering a German article: sample counts add up, no sentence silent", "[render]") {
  const std::string text =
      "Die neue Stadtbahn kommt. Der Stadtrat hat am Donnerstag den Bau beschlossen.\n\n"
      "Die Strecke soll acht Kilometer lang werden. Sie bekommt elf Haltestellen.\n"
      "Anwohner befürchten Lärm. Die Stadt verspricht neue Bäume.\n";
  checkRendering(documentFromText("beispiel", text));
}

#ifdef VORLESEN_SHARED_DIR
TEST_CASE("rendering the shared Handelsblatt article", "[render][shared]") {
  checkRendering(loadDocument(VORLESEN_SHARED_DIR "/articles/handelsblatt-deepseek.txt"));
}
#endif
