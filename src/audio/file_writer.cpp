#include <fcntl.h>
#include <sndfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <filesystem>

#include "vorlesen/audio_sink.h"
#include "vorlesen/error.h"

namespace fs = std::filesystem;

namespace vorlesen {

namespace {

std::string lowercaseExtension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// The one place a libsndfile error becomes an Error.
Error sndfileError(SNDFILE* file, const std::string& path, const std::string& what) {
  return Error::output(path + ": " + what + ": " + sf_strerror(file));
}

}  // namespace

AudioFormat audioFormatForPath(const std::string& path) {
  const std::string ext = lowercaseExtension(path);
  if (ext == ".wav") return AudioFormat::Wav;
  throw Error::usage(path + ": unknown audio format '" + (ext.empty() ? std::string("(none)") : ext) +
                     "' (supported: .wav)");
}

AudioFileWriter::AudioFileWriter(std::string path, int sample_rate, AudioFormat format) : path_(std::move(path)) {
  const fs::path target(path_);
  std::error_code ec;
  if (fs::is_directory(target, ec)) throw Error::output(path_ + ": is a directory, expected an output file name");
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // The temporary file lives beside the target so that the final rename is atomic.
  std::string pattern = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw Error::fromErrno(ErrorKind::Output, path_, "cannot create output file", errno);
  tmp_path_ = pattern;
  // mkstemp creates 0600; give the file the permissions a plain create would (0666 & ~umask).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);

  SF_INFO info{};
  info.samplerate = sample_rate;
  info.channels = 1;
  switch (format) {
    case AudioFormat::Wav: info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16; break;
  }
  file_ = sf_open_fd(fd, SFM_WRITE, &info, SF_TRUE);
  if (!file_) {
    const Error e = sndfileError(nullptr, path_, "cannot start audio file");
    ::close(fd);
    discard();
    throw e;
  }
}

AudioFileWriter::~AudioFileWriter() { discard(); }

void AudioFileWriter::write(const std::int16_t* samples, std::size_t count) {
  if (count == 0) return;
  const sf_count_t n = sf_write_short(file_, samples, static_cast<sf_count_t>(count));
  if (n != static_cast<sf_count_t>(count)) throw sndfileError(file_, path_, "cannot write audio");
  written_ += count;
}

void AudioFileWriter::commit() {
  sf_write_sync(file_);
  const int rc = sf_close(file_);
  file_ = nullptr;
  if (rc != 0) throw Error::output(path_ + ": cannot finish audio file: " + sf_error_number(rc));
  if (std::rename(tmp_path_.c_str(), path_.c_str()) != 0) {
    throw Error::fromErrno(ErrorKind::Output, path_, "cannot move finished file into place", errno);
  }
  tmp_path_.clear();
}

void AudioFileWriter::discard() noexcept {
  if (file_) {
    sf_close(file_);
    file_ = nullptr;
  }
  if (!tmp_path_.empty()) {
    std::remove(tmp_path_.c_str());
    tmp_path_.clear();
  }
}

}  // namespace vorlesen
