// vorlesen — where audio goes (the last stage).
//
//   PCM blocks --AudioSink::write()--> file (AudioFileWriter) | memory (tests) | speakers (player)
//
// AudioFileWriter streams to a temporary file beside the target and renames it into place only in
// commit(); if it is destroyed uncommitted (error, exception) the temporary file is removed, so a
// failed run never leaves a half-written output. Not thread-safe; one writer per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

struct sf_private_tag;  // libsndfile's SNDFILE

namespace vorlesen {

class AudioSink {
 public:
  virtual ~AudioSink() = default;
  virtual void write(const std::int16_t* samples, std::size_t count) = 0;
};

class MemorySink final : public AudioSink {
 public:
  void write(const std::int16_t* samples, std::size_t count) override {
    samples_.insert(samples_.end(), samples, samples + count);
  }
  const std::vector<std::int16_t>& samples() const { return samples_; }

 private:
  std::vector<std::int16_t> samples_;
};

enum class AudioFormat { Wav };

// The format implied by the file name's extension; throws Error::usage for an unknown one.
AudioFormat audioFormatForPath(const std::string& path);

class AudioFileWriter final : public AudioSink {
 public:
  // Opens a temporary file in the target's directory. Throws Error::output when that directory
  // does not exist or is not writable.
  AudioFileWriter(std::string path, int sample_rate, AudioFormat format);
  ~AudioFileWriter() override;
  AudioFileWriter(const AudioFileWriter&) = delete;
  AudioFileWriter& operator=(const AudioFileWriter&) = delete;

  void write(const std::int16_t* samples, std::size_t count) override;
  // Finishes the file and renames it to the target path. Throws Error::output on failure.
  void commit();
  std::size_t samplesWritten() const { return written_; }

 private:
  void discard() noexcept;
  std::string path_;
  std::string tmp_path_;
  sf_private_tag* file_ = nullptr;
  std::size_t written_ = 0;
};

}  // namespace vorlesen
