#include <catch2/catch.hpp>
#include <sndfile.h>

#include <cmath>
#include <filesystem>
#include <iterator>
#include <string>
#include <vector>

#include "render/temp_files.h"
#include "vorlesen/audio_sink.h"
#include "vorlesen/error.h"

namespace fs = std::filesystem;
using namespace vorlesen;
using vorlesen::testing::readAll;
using vorlesen::testing::TempDir;

namespace {

std::vector<std::int16_t> tone(std::size_t n) {
  std::vector<std::int16_t> s(n);
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<std::int16_t>(6000 * std::sin(0.07 * double(i)));
  return s;
}

void writeFile(const fs::path& p, AudioFormat f, const std::vector<std::int16_t>& samples) {
  AudioFileWriter w(p.string(), 22050, f, AudioTags{"Titel", "vorlesen-settings 0123456789abcdef"});
  for (std::size_t i = 0; i < samples.size(); i += 1000) {
    w.write(samples.data() + i, std::min<std::size_t>(1000, samples.size() - i));
  }
  w.commit();
}

}  // namespace

TEST_CASE("Debian's libsndfile writes all five formats", "[audio]") {
  const auto formats = availableAudioFormats();
  CHECK(formats == std::vector<AudioFormat>{AudioFormat::Wav, AudioFormat::Flac, AudioFormat::OggVorbis,
                                            AudioFormat::Opus, AudioFormat::Mp3});
}

TEST_CASE("every format opens with libsndfile, has the expected length and keeps its tag", "[audio]") {
  TempDir dir;
  const auto samples = tone(3 * 22050 + 123);
  for (AudioFormat f : availableAudioFormats()) {
    const fs::path p = dir.path / ("t" + audioFormatExtension(f));
    writeFile(p, f, samples);
    const AudioFileInfo info = readAudioFileInfo(p.string());
    INFO(audioFormatName(f));
    CHECK(info.comment == "vorlesen-settings 0123456789abcdef");
    if (f == AudioFormat::Opus) {
      CHECK(info.sample_rate == 24000);
      CHECK(std::abs(double(info.frames) - double(samples.size()) * 24000 / 22050) < 24000 * 0.02);
    } else if (f == AudioFormat::Mp3) {
      // MP3 frames are 576 samples at this rate; the decoder may add up to one frame of padding.
      CHECK(info.sample_rate == 22050);
      CHECK(std::abs(double(info.frames) - double(samples.size())) <= 1152);
    } else {
      CHECK(info.sample_rate == 22050);
      CHECK(info.frames == samples.size());
    }
  }
}

TEST_CASE("the same samples give the same bytes, Ogg included", "[audio]") {
  TempDir dir;
  const auto samples = tone(22050);
  for (AudioFormat f : availableAudioFormats()) {
    writeFile(dir.path / ("a" + audioFormatExtension(f)), f, samples);
    writeFile(dir.path / ("b" + audioFormatExtension(f)), f, samples);
    INFO(audioFormatName(f));
    CHECK(readAll(dir.path / ("a" + audioFormatExtension(f))) == readAll(dir.path / ("b" + audioFormatExtension(f))));
  }
}

TEST_CASE("an uncommitted writer leaves no file behind", "[audio]") {
  TempDir dir;
  const auto samples = tone(5000);
  {
    AudioFileWriter w((dir.path / "x.flac").string(), 22050, AudioFormat::Flac);
    w.write(samples.data(), samples.size());
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);  // the temporary file
  }
  CHECK(fs::is_empty(dir.path));
}

TEST_CASE("formats by extension and by name", "[audio]") {
  CHECK(audioFormatForPath("a/b.WAV") == AudioFormat::Wav);
  CHECK(audioFormatForPath("x.oga") == AudioFormat::OggVorbis);
  CHECK(audioFormatForPath("x.opus") == AudioFormat::Opus);
  CHECK(audioFormatByName("vorbis") == AudioFormat::OggVorbis);
  CHECK(audioFormatByName("mp3") == AudioFormat::Mp3);
  CHECK_THROWS_WITH(audioFormatForPath("x.aac"), Catch::Contains("unknown audio format '.aac'"));
  CHECK_THROWS_AS(audioFormatByName("aiff"), Error);
}

TEST_CASE("an output in a missing directory is one clear error", "[audio]") {
  CHECK_THROWS_WITH(AudioFileWriter("/nonexistent-dir/x.wav", 22050, AudioFormat::Wav),
                    Catch::StartsWith("/nonexistent-dir/x.wav: cannot create output file:"));
}

TEST_CASE("a WAV file past the writeback steps holds every sample, the header counting them", "[audio]") {
  // Three steps of 2^19 samples are crossed in writes of odd sizes: the disk writes started on the
  // way (sync_file_range) must neither lose nor reorder anything, and the header written last counts all.
  TempDir dir;
  const auto samples = tone((std::size_t{3} << 19) + 777);
  const fs::path p = dir.path / "long.wav";
  AudioFileWriter w(p.string(), 22050, AudioFormat::Wav);
  for (std::size_t i = 0; i < samples.size(); i += 4099) {
    w.write(samples.data() + i, std::min<std::size_t>(4099, samples.size() - i));
  }
  w.commit();
  SF_INFO info{};
  SNDFILE* f = sf_open(p.string().c_str(), SFM_READ, &info);
  REQUIRE(f);
  std::vector<std::int16_t> back(samples.size() + 10);
  const sf_count_t n = sf_read_short(f, back.data(), static_cast<sf_count_t>(back.size()));
  sf_close(f);
  CHECK(info.frames == static_cast<sf_count_t>(samples.size()));
  REQUIRE(n == static_cast<sf_count_t>(samples.size()));
  back.resize(static_cast<std::size_t>(n));
  CHECK(back == samples);
}
