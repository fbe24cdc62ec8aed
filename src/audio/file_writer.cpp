#include <fcntl.h>
#include <ogg/ogg.h>
#include <samplerate.h>
#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <filesystem>

#include "audio/chapter_marks.h"
#include "common/atomic_file.h"
#include "common/hash.h"
#include "vorlesen/audio_sink.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/text.h"

namespace fs = std::filesystem;

namespace vorlesen {

namespace {

struct FormatEntry {
  AudioFormat format;
  const char* name;
  const char* extension;
  int sndfile_format;
};

constexpr std::array<FormatEntry, 5> kFormats{{
    {AudioFormat::Wav, "wav", ".wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16},
    {AudioFormat::Flac, "flac", ".flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16},
    {AudioFormat::OggVorbis, "ogg", ".ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS},
    {AudioFormat::Opus, "opus", ".opus", SF_FORMAT_OGG | SF_FORMAT_OPUS},
    {AudioFormat::Mp3, "mp3", ".mp3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III},
}};

// Opus encodes only 8, 12, 16, 24 or 48 kHz; eSpeak NG speaks at 22.05 kHz.
constexpr int kOpusRate = 24000;

const FormatEntry& entry(AudioFormat format) {
  for (const FormatEntry& e : kFormats) {
    if (e.format == format) return e;
  }
  return kFormats[0];
}

bool isOgg(AudioFormat format) { return (entry(format).sndfile_format & SF_FORMAT_TYPEMASK) == SF_FORMAT_OGG; }

std::string formatList() {
  std::string out;
  for (const FormatEntry& e : kFormats) out += std::string(out.empty() ? "" : ", ") + e.name;
  return out;
}

int fileRate(AudioFormat format, int sample_rate) { return format == AudioFormat::Opus ? kOpusRate : sample_rate; }

// The one place a libsndfile error becomes an Error.
Error sndfileError(SNDFILE* file, const std::string& path, const std::string& what) {
  // libsndfile words its errors in English only; `what` is translated by the caller.
  return Error::output(path + ": " + what + ": " + sf_strerror(file));
}

// libsndfile seeds the Ogg stream serial number from the clock, so two renderings of the same audio
// would differ. Rewrite it in every page header of the finished stream (and fix the page checksum):
// the pages keep their size, so this happens in place.
void setOggSerial(int fd, std::uint32_t serial, const std::string& path) {
  ogg_sync_state sync;
  ogg_sync_init(&sync);
  struct SyncGuard {
    ogg_sync_state* s;
    ~SyncGuard() { ogg_sync_clear(s); }
  } guard{&sync};
  off_t read_at = 0;
  off_t page_at = 0;
  for (;;) {
    ogg_page page;
    const long n = ogg_sync_pageseek(&sync, &page);
    if (n > 0) {
      for (int i = 0; i < 4; ++i) page.header[14 + i] = static_cast<unsigned char>(serial >> (8 * i));
      ogg_page_checksum_set(&page);
      if (::pwrite(fd, page.header, static_cast<std::size_t>(page.header_len), page_at) != page.header_len) {
        throw Error::fromErrno(ErrorKind::Output, path, N_("cannot finish Ogg stream"), errno);
      }
      page_at += n;
      continue;
    }
    if (n < 0) {  // bytes that are not a page: cannot happen in a stream we just wrote
      page_at += -n;
      continue;
    }
    constexpr long kChunk = 65536;
    char* buffer = ogg_sync_buffer(&sync, kChunk);
    const ssize_t got = ::pread(fd, buffer, kChunk, read_at);
    if (got < 0) throw Error::fromErrno(ErrorKind::Output, path, N_("cannot finish Ogg stream"), errno);
    if (got == 0) break;
    ogg_sync_wrote(&sync, got);
    read_at += got;
  }
}

// libsamplerate's error codes become an Error here.
Error resampleError(const std::string& path, int code) {
  return Error::output(format(tr("{}: cannot resample for Opus: {}"), path, src_strerror(code)));
}

}  // namespace

AudioFormat audioFormatForPath(const std::string& path) {
  const std::string ext = lowerAscii(fs::path(path).extension().string());
  if (ext == ".oga") return AudioFormat::OggVorbis;
  for (const FormatEntry& e : kFormats) {
    if (ext == e.extension) return e.format;
  }
  throw Error::usage(format(tr("{}: unknown audio format '{}' (supported: {})"), path,
                            ext.empty() ? std::string(tr("(none)")) : ext, formatList()));
}

AudioFormat audioFormatByName(const std::string& name) {
  const std::string n = lowerAscii(name);
  if (n == "vorbis") return AudioFormat::OggVorbis;
  for (const FormatEntry& e : kFormats) {
    if (n == e.name) return e.format;
  }
  throw Error::usage(format(tr("unknown audio format '{}' (supported: {})"), name, formatList()));
}

std::string audioFormatName(AudioFormat format) { return entry(format).name; }
std::string audioFormatExtension(AudioFormat format) { return entry(format).extension; }

std::vector<AudioFormat> availableAudioFormats() {
  std::vector<AudioFormat> out;
  for (const FormatEntry& e : kFormats) {
    SF_INFO info{};
    info.samplerate = fileRate(e.format, 22050);
    info.channels = 1;
    info.format = e.sndfile_format;
    if (sf_format_check(&info)) out.push_back(e.format);
  }
  return out;
}

AudioFileInfo readAudioFileInfo(const std::string& path) {
  SF_INFO info{};
  SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
  if (!file) throw Error::input(format(tr("{}: cannot read audio file: {}"), path, sf_strerror(nullptr)));
  AudioFileInfo out;
  out.sample_rate = info.samplerate;
  out.frames = info.frames > 0 ? static_cast<std::size_t>(info.frames) : 0;
  if (const char* c = sf_get_string(file, SF_STR_COMMENT)) out.comment = c;
  sf_close(file);
  return out;
}

struct AudioFileWriter::Impl {
  AtomicFile out;
  AudioFormat format;
  SNDFILE* file = nullptr;
  SRC_STATE* resampler = nullptr;  // Opus only
  double ratio = 1.0;
  std::vector<float> in_buf, out_buf;
  Fnv1a64 content;  // seeds the Ogg serial number (Ogg formats only: hashing costs 3 % of a WAV render)
  int sample_rate = 0;  // of the samples given to write(); chapter times count in it
  std::vector<AudioChapter> chapters;
  // Samples not yet given to libsndfile, which writes what it gets at once: eSpeak's blocks of 1 KB
  // each cost a write(2) (twice as many as espeak-ng -w makes), 64 KB at a time a few.
  static constexpr std::size_t kPendingSamples = 32768;
  std::vector<std::int16_t> pending;

  Impl(std::string path, AudioFormat f) : out(std::move(path)), format(f) {}
  ~Impl() {
    if (file) sf_close(file);
    if (resampler) src_delete(resampler);
  }

  void flush() {
    if (pending.empty()) return;
    if (sf_write_short(file, pending.data(), static_cast<sf_count_t>(pending.size())) !=
        static_cast<sf_count_t>(pending.size())) {
      throw sndfileError(file, out.path(), tr("cannot write audio"));
    }
    pending.clear();
  }

  void writeFloats(const float* samples, std::size_t count) {
    if (count == 0) return;
    if (sf_write_float(file, samples, static_cast<sf_count_t>(count)) != static_cast<sf_count_t>(count)) {
      throw sndfileError(file, out.path(), tr("cannot write audio"));
    }
  }

  void resample(const std::int16_t* samples, std::size_t count, bool last) {
    in_buf.resize(count);
    if (count > 0) src_short_to_float_array(samples, in_buf.data(), static_cast<int>(count));
    SRC_DATA data{};
    data.data_in = in_buf.data();
    data.input_frames = static_cast<long>(count);
    data.src_ratio = ratio;
    data.end_of_input = last ? 1 : 0;
    out_buf.resize(count * 2 + 4096);
    do {
      data.data_out = out_buf.data();
      data.output_frames = static_cast<long>(out_buf.size());
      if (const int rc = src_process(resampler, &data)) throw resampleError(out.path(), rc);
      writeFloats(out_buf.data(), static_cast<std::size_t>(data.output_frames_gen));
      data.data_in += data.input_frames_used;
      data.input_frames -= data.input_frames_used;
    } while (data.input_frames > 0 || (last && data.output_frames_gen > 0));
  }
};

AudioFileWriter::AudioFileWriter(std::string path, int sample_rate, AudioFormat format, const AudioTags& tags)
    : impl_(std::make_unique<Impl>(std::move(path), format)) {
  const std::string& target = impl_->out.path();
  impl_->sample_rate = sample_rate;
  SF_INFO info{};
  info.samplerate = fileRate(format, sample_rate);
  info.channels = 1;
  info.format = entry(format).sndfile_format;
  impl_->file = sf_open_fd(impl_->out.fd(), SFM_WRITE, &info, SF_FALSE);
  if (!impl_->file) {
    throw sndfileError(nullptr, target, vorlesen::format(tr("cannot start {} file"), audioFormatName(format)));
  }
  // Tags are optional decoration: a format that cannot hold one simply goes without.
  if (!tags.title.empty()) sf_set_string(impl_->file, SF_STR_TITLE, tags.title.c_str());
  if (!tags.comment.empty()) sf_set_string(impl_->file, SF_STR_COMMENT, tags.comment.c_str());
  if (format == AudioFormat::Opus) {
    int rc = 0;
    impl_->resampler = src_new(SRC_SINC_MEDIUM_QUALITY, 1, &rc);
    if (!impl_->resampler) throw resampleError(target, rc);
    impl_->ratio = static_cast<double>(kOpusRate) / sample_rate;
  }
}

AudioFileWriter::~AudioFileWriter() = default;

void AudioFileWriter::write(const std::int16_t* samples, std::size_t count) {
  if (count == 0) return;
  if (isOgg(impl_->format)) impl_->content.add(samples, count * sizeof *samples);
  if (impl_->resampler) {
    impl_->resample(samples, count, false);
  } else {
    impl_->pending.insert(impl_->pending.end(), samples, samples + count);
    if (impl_->pending.size() >= Impl::kPendingSamples) impl_->flush();
  }
  // Every 2^19 samples (a megabyte of 16-bit audio) the disk writes of what is in the file so far
  // start, so that commit()'s fdatasync waits for the last stretch, not for the whole file.
  if ((written_ + count) >> 19 != written_ >> 19) ::sync_file_range(impl_->out.fd(), 0, 0, SYNC_FILE_RANGE_WRITE);
  written_ += count;
}

void AudioFileWriter::setChapters(std::vector<AudioChapter> chapters) { impl_->chapters = std::move(chapters); }

namespace {

// Chapter marks into the closed file (before the Ogg serial number is fixed: TagLib rewrites pages).
void writeChapters(const AtomicFile& out, AudioFormat format, const std::vector<AudioChapter>& chapters,
                   int sample_rate) {
  if (chapters.empty()) return;
  if (format == AudioFormat::Wav) {
    audio::appendWavChapters(out.fd(), out.path(), chapters);
  } else if (format == AudioFormat::Mp3) {
    audio::writeId3Chapters(out.temporaryPath(), out.path(), chapters, sample_rate);
  } else {
    audio::writeXiphChapters(out.temporaryPath(), format, out.path(), chapters, sample_rate);
  }
}

}  // namespace

void AudioFileWriter::commit() {
  if (impl_->resampler) impl_->resample(nullptr, 0, true);
  impl_->flush();
  const int rc = sf_close(impl_->file);
  impl_->file = nullptr;
  if (rc != 0) throw Error::output(format(tr("{}: cannot finish audio file: {}"), impl_->out.path(), sf_error_number(rc)));
  writeChapters(impl_->out, impl_->format, impl_->chapters, impl_->sample_rate);
  if (isOgg(impl_->format)) {
    setOggSerial(impl_->out.fd(), static_cast<std::uint32_t>(impl_->content.value() & 0x7fffffff), impl_->out.path());
  }
  impl_->out.commit();
}

}  // namespace vorlesen
