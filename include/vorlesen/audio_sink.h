// vorlesen — where audio goes (the last stage).
//
//   PCM blocks --AudioSink::write()--> file (AudioFileWriter) | memory (tests) | speakers (player)
//
// AudioFileWriter streams to a temporary file beside the target and renames it into place only in
// commit(); if it is destroyed uncommitted (error, exception) the temporary file is removed, so a
// failed run never leaves a half-written output. Formats are whatever Debian 12's libsndfile 1.2.0
// writes: WAV and FLAC (16-bit PCM), Ogg Vorbis, Ogg Opus (resampled to 24 kHz with libsamplerate:
// Opus takes no 22.05 kHz) and MP3 (LAME). The same samples always give the same bytes, also for Ogg,
// whose stream serial number is derived from the audio instead of the clock. Not thread-safe; one
// writer per thread.
//
// Chapter marks (setChapters) go into the finished file before it is renamed: ID3v2 CHAP frames
// under a top-level, ordered CTOC for MP3 (TagLib), CHAPTERxxx / CHAPTERxxxNAME Vorbis comments for
// Ogg Vorbis, Opus and FLAC (TagLib), and a `cue ` chunk with a LIST/adtl `labl` per cue for WAV
// (src/audio/chapter_marks.*).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

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

enum class AudioFormat { Wav, Flac, OggVorbis, Opus, Mp3 };

// The format implied by the file name's extension (.wav .flac .ogg .oga .opus .mp3); throws
// Error::usage for an unknown one.
AudioFormat audioFormatForPath(const std::string& path);
// The format called `name` (wav flac ogg vorbis opus mp3); throws Error::usage for an unknown one.
AudioFormat audioFormatByName(const std::string& name);
std::string audioFormatName(AudioFormat format);       // "wav", "flac", "ogg", "opus", "mp3"
std::string audioFormatExtension(AudioFormat format);  // ".wav" ...
// The formats this build's libsndfile can write, in the order above.
std::vector<AudioFormat> availableAudioFormats();

// Text tags stored in the file (RIFF INFO, Vorbis comments or ID3, depending on the format).
struct AudioTags {
  std::string title;
  std::string comment;
};

// One chapter of the audio: from `start` to `end` (samples at the rate given to the writer, end
// exclusive), called `title` (UTF-8, one line).
struct AudioChapter {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string title;
};

// What libsndfile reads back from a finished file. Throws Error::input when it cannot open it.
struct AudioFileInfo {
  int sample_rate = 0;
  std::size_t frames = 0;
  std::string comment;
};
AudioFileInfo readAudioFileInfo(const std::string& path);

class AudioFileWriter final : public AudioSink {
 public:
  // Opens a temporary file in the target's directory. Throws Error::output when that directory
  // does not exist or is not writable.
  AudioFileWriter(std::string path, int sample_rate, AudioFormat format, const AudioTags& tags = {});
  ~AudioFileWriter() override;
  AudioFileWriter(const AudioFileWriter&) = delete;
  AudioFileWriter& operator=(const AudioFileWriter&) = delete;

  void write(const std::int16_t* samples, std::size_t count) override;
  // Chapter marks commit() writes into the file, in order, the first starting at 0. Call it any
  // time before commit(); none (the default) writes none.
  void setChapters(std::vector<AudioChapter> chapters);
  // Finishes the file and renames it to the target path. Throws Error::output on failure.
  void commit();
  // Samples passed to write(), at the rate given to the constructor.
  std::size_t samplesWritten() const { return written_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::size_t written_ = 0;
};

}  // namespace vorlesen
