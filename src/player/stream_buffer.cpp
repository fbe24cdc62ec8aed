#include "player/stream_buffer.h"

#include <algorithm>
#include <cstring>

namespace vorlesen::player {

namespace {

constexpr std::uint64_t kAdvancing = std::uint64_t{1} << 63;

std::size_t roundUpToPowerOfTwo(std::size_t n) {
  std::size_t p = 1024;
  while (p < n) p <<= 1;
  return p;
}

}  // namespace

StreamBuffer::StreamBuffer(std::size_t min_capacity)
    : ring_(roundUpToPowerOfTwo(min_capacity)), mask_(ring_.size() - 1) {}

// ---- producer ----

std::size_t StreamBuffer::freeSpace() const {
  const std::uint64_t used = write_.load(std::memory_order_relaxed) - read_.load(std::memory_order_acquire);
  return used >= ring_.size() ? 0 : ring_.size() - static_cast<std::size_t>(used);
}

std::size_t StreamBuffer::write(const std::int16_t* samples, std::size_t count) {
  const std::size_t n = std::min(count, freeSpace());
  std::uint64_t w = write_.load(std::memory_order_relaxed);
  for (std::size_t done = 0; done < n;) {
    const std::size_t at = static_cast<std::size_t>(w & mask_);
    const std::size_t chunk = std::min(n - done, ring_.size() - at);
    if (samples) {
      std::memcpy(&ring_[at], samples + done, chunk * sizeof(std::int16_t));
    } else {
      std::memset(&ring_[at], 0, chunk * sizeof(std::int16_t));
    }
    done += chunk;
    w += chunk;
  }
  write_.store(w, std::memory_order_release);
  return n;
}

std::size_t StreamBuffer::writeSilence(std::size_t count) { return write(nullptr, count); }

std::uint64_t StreamBuffer::splice(std::uint64_t from) {
  const std::uint64_t seq = splice_seq_.load(std::memory_order_relaxed);
  splice_seq_.store(seq + 1, std::memory_order_relaxed);
  std::atomic_thread_fence(std::memory_order_release);
  splice_from_.store(from, std::memory_order_relaxed);
  splice_to_.store(write_.load(std::memory_order_relaxed), std::memory_order_relaxed);
  splice_seq_.store(seq + 2, std::memory_order_release);
  return seq + 2;
}

StreamBuffer::Verdict StreamBuffer::verdict(std::uint64_t ticket) const {
  const std::uint64_t v = verdict_.load(std::memory_order_acquire);
  if (v / 2 < ticket) return Verdict::Pending;
  if (v / 2 > ticket) return Verdict::Rejected;  // superseded by a later request
  return (v & 1) ? Verdict::Accepted : Verdict::Rejected;
}

void StreamBuffer::setDrainedAt(std::uint64_t end) { drained_at_.store(end, std::memory_order_release); }
void StreamBuffer::clearDrained() { drained_at_.store(kNow, std::memory_order_release); }

// ---- any thread ----

bool StreamBuffer::streamPositionAt(std::uint64_t frame, std::uint64_t& position) const {
  const std::uint64_t count = run_count_.load(std::memory_order_acquire);
  for (std::uint64_t i = count; i-- > 0 && count - i < kRuns;) {
    const Run& run = runs_[i % kRuns];
    const std::uint64_t start = run.frame.load(std::memory_order_relaxed);
    const std::uint64_t pos = run.position.load(std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_acquire);
    if (run_count_.load(std::memory_order_relaxed) - i >= kRuns) return false;  // overwritten meanwhile
    if (start > frame) continue;
    position = (pos & ~kAdvancing) + ((pos & kAdvancing) ? frame - start : 0);
    return true;
  }
  return false;
}

bool StreamBuffer::drainedAt(std::uint64_t& end) const {
  end = drained_at_.load(std::memory_order_acquire);
  return end != kNow;
}

// ---- consumer ----

void StreamBuffer::record(std::uint64_t frame, std::uint64_t position, bool advancing) noexcept {
  const std::uint64_t count = run_count_.load(std::memory_order_relaxed);
  if (count > 0) {
    // Skip a run that continues the previous one exactly.
    const Run& last = runs_[(count - 1) % kRuns];
    const std::uint64_t lf = last.frame.load(std::memory_order_relaxed);
    const std::uint64_t lp = last.position.load(std::memory_order_relaxed);
    const bool last_adv = (lp & kAdvancing) != 0;
    if (last_adv == advancing && (lp & ~kAdvancing) + (advancing ? frame - lf : 0) == position) return;
  }
  Run& run = runs_[count % kRuns];
  run.frame.store(frame, std::memory_order_relaxed);
  run.position.store(position | (advancing ? kAdvancing : 0), std::memory_order_relaxed);
  run_count_.store(count + 1, std::memory_order_release);
}

void StreamBuffer::syncSplice() noexcept {
  const std::uint64_t seq = splice_seq_.load(std::memory_order_acquire);
  if (seq == handled_seq_ || (seq & 1)) return;
  const std::uint64_t from = splice_from_.load(std::memory_order_relaxed);
  const std::uint64_t to = splice_to_.load(std::memory_order_relaxed);
  std::atomic_thread_fence(std::memory_order_acquire);
  if (splice_seq_.load(std::memory_order_relaxed) != seq) return;  // being rewritten; next time
  handled_seq_ = seq;
  const std::uint64_t read = read_.load(std::memory_order_relaxed);
  const bool accepted = from == kNow || read <= from;
  if (accepted) {
    jump_pending_ = true;
    jump_from_ = from == kNow ? read : from;
    jump_to_ = to;
  }
  verdict_.store(seq * 2 + (accepted ? 1 : 0), std::memory_order_release);
}

void StreamBuffer::render(std::int16_t* out, std::size_t frames) noexcept {
  syncSplice();
  std::uint64_t read = read_.load(std::memory_order_relaxed);
  if (paused_.load(std::memory_order_relaxed)) {
    std::memset(out, 0, frames * sizeof(std::int16_t));
    record(frames_out_, read, false);
    frames_out_ += frames;
    return;
  }
  const int gain = gain_q8_.load(std::memory_order_relaxed);
  std::size_t done = 0;
  while (done < frames) {
    if (jump_pending_ && read == jump_from_) {
      read = jump_to_;
      jump_pending_ = false;
    }
    std::uint64_t limit = write_.load(std::memory_order_acquire);
    if (jump_pending_) limit = std::min(limit, jump_from_);
    const std::size_t avail = limit > read ? static_cast<std::size_t>(limit - read) : 0;
    if (avail == 0) {
      const std::size_t rest = frames - done;
      std::memset(out + done, 0, rest * sizeof(std::int16_t));
      record(frames_out_ + done, read, false);
      if (drained_at_.load(std::memory_order_acquire) != read) {
        underruns_.fetch_add(rest, std::memory_order_relaxed);
      }
      done = frames;
      break;
    }
    record(frames_out_ + done, read, true);
    std::size_t n = std::min(avail, frames - done);
    const std::size_t at = static_cast<std::size_t>(read & mask_);
    n = std::min(n, ring_.size() - at);
    if (gain == 256) {
      std::memcpy(out + done, &ring_[at], n * sizeof(std::int16_t));
    } else {
      for (std::size_t k = 0; k < n; ++k) {
        const int v = (static_cast<int>(ring_[at + k]) * gain) / 256;
        out[done + k] = static_cast<std::int16_t>(std::clamp(v, -32768, 32767));
      }
    }
    read += n;
    done += n;
    read_.store(read, std::memory_order_release);
  }
  read_.store(read, std::memory_order_release);
  frames_out_ += frames;
}

std::size_t StreamBuffer::available() noexcept {
  syncSplice();
  if (paused_.load(std::memory_order_relaxed)) return SIZE_MAX;
  std::uint64_t read = read_.load(std::memory_order_relaxed);
  std::size_t total = 0;
  if (jump_pending_) {
    total += static_cast<std::size_t>(jump_from_ - read);
    read = jump_to_;
  }
  const std::uint64_t w = write_.load(std::memory_order_acquire);
  return total + (w > read ? static_cast<std::size_t>(w - read) : 0);
}

bool StreamBuffer::drained() noexcept {
  syncSplice();
  return !jump_pending_ && read_.load(std::memory_order_relaxed) == drained_at_.load(std::memory_order_acquire);
}

}  // namespace vorlesen::player
