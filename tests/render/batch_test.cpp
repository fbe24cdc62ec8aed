#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>

#include "render/temp_files.h"
#include "vorlesen/audio_sink.h"
#include "vorlesen/batch.h"
#include "vorlesen/error.h"
#include "vorlesen/language_data.h"

namespace fs = std::filesystem;
using namespace vorlesen;
using vorlesen::testing::readAll;
using vorlesen::testing::TempDir;

namespace {

const std::string kArticle = std::string(VORLESEN_FIXTURES_DIR) + "/render/artikel.txt";

// Milliseconds of a WebVTT/SRT timestamp "HH:MM:SS.mmm" / "HH:MM:SS,mmm".
long toMs(const std::string& t) {
  return std::stol(t.substr(0, 2)) * 3600000 + std::stol(t.substr(3, 2)) * 60000 + std::stol(t.substr(6, 2)) * 1000 +
         std::stol(t.substr(9, 3));
}

struct Cue {
  long start, end;
};

std::vector<Cue> parseCues(const std::string& text) {
  static const std::regex timing(R"((\d\d:\d\d:\d\d[.,]\d\d\d) --> (\d\d:\d\d:\d\d[.,]\d\d\d))");
  std::vector<Cue> cues;
  for (std::sregex_iterator it(text.begin(), text.end(), timing), end; it != end; ++it) {
    cues.push_back(Cue{toMs((*it)[1]), toMs((*it)[2])});
  }
  return cues;
}

}  // namespace

TEST_CASE("output names: one per input in a directory, timing files beside the audio", "[render]") {
  RenderSettings s;
  s.format = AudioFormat::Opus;
  s.subtitles = SubtitleFormat::Srt;
  s.timings_json = true;
  const BatchJob job = jobInDirectory("texte/Artikel 1.txt", "out", s);
  CHECK(job.audio == "out/Artikel 1.opus");
  CHECK(job.subtitles == "out/Artikel 1.srt");
  CHECK(job.timings == "out/Artikel 1.json");
  CHECK(jobInDirectory("-", "out", RenderSettings{}).audio == "out/stdin.wav");
  const BatchJob plain = jobForAudioFile("a.txt", "x/b.mp3", RenderSettings{});
  CHECK(plain.subtitles.empty());
  CHECK(plain.timings.empty());
}

TEST_CASE("the settings fingerprint changes with every setting that shapes the audio", "[render]") {
  const RenderSettings base;
  const std::string fp = settingsFingerprint(base);
  CHECK(fp.rfind("vorlesen-settings ", 0) == 0);
  CHECK(settingsFingerprint(base) == fp);
  RenderSettings other = base;
  other.voice.rate = 200;
  CHECK(settingsFingerprint(other) != fp);
  other = base;
  other.voice.voice = "de+f2";
  CHECK(settingsFingerprint(other) != fp);
  other = base;
  other.format = AudioFormat::Flac;
  CHECK(settingsFingerprint(other) != fp);
  other = base;
  other.pauses.paragraph_ms = 900;
  CHECK(settingsFingerprint(other) != fp);
}

TEST_CASE("renderFile: every format has the length of the WAV, subtitles match sentences and audio",
          "[render][espeak]") {
  TempDir dir;
  const Pipeline pipeline(LanguageData::german());
  EspeakSynthesizer synth;
  std::size_t wav_frames = 0;
  for (AudioFormat f : availableAudioFormats()) {
    RenderSettings s;
    s.format = f;
    s.subtitles = f == AudioFormat::Mp3 ? SubtitleFormat::Srt : SubtitleFormat::Vtt;
    s.timings_json = true;
    const BatchJob job = jobInDirectory(kArticle, dir.path.string(), s);
    const std::string fp = settingsFingerprint(s);
    const FileRender r = renderFile(job, s, fp, pipeline, synth);
    INFO(audioFormatName(f));
    const AudioFileInfo info = readAudioFileInfo(job.audio);
    CHECK(info.comment == fp);
    CHECK(r.sample_rate == 22050);
    const double seconds = double(r.samples) / r.sample_rate;
    CHECK(seconds > 20);  // about 40 s of speech for 625 bytes of text
    CHECK(seconds < 80);
    if (f == AudioFormat::Wav) wav_frames = info.frames;
    CHECK(std::abs(double(info.frames) / info.sample_rate - double(wav_frames) / 22050) < 0.05);

    // Subtitles: one cue per sentence, increasing, the last ending with the audio.
    const auto cues = parseCues(readAll(job.subtitles));
    const auto sentences = pipeline.prepare(loadDocument(kArticle));
    CHECK(cues.size() == sentences.size());
    for (std::size_t i = 0; i < cues.size(); ++i) {
      CHECK(cues[i].start < cues[i].end);
      if (i > 0) CHECK(cues[i - 1].end <= cues[i].start);
    }
    REQUIRE_FALSE(cues.empty());
    CHECK(std::abs(cues.back().end - 1000.0 * info.frames / info.sample_rate) <= 50);
    CHECK(readAll(job.timings).find("\"chapters\"") != std::string::npos);
    CHECK(isUpToDate(job, fp));
    RenderSettings slower = s;
    slower.voice.rate = 120;
    CHECK_FALSE(isUpToDate(job, settingsFingerprint(slower)));
  }
}

TEST_CASE("renderFile: a document with nothing to say leaves no files", "[render][espeak]") {
  TempDir dir;
  const fs::path empty = dir.path / "leer.txt";
  std::ofstream(empty) << "\n  \n";
  const Pipeline pipeline(LanguageData::german());
  EspeakSynthesizer synth;
  RenderSettings s;
  s.subtitles = SubtitleFormat::Vtt;
  const BatchJob job = jobForAudioFile(empty.string(), (dir.path / "leer.wav").string(), s);
  CHECK_THROWS_WITH(renderFile(job, s, settingsFingerprint(s), pipeline, synth),
                    Catch::Contains("nothing to read aloud"));
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);  // only the input
}

TEST_CASE("isUpToDate needs outputs newer than the input", "[render][espeak]") {
  TempDir dir;
  const fs::path input = dir.path / "a.txt";
  fs::copy_file(kArticle, input);
  const Pipeline pipeline(LanguageData::german());
  EspeakSynthesizer synth;
  RenderSettings s;
  s.subtitles = SubtitleFormat::Vtt;
  const std::string fp = settingsFingerprint(s);
  const BatchJob job = jobInDirectory(input.string(), dir.path.string(), s);
  CHECK_FALSE(isUpToDate(job, fp));
  renderFile(job, s, fp, pipeline, synth);
  CHECK(isUpToDate(job, fp));
  fs::last_write_time(input, fs::last_write_time(job.audio) + std::chrono::seconds(1));
  CHECK_FALSE(isUpToDate(job, fp));
  fs::last_write_time(input, fs::last_write_time(job.audio) - std::chrono::seconds(10));
  CHECK(isUpToDate(job, fp));
  fs::remove(job.subtitles);
  CHECK_FALSE(isUpToDate(job, fp));
}
