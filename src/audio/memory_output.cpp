#include <chrono>
#include <thread>

#include "vorlesen/audio_output.h"

namespace vorlesen {

void MemoryOutput::start(AudioSource& source, int sample_rate) {
  source_ = &source;
  sample_rate_ = sample_rate;
  pulled_.store(0, std::memory_order_release);  // audibleFrames() counts from start(), as for PortAudio
}

void MemoryOutput::stop() noexcept { source_ = nullptr; }

std::optional<Error> MemoryOutput::failure() const {
  std::lock_guard<std::mutex> lock(failure_mutex_);
  return failure_;
}

void MemoryOutput::fail(const std::string& message) {
  std::lock_guard<std::mutex> lock(failure_mutex_);
  failure_ = Error::audio(message);
}

namespace {

void waitUntilReady(AudioSource& source, std::size_t frames, int wait_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  while (source.available() < frames && !source.drained() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
}

}  // namespace

std::size_t MemoryOutput::pull(std::size_t frames, int wait_ms) {
  if (!source_ || frames == 0) return 0;
  waitUntilReady(*source_, frames, wait_ms);
  const std::size_t supplied = std::min(source_->available(), frames);
  const std::size_t at = samples_.size();
  samples_.resize(at + frames);
  source_->render(samples_.data() + at, frames);
  pulled_.fetch_add(frames, std::memory_order_release);
  return frames - supplied;
}

std::size_t MemoryOutput::pullUntilDrained(std::size_t chunk, std::size_t max_frames) {
  std::size_t total = 0;
  while (source_ && total < max_frames) {
    const std::size_t n = std::min(chunk, max_frames - total);
    // Check before pulling: what comes after the last sample is not part of the document.
    waitUntilReady(*source_, n, 2000);
    if (source_->drained()) break;
    pull(n);
    total += n;
  }
  return total;
}

}  // namespace vorlesen
