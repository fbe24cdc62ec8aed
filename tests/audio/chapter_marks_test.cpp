#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "audio/chapter_marks.h"
#include "render/temp_files.h"
#include "vorlesen/audio_sink.h"

namespace fs = std::filesystem;
using namespace vorlesen;
using vorlesen::testing::readAll;
using vorlesen::testing::TempDir;

namespace {

std::string le32(std::uint32_t v) {
  std::string out;
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  return out;
}

std::string be32(std::uint32_t v) {
  std::string out;
  for (int i = 3; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  return out;
}

std::uint32_t readLe32(const std::string& s, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
  return v;
}

// Two chapters over 3 s at 22.05 kHz; the second title has umlauts, quotes and an odd length.
const std::vector<AudioChapter> kChapters = {{0, 22050, "Titel"}, {22050, 66150, "„Größe“ 'x'"}};

void writeWithChapters(const fs::path& p, AudioFormat f) {
  std::vector<std::int16_t> samples(66150);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    samples[i] = static_cast<std::int16_t>(5000 * std::sin(0.05 * double(i)));
  }
  AudioFileWriter w(p.string(), 22050, f, AudioTags{"t", "vorlesen-settings 0123456789abcdef"});
  w.write(samples.data(), samples.size());
  w.setChapters(kChapters);
  w.commit();
}

}  // namespace

TEST_CASE("chapter times: milliseconds rounded to nearest, clock with hours past 24", "[audio]") {
  CHECK(audio::chapterMilliseconds(0, 22050) == 0);
  CHECK(audio::chapterMilliseconds(11, 22050) == 0);   // 0.499 ms
  CHECK(audio::chapterMilliseconds(12, 22050) == 1);   // 0.544 ms
  CHECK(audio::chapterMilliseconds(22050 * 3723 + 11025, 22050) == 3723500);
  CHECK(audio::chapterClock(3723500) == "01:02:03.500");
  CHECK(audio::chapterClock(25 * 3600000 + 1) == "25:00:00.001");
}

TEST_CASE("Vorbis comment chapter fields: CHAPTERnnn and CHAPTERnnnNAME", "[audio]") {
  const auto fields = audio::vorbisChapterFields(kChapters, 22050);
  REQUIRE(fields.size() == 4);
  CHECK(fields[0] == std::make_pair(std::string("CHAPTER001"), std::string("00:00:00.000")));
  CHECK(fields[1] == std::make_pair(std::string("CHAPTER001NAME"), std::string("Titel")));
  CHECK(fields[2] == std::make_pair(std::string("CHAPTER002"), std::string("00:00:01.000")));
  CHECK(fields[3] == std::make_pair(std::string("CHAPTER002NAME"), std::string("„Größe“ 'x'")));
}

TEST_CASE("WAV chapter chunks: cue points and adtl labels byte for byte", "[audio]") {
  const std::string title2 = "„Größe“ 'x'";  // 17 bytes: + ID + NUL = 22, even
  std::string cue = le32(2);
  cue += le32(1) + le32(0) + "data" + le32(0) + le32(0) + le32(0);
  cue += le32(2) + le32(22050) + "data" + le32(0) + le32(0) + le32(22050);
  std::string adtl = "adtl";
  adtl += "labl" + le32(10) + le32(1) + "Titel" + std::string(1, '\0');
  adtl += "labl" + le32(static_cast<std::uint32_t>(4 + title2.size() + 1)) + le32(2) + title2 + std::string(1, '\0');
  if (title2.size() % 2 == 0) adtl.push_back('\0');  // 4 + odd title + NUL is odd: pad
  const std::string expected = "cue " + le32(static_cast<std::uint32_t>(cue.size())) + cue + "LIST" +
                               le32(static_cast<std::uint32_t>(adtl.size())) + adtl;
  CHECK(audio::wavChapterChunks(kChapters) == expected);
  // An odd label: "Ab" + ID + NUL = 7 bytes, padded to 8.
  const std::string odd = audio::wavChapterChunks({{0, 10, "Ab"}});
  CHECK(odd.substr(odd.find("labl")) == "labl" + le32(7) + le32(1) + "Ab" + std::string(2, '\0'));
}

TEST_CASE("a WAV file with chapters: chunks appended, RIFF size fixed, libsndfile still reads it", "[audio]") {
  TempDir dir;
  const fs::path p = dir.path / "c.wav";
  writeWithChapters(p, AudioFormat::Wav);
  const std::string bytes = readAll(p);
  CHECK(readLe32(bytes, 4) == bytes.size() - 8);
  const std::string chunks = audio::wavChapterChunks(kChapters);
  CHECK(bytes.compare(bytes.size() - chunks.size(), chunks.size(), chunks) == 0);
  const AudioFileInfo info = readAudioFileInfo(p.string());
  CHECK(info.frames == 66150);
  CHECK(info.comment == "vorlesen-settings 0123456789abcdef");
  CHECK(fs::directory_iterator(dir.path)->path().filename() == "c.wav");  // no temporary file left
}

TEST_CASE("an MP3 file with chapters: a top-level ordered CTOC and CHAP frames with titles", "[audio]") {
  TempDir dir;
  const fs::path p = dir.path / "c.mp3";
  writeWithChapters(p, AudioFormat::Mp3);
  const std::string bytes = readAll(p);
  REQUIRE(bytes.compare(0, 3, "ID3") == 0);
  CHECK(bytes[3] == 3);  // ID3v2.3
  // CTOC: element ID "toc\0", flags top-level|ordered, 2 children.
  const std::size_t toc = bytes.find("CTOC");
  REQUIRE(toc != std::string::npos);
  CHECK(bytes.substr(toc + 10, 4 + 2 + 10) == std::string("toc\0\x03\x02", 6) + std::string("chp1\0chp2\0", 10));
  // CHAP "chp2": start 1000 ms, end 3000 ms, no byte offsets, then its TIT2 in UTF-16 with a BOM.
  const std::size_t chap = bytes.find(std::string("CHAP", 4), bytes.find("CHAP") + 4);
  REQUIRE(chap != std::string::npos);
  CHECK(bytes.substr(chap + 10, 5) == std::string("chp2\0", 5));
  CHECK(bytes.substr(chap + 15, 16) == be32(1000) + be32(3000) + be32(0xFFFFFFFF) + be32(0xFFFFFFFF));
  CHECK(bytes.substr(chap + 31, 4) == "TIT2");
  std::string utf16 = "\x01\xFF\xFE";
  for (const char16_t c : std::u16string(u"„Größe“ 'x'")) {
    utf16.push_back(static_cast<char>(c & 0xFF));
    utf16.push_back(static_cast<char>(c >> 8));
  }
  CHECK(bytes.substr(chap + 41, utf16.size()) == utf16);
  const AudioFileInfo info = readAudioFileInfo(p.string());
  CHECK(info.comment == "vorlesen-settings 0123456789abcdef");  // libsndfile's own tag kept
}

TEST_CASE("Ogg Vorbis, Opus and FLAC files with chapters: CHAPTER comments in the Vorbis comment", "[audio]") {
  TempDir dir;
  for (AudioFormat f : {AudioFormat::OggVorbis, AudioFormat::Opus, AudioFormat::Flac}) {
    INFO(audioFormatName(f));
    const fs::path p = dir.path / ("c" + audioFormatExtension(f));
    writeWithChapters(p, f);
    const std::string bytes = readAll(p);
    // Each comment is a little-endian length and "KEY=value".
    for (const std::string field : {"CHAPTER001=00:00:00.000", "CHAPTER002=00:00:01.000",
                                     "CHAPTER001NAME=Titel", "CHAPTER002NAME=„Größe“ 'x'"}) {
      CHECK(bytes.find(le32(static_cast<std::uint32_t>(field.size())) + field) != std::string::npos);
    }
    const AudioFileInfo info = readAudioFileInfo(p.string());
    CHECK(info.comment == "vorlesen-settings 0123456789abcdef");
    CHECK(info.frames > 0);
  }
}

TEST_CASE("the same audio and chapters give the same bytes (Ogg serial fixed after TagLib)", "[audio]") {
  TempDir dir;
  for (AudioFormat f : {AudioFormat::OggVorbis, AudioFormat::Opus, AudioFormat::Mp3, AudioFormat::Flac}) {
    INFO(audioFormatName(f));
    writeWithChapters(dir.path / ("a" + audioFormatExtension(f)), f);
    writeWithChapters(dir.path / ("b" + audioFormatExtension(f)), f);
    CHECK(readAll(dir.path / ("a" + audioFormatExtension(f))) == readAll(dir.path / ("b" + audioFormatExtension(f))));
  }
}
