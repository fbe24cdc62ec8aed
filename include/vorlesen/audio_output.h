// vorlesen — real-time audio outputs the player pulls through (speakers, a clock, memory).
//
//   Player (an AudioSource) <--render() on the output's thread-- AudioOutput --> PortAudio | clock | memory
//
// An AudioOutput calls its source's render() from one thread of its own (PortAudio's callback
// thread, the null output's clock thread, or the thread calling MemoryOutput::pull()); render() and
// available() are never called concurrently. The source must not lock, allocate or block in them.
// Audio is mono int16 at the synthesizer's rate (22050 Hz for eSpeak NG).
//
// Ownership: the caller owns the output and the source and keeps the source alive until stop() has
// returned (or the output is destroyed, which stops it). audibleFrames() and failure() are
// thread-safe; start() and stop() are called from one controlling thread.
//
// PortAudio's error codes become vorlesen::Error (kind Audio) in exactly one function, in
// src/audio/portaudio_output.cpp. ALSA's, JACK's and PortAudio's own stderr chatter is silenced
// while PortAudio probes and while its stream is open (src/common/stderr.h); the program's own
// warnings still reach the terminal.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "vorlesen/error.h"

namespace vorlesen {

class AudioSource {
 public:
  virtual ~AudioSource() = default;
  // Fills out[0, frames). Frames the source cannot supply are zeros (an underrun).
  virtual void render(std::int16_t* out, std::size_t frames) noexcept = 0;
  // How many frames render() could deliver now without an underrun. While paused the source plays
  // silence, which is no underrun: then it is SIZE_MAX.
  virtual std::size_t available() noexcept = 0;
  // True when the source has nothing more to give until it is told otherwise (end of the document).
  virtual bool drained() noexcept = 0;
};

class AudioOutput {
 public:
  virtual ~AudioOutput() = default;
  // Human-readable: the device name, "null" or "memory".
  virtual std::string name() const = 0;
  // Begins pulling from `source` at `sample_rate`. Throws Error::audio when the device cannot play.
  virtual void start(AudioSource& source, int sample_rate) = 0;
  // Stops pulling; after it returns render() is no longer called. Idempotent.
  virtual void stop() noexcept = 0;
  // How many of the frames rendered since start() have reached the listener's ears by now
  // (the DAC position, so it lags the rendered count by the output latency). Thread-safe.
  virtual std::uint64_t audibleFrames() const noexcept = 0;
  // Empty while the output works; once it failed (device lost mid-play) an Error of kind Audio
  // saying so in one line. Thread-safe.
  virtual std::optional<Error> failure() const = 0;
};

struct AudioDeviceInfo {
  int index = -1;                // what --device INDEX accepts
  std::string name;              // what --device NAME accepts
  std::string host_api;          // "ALSA", "JACK Audio Connection Kit", ...
  int max_output_channels = 0;
  double default_sample_rate = 0;
  bool is_default = false;
};

// PortAudio's output devices (devices with no output channels are left out). Throws Error::audio
// when PortAudio cannot start at all. An empty list is not an error.
std::vector<AudioDeviceInfo> listAudioDevices();

// Opens the output `device` names: "" for the system default, "null" for the built-in silent output
// paced by the clock, a device index, or a device name (exact, else a unique substring). PortAudio
// is initialized here (35-170 ms on Linux): create the player first so synthesis runs meanwhile.
// Throws Error::audio with a message suggesting `vorlesen render` or `--device null` when there is
// no usable device, and Error::usage when `device` matches none or several devices.
std::unique_ptr<AudioOutput> openAudioOutput(const std::string& device);

// Silent output paced by a steady clock: render() is called every few milliseconds for the frames
// due by then, and a frame counts as heard once its time has come. For machines without audio.
std::unique_ptr<AudioOutput> makeNullOutput();

// Output for tests: nothing happens until the test calls pull(), which renders frames on the
// calling thread and appends them to samples(). Deterministic: a frame counts as heard once pulled.
class MemoryOutput final : public AudioOutput {
 public:
  std::string name() const override { return "memory"; }
  void start(AudioSource& source, int sample_rate) override;
  void stop() noexcept override;
  std::uint64_t audibleFrames() const noexcept override { return pulled_.load(std::memory_order_acquire); }
  std::optional<Error> failure() const override;

  // Renders `frames` frames. Before rendering it waits (up to `wait_ms`) until the source can supply
  // them without an underrun, or is drained, so tests see the same samples on every run. Returns the
  // number of frames that were underruns (zeros the source could not supply).
  std::size_t pull(std::size_t frames, int wait_ms = 2000);
  // Pulls until the source is drained (or `max_frames`, whichever first); returns frames pulled.
  std::size_t pullUntilDrained(std::size_t chunk = 1024, std::size_t max_frames = SIZE_MAX);
  // Makes the output report a device failure (Error::audio(message)), as a lost device would.
  void fail(const std::string& message);

  const std::vector<std::int16_t>& samples() const { return samples_; }
  int sampleRate() const { return sample_rate_; }

 private:
  AudioSource* source_ = nullptr;
  int sample_rate_ = 0;
  std::vector<std::int16_t> samples_;
  std::atomic<std::uint64_t> pulled_{0};
  mutable std::mutex failure_mutex_;
  std::optional<Error> failure_;  // guarded by failure_mutex_
};

}  // namespace vorlesen
