// The built-in "null" device: plays nothing, but takes samples at the real-time rate so that the
// player behaves (and reports its position) as it would with speakers.
#include <array>
#include <atomic>
#include <chrono>
#include <thread>

#include "vorlesen/audio_output.h"

namespace vorlesen {

namespace {

class NullOutput final : public AudioOutput {
 public:
  ~NullOutput() override { stop(); }
  std::string name() const override { return "null"; }

  void start(AudioSource& source, int sample_rate) override {
    stop();
    source_ = &source;
    sample_rate_ = sample_rate;
    rendered_ = 0;
    running_ = true;
    start_time_ = Clock::now();
    thread_ = std::thread([this] { run(); });
  }

  void stop() noexcept override {
    running_ = false;
    if (thread_.joinable()) thread_.join();
  }

  std::uint64_t audibleFrames() const noexcept override {
    const std::uint64_t rendered = rendered_.load(std::memory_order_acquire);
    return std::min(rendered, due());
  }

  std::optional<Error> failure() const override { return std::nullopt; }

 private:
  using Clock = std::chrono::steady_clock;

  std::uint64_t due() const noexcept {
    const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start_time_);
    return static_cast<std::uint64_t>(elapsed.count()) * static_cast<std::uint64_t>(sample_rate_) / 1000000u;
  }

  void run() {
    std::array<std::int16_t, 2048> scratch{};
    while (running_) {
      // Render a little ahead of the clock (like a device buffer), then sleep.
      const std::uint64_t target = due() + static_cast<std::uint64_t>(sample_rate_) / 100;
      std::uint64_t done = rendered_.load(std::memory_order_relaxed);
      while (done < target) {
        const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(scratch.size(), target - done));
        source_->render(scratch.data(), n);
        done += n;
        rendered_.store(done, std::memory_order_release);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  AudioSource* source_ = nullptr;
  int sample_rate_ = 22050;
  std::atomic<std::uint64_t> rendered_{0};
  std::atomic<bool> running_{false};
  Clock::time_point start_time_;
  std::thread thread_;
};

}  // namespace

std::unique_ptr<AudioOutput> makeNullOutput() { return std::make_unique<NullOutput>(); }

}  // namespace vorlesen
