// Internal to the player: the lock-free hand-over between the synthesis thread (the one producer)
// and the audio output's thread (the one consumer, through AudioSource::render()).
//
// Positions are monotonic 64-bit sample counters of everything ever written ("stream positions");
// the ring stores position p at p & mask. The consumer never locks, allocates or blocks:
//  - pause: it plays zeros and consumes nothing;
//  - splice: the producer asks it to jump from position `from` (or at once) to `to`, skipping the
//    samples in between. Skips use "at once"; a rate change splices at the end of the sentence being
//    played and asks for a verdict, because the consumer may already have passed that point;
//  - timeline: for each run of output frames it records which stream position the run started at and
//    whether it advanced, so the player can turn the output's DAC frame into a stream position.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "vorlesen/audio_output.h"

namespace vorlesen::player {

class StreamBuffer final : public AudioSource {
 public:
  static constexpr std::uint64_t kNow = std::numeric_limits<std::uint64_t>::max();

  explicit StreamBuffer(std::size_t min_capacity);
  StreamBuffer(const StreamBuffer&) = delete;
  StreamBuffer& operator=(const StreamBuffer&) = delete;

  // --- producer (synthesis thread) ---
  std::uint64_t writePosition() const { return write_.load(std::memory_order_relaxed); }
  std::size_t freeSpace() const;
  // Copies as much as fits now and returns how many samples were written.
  std::size_t write(const std::int16_t* samples, std::size_t count);
  std::size_t writeSilence(std::size_t count);
  // Asks the consumer to jump from `from` (kNow: immediately) to the current write position.
  // Returns a ticket for verdict().
  std::uint64_t splice(std::uint64_t from);
  enum class Verdict { Pending, Accepted, Rejected };
  Verdict verdict(std::uint64_t ticket) const;
  // The producer has written everything up to `end` and will write nothing more for now.
  void setDrainedAt(std::uint64_t end);
  void clearDrained();

  // --- any thread ---
  void setPaused(bool paused) { paused_.store(paused, std::memory_order_relaxed); }
  bool paused() const { return paused_.load(std::memory_order_relaxed); }
  // Gain in 1/256 units (256: samples pass unchanged).
  void setGain(int gain_q8) { gain_q8_.store(gain_q8, std::memory_order_relaxed); }
  std::uint64_t readPosition() const { return read_.load(std::memory_order_acquire); }
  std::uint64_t underrunFrames() const { return underruns_.load(std::memory_order_relaxed); }
  // The stream position heard at output frame `frame` (frames counted since the output started).
  // False when the frame is older than the timeline remembers or nothing was rendered yet.
  bool streamPositionAt(std::uint64_t frame, std::uint64_t& position) const;
  bool drainedAt(std::uint64_t& end) const;

  // --- consumer (output thread) ---
  void render(std::int16_t* out, std::size_t frames) noexcept override;
  std::size_t available() noexcept override;
  bool drained() noexcept override;

 private:
  void syncSplice() noexcept;
  void record(std::uint64_t frame, std::uint64_t position, bool advancing) noexcept;

  std::vector<std::int16_t> ring_;
  std::uint64_t mask_;

  std::atomic<std::uint64_t> write_{0};
  std::atomic<std::uint64_t> read_{0};
  std::atomic<std::uint64_t> drained_at_{kNow};
  std::atomic<bool> paused_{false};
  std::atomic<int> gain_q8_{256};
  std::atomic<std::uint64_t> underruns_{0};

  // Splice request, a seqlock: odd sequence while the producer writes the fields.
  std::atomic<std::uint64_t> splice_seq_{0};
  std::atomic<std::uint64_t> splice_from_{0};
  std::atomic<std::uint64_t> splice_to_{0};
  std::atomic<std::uint64_t> verdict_{0};  // ticket * 2 + accepted, for the last request seen

  // Consumer-only state.
  std::uint64_t handled_seq_ = 0;
  bool jump_pending_ = false;
  std::uint64_t jump_from_ = 0;
  std::uint64_t jump_to_ = 0;
  std::uint64_t frames_out_ = 0;

  // Timeline of output runs, written by the consumer only; readers check that an entry was not
  // overwritten while they read it.
  struct Run {
    std::atomic<std::uint64_t> frame{0};
    std::atomic<std::uint64_t> position{0};  // top bit: advancing
  };
  static constexpr std::size_t kRuns = 1024;
  std::array<Run, kRuns> runs_;
  std::atomic<std::uint64_t> run_count_{0};
};

}  // namespace vorlesen::player
