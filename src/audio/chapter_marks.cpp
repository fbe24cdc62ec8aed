#include "audio/chapter_marks.h"

#include <taglib/chapterframe.h>
#include <taglib/flacfile.h>
#include <taglib/id3v2tag.h>
#include <taglib/mpegfile.h>
#include <taglib/opusfile.h>
#include <taglib/tableofcontentsframe.h>
#include <taglib/textidentificationframe.h>
#include <taglib/vorbisfile.h>
#include <taglib/xiphcomment.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <limits>

#include "vorlesen/error.h"
#include "vorlesen/i18n.h"

namespace vorlesen::audio {

namespace {

// ID3v2 CHAP frames give no byte offsets: all ones says so (ID3v2 chapter addendum).
constexpr unsigned int kNoOffset = 0xFFFFFFFFu;

void appendLe32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

std::uint32_t readLe32(const unsigned char* p) {
  return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

// A RIFF chunk: id, little-endian size, data, and a pad byte when the size is odd.
void appendChunk(std::string& out, const char* id, const std::string& data) {
  out.append(id, 4);
  appendLe32(out, static_cast<std::uint32_t>(data.size()));
  out += data;
  if (data.size() % 2 != 0) out.push_back('\0');
}

std::uint32_t wavPosition(std::size_t sample) {
  return static_cast<std::uint32_t>(std::min<std::size_t>(sample, std::numeric_limits<std::uint32_t>::max()));
}

std::string cueChunk(const std::vector<AudioChapter>& chapters) {
  std::string cue;
  appendLe32(cue, static_cast<std::uint32_t>(chapters.size()));
  for (std::size_t k = 0; k < chapters.size(); ++k) {
    const std::uint32_t at = wavPosition(chapters[k].start);
    appendLe32(cue, static_cast<std::uint32_t>(k + 1));  // cue point ID, the labl's key
    appendLe32(cue, at);                                 // position in play order (no playlist: the sample)
    cue += "data";                                       // the chunk the cue points into
    appendLe32(cue, 0);                                  // chunk start (no wavl list)
    appendLe32(cue, 0);                                  // block start (PCM)
    appendLe32(cue, at);                                 // sample offset in the data chunk
  }
  std::string out;
  appendChunk(out, "cue ", cue);
  return out;
}

std::string adtlChunk(const std::vector<AudioChapter>& chapters) {
  std::string list = "adtl";
  for (std::size_t k = 0; k < chapters.size(); ++k) {
    std::string labl;
    appendLe32(labl, static_cast<std::uint32_t>(k + 1));
    labl += chapters[k].title.c_str();  // a NUL would end the text anyway
    labl.push_back('\0');
    appendChunk(list, "labl", labl);
  }
  std::string out;
  appendChunk(out, "LIST", list);
  return out;
}

// The one place where TagLib's failures (it reports only true/false) become an Error.
Error taglibError(const std::string& path, const char* what) {
  return Error::output(format(tr("{}: cannot write chapter marks: {}"), path, tr(what)));
}

void addXiphFields(TagLib::Ogg::XiphComment& comment, const std::vector<AudioChapter>& chapters, int sample_rate) {
  for (const auto& [key, value] : vorbisChapterFields(chapters, sample_rate)) {
    comment.addField(TagLib::String(key, TagLib::String::UTF8), TagLib::String(value, TagLib::String::UTF8), true);
  }
}

template <class TagLibFile>
void saveXiph(TagLibFile& file, TagLib::Ogg::XiphComment* comment, const std::string& path,
              const std::vector<AudioChapter>& chapters, int sample_rate) {
  if (!file.isValid() || !comment) throw taglibError(path, N_("TagLib cannot read the finished file."));
  addXiphFields(*comment, chapters, sample_rate);
  if (!file.save()) throw taglibError(path, N_("TagLib cannot save the Vorbis comment."));
}

}  // namespace

std::size_t chapterMilliseconds(std::size_t sample, int sample_rate) {
  const auto rate = static_cast<std::size_t>(sample_rate);
  return (sample * 1000 + rate / 2) / rate;
}

std::string chapterClock(std::size_t ms) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02zu:%02zu:%02zu.%03zu", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
  return buf;
}

std::vector<std::pair<std::string, std::string>> vorbisChapterFields(const std::vector<AudioChapter>& chapters,
                                                                     int sample_rate) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t k = 0; k < chapters.size(); ++k) {
    char key[32];
    std::snprintf(key, sizeof key, "CHAPTER%03zu", k + 1);
    out.emplace_back(key, chapterClock(chapterMilliseconds(chapters[k].start, sample_rate)));
    out.emplace_back(std::string(key) + "NAME", chapters[k].title);
  }
  return out;
}

std::string wavChapterChunks(const std::vector<AudioChapter>& chapters) {
  return cueChunk(chapters) + adtlChunk(chapters);
}

void appendWavChapters(int fd, const std::string& path, const std::vector<AudioChapter>& chapters) {
  unsigned char header[12];
  if (::pread(fd, header, sizeof header, 0) != static_cast<ssize_t>(sizeof header) ||
      std::string(reinterpret_cast<char*>(header), 4) != "RIFF" ||
      std::string(reinterpret_cast<char*>(header) + 8, 4) != "WAVE") {
    throw Error::output(format(tr("{}: cannot write chapter marks: the file is not a RIFF/WAVE file."), path));
  }
  const off_t end = ::lseek(fd, 0, SEEK_END);
  if (end < 0) throw Error::fromErrno(ErrorKind::Output, path, tr("cannot write chapter marks"), errno);
  std::string bytes = end % 2 != 0 ? std::string(1, '\0') : std::string();  // chunks start at even offsets
  bytes += wavChapterChunks(chapters);
  const std::uint64_t riff_size = static_cast<std::uint64_t>(end) + bytes.size() - 8;
  const bool consistent = std::uint64_t(readLe32(header + 4)) + 8 <= std::uint64_t(end);
  if (riff_size > std::numeric_limits<std::uint32_t>::max() || !consistent) {
    throw Error::output(format(tr("{}: cannot write chapter marks: the WAV file is too long for them."), path));
  }
  std::string size;
  appendLe32(size, static_cast<std::uint32_t>(riff_size));
  if (::pwrite(fd, bytes.data(), bytes.size(), end) != static_cast<ssize_t>(bytes.size()) ||
      ::pwrite(fd, size.data(), size.size(), 4) != static_cast<ssize_t>(size.size())) {
    throw Error::fromErrno(ErrorKind::Output, path, tr("cannot write chapter marks"), errno);
  }
}

void writeId3Chapters(const std::string& file, const std::string& path, const std::vector<AudioChapter>& chapters,
                      int sample_rate) {
  TagLib::MPEG::File mp3(file.c_str(), false);
  if (!mp3.isValid()) throw taglibError(path, N_("TagLib cannot read the finished MP3 file."));
  TagLib::ID3v2::Tag* tag = mp3.ID3v2Tag(true);
  TagLib::ByteVectorList children;
  for (std::size_t k = 0; k < chapters.size(); ++k) {
    children.append(TagLib::ByteVector(("chp" + std::to_string(k + 1)).c_str()));
  }
  auto* toc = new TagLib::ID3v2::TableOfContentsFrame("toc", children);
  toc->setIsTopLevel(true);
  toc->setIsOrdered(true);
  tag->addFrame(toc);  // the tag owns its frames
  for (std::size_t k = 0; k < chapters.size(); ++k) {
    auto* title = new TagLib::ID3v2::TextIdentificationFrame("TIT2", TagLib::String::UTF8);
    title->setText(TagLib::String(chapters[k].title, TagLib::String::UTF8));
    TagLib::ID3v2::FrameList embedded;
    embedded.append(title);  // the chapter frame owns it
    const auto start = static_cast<unsigned int>(chapterMilliseconds(chapters[k].start, sample_rate));
    const auto stop = static_cast<unsigned int>(chapterMilliseconds(chapters[k].end, sample_rate));
    tag->addFrame(new TagLib::ID3v2::ChapterFrame(children[static_cast<unsigned int>(k)], start, stop, kNoOffset,
                                                   kNoOffset, embedded));
  }
  if (!mp3.save(TagLib::MPEG::File::ID3v2, TagLib::File::StripNone, TagLib::ID3v2::v3, TagLib::File::DoNotDuplicate)) {
    throw taglibError(path, N_("TagLib cannot save the ID3v2 tag."));
  }
}

void writeXiphChapters(const std::string& file, AudioFormat format, const std::string& path,
                       const std::vector<AudioChapter>& chapters, int sample_rate) {
  if (format == AudioFormat::Flac) {
    TagLib::FLAC::File flac(file.c_str(), false);
    saveXiph(flac, flac.isValid() ? flac.xiphComment(true) : nullptr, path, chapters, sample_rate);
  } else if (format == AudioFormat::Opus) {
    TagLib::Ogg::Opus::File opus(file.c_str(), false);
    saveXiph(opus, opus.isValid() ? opus.tag() : nullptr, path, chapters, sample_rate);
  } else if (format == AudioFormat::OggVorbis) {
    TagLib::Ogg::Vorbis::File vorbis(file.c_str(), false);
    saveXiph(vorbis, vorbis.isValid() ? vorbis.tag() : nullptr, path, chapters, sample_rate);
  } else {
    throw taglibError(path, N_("the format has no Vorbis comment."));
  }
}

}  // namespace vorlesen::audio
