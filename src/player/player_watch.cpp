// The player's watch thread: every few milliseconds it turns the output's DAC frame into a stream
// position, that into sentence and word (the synthesis thread's records), and publishes the
// PlayerSnapshot front ends read. It also notices a failed output and ends playback with its error.
#include <algorithm>

#include "player/player_impl.h"

namespace vorlesen {

using player::Clock;
using player::Heard;

namespace {

constexpr auto kWatchPeriod = std::chrono::milliseconds(10);
// A jump target not heard after this long while playing (past the end, say) is no longer shown.
constexpr auto kPendingJumpLimit = std::chrono::seconds(2);

bool sameError(const std::optional<Error>& a, const std::optional<Error>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->kind() == b->kind() && std::string_view(a->what()) == b->what());
}

// Whether a front end would show `a` differently from `b`.
bool differs(const PlayerSnapshot& a, const PlayerSnapshot& b) {
  return a.state != b.state || a.sentence != b.sentence || a.word_source != b.word_source ||
         a.sentence_source != b.sentence_source || a.sentence_count != b.sentence_count ||
         a.all_prepared != b.all_prepared || a.rate != b.rate || a.volume != b.volume || a.applied != b.applied ||
         a.warnings != b.warnings || !sameError(a.error, b.error);
}

}  // namespace

void Player::Impl::watchLoop() {
  while (!stop_) {
    PlayerSnapshot s = snapshot();
    // First: everything read below reflects at least the commands up to this number.
    s.applied = applied_.load(std::memory_order_acquire);
    AudioOutput* out = output_.load();
    checkOutput(out);
    bool quit = false;
    {
      std::lock_guard<std::mutex> lock(control_mutex_);
      s.error = error_;
      quit = quit_;
    }
    // Nothing is heard before the first frame reaches the DAC (the output latency after start).
    const std::uint64_t audible = out ? out->audibleFrames() : 0;
    bool finished = false;
    const Heard h = heardNow(audible, finished);
    if (h.known) fillPosition(s, h);
    {
      std::lock_guard<std::mutex> lock(sentences_mutex_);
      s.sentence_count = sentences_.size();
      s.all_prepared = all_prepared_;
    }
    s.rate = rate_;
    s.volume = volume_;
    s.underrun_frames = buffer_.underrunFrames();
    s.state = stateNow(quit, s.error.has_value(), audible, finished);
    publish(std::move(s));
    std::unique_lock<std::mutex> lock(control_mutex_);
    control_cv_.wait_for(lock, kWatchPeriod);
  }
}

// A device that failed (lost mid-play, stopped calling back) ends playback with its error.
void Player::Impl::checkOutput(AudioOutput* out) {
  if (!out) return;
  {
    std::lock_guard<std::mutex> lock(control_mutex_);
    if (error_) return;
  }
  if (std::optional<Error> failure = out->failure()) fail(*failure);
}

// The sentence and word heard at output frame `audible` (a jump still waiting to be heard counts
// as heard); `finished` when that is the end of everything synthesized.
Heard Player::Impl::heardNow(std::uint64_t audible, bool& finished) {
  std::uint64_t position = 0;
  if (audible == 0 || !buffer_.streamPositionAt(audible - 1, position)) return Heard{};
  Heard h = resolve(position);
  if (!h.known) return h;
  const bool paused = buffer_.paused();
  std::uint64_t end = 0;
  finished = buffer_.drainedAt(end) && position + 1 >= end && !paused;  // position: the last frame heard
  showPendingJump(h, paused, finished);
  return h;
}

Heard Player::Impl::resolve(std::uint64_t position) const {
  Heard h;
  std::lock_guard<std::mutex> lock(records_mutex_);
  auto it = std::upper_bound(records_.begin(), records_.end(), position,
                             [](std::uint64_t p, const player::Record& r) { return p < r.begin; });
  if (it == records_.begin()) return h;
  const player::Record& r = *std::prev(it);
  h.known = true;
  h.sentence = r.index;
  h.into_sentence = position - r.begin;
  if (position < r.speech_end) {
    for (auto w = r.words.rbegin(); w != r.words.rend(); ++w) {
      if (w->first <= position) {
        h.word = w->second;
        break;
      }
    }
  }
  return h;
}

// A jump shows at once, also while paused (the listener moving through the text with the sound
// stopped must hear or see where they are), until its audio is heard. A target never heard (past
// the end) is dropped kPendingJumpLimit after playback resumes.
void Player::Impl::showPendingJump(Heard& h, bool paused, bool& finished) {
  const std::size_t prepared = sentenceCount();
  std::lock_guard<std::mutex> lock(control_mutex_);
  if (pending_target_ && paused) pending_since_ = Clock::now();
  if (pending_target_ && (*pending_target_ == h.sentence || Clock::now() - pending_since_ > kPendingJumpLimit)) {
    pending_target_.reset();
  }
  if (pending_target_ && *pending_target_ < prepared) {
    h.sentence = *pending_target_;
    h.word = Span{};
    h.into_sentence = 0;
    finished = false;
  }
}

// Sentence, word and the time estimates for the heard position `h`.
void Player::Impl::fillPosition(PlayerSnapshot& s, const Heard& h) const {
  s.sentence = h.sentence;
  s.word_source = h.word;
  const int rate = sample_rate_ > 0 ? sample_rate_.load() : 22050;
  std::size_t bytes_before = 0;
  const std::shared_ptr<const DocView> v = view();
  {
    std::lock_guard<std::mutex> lock(sentences_mutex_);
    if (h.sentence < sentences_.size()) {
      const Sentence& sentence = sentences_[h.sentence];
      s.sentence_source = sentence.source;
      s.block = sentence.block;
      const std::vector<Block>& blocks = v->doc->blocks;
      if (sentence.block < blocks.size() && blocks[sentence.block].span.begin <= sentence.source.begin) {
        bytes_before = v->bytes_before_block[sentence.block] + (sentence.source.begin - blocks[sentence.block].span.begin);
      }
    }
  }
  double seconds_per_byte;
  {
    std::lock_guard<std::mutex> lock(records_mutex_);
    // Before anything was measured: about 15 bytes per second at 175 words per minute.
    seconds_per_byte = measured_bytes_ > 0
                           ? static_cast<double>(measured_samples_) / rate / static_cast<double>(measured_bytes_)
                           : 175.0 / rate_.load() / 15.0;
  }
  s.elapsed_seconds = seconds_per_byte * static_cast<double>(bytes_before) + static_cast<double>(h.into_sentence) / rate;
  s.total_seconds = seconds_per_byte * static_cast<double>(v->total_bytes);
}

PlayerState Player::Impl::stateNow(bool quit, bool failed, std::uint64_t audible, bool finished) const {
  if (failed) return PlayerState::Error;
  if (quit) return PlayerState::Finished;
  if (!started_) return PlayerState::Starting;
  if (buffer_.paused()) return PlayerState::Paused;  // also before the first frame is heard
  if (audible == 0) return PlayerState::Starting;
  if (finished) return PlayerState::Finished;
  return PlayerState::Playing;
}

// Replaces the snapshot; a new version (and a wake-up) only when a front end would show it differently.
void Player::Impl::publish(PlayerSnapshot s) {
  bool changed = false;
  {
    std::lock_guard<std::mutex> lock(snap_mutex_);
    s.warnings = warnings_.size();
    changed = differs(s, snap_);
    s.version = snap_.version + (changed ? 1 : 0);
    snap_ = std::move(s);
  }
  if (changed) snap_cv_.notify_all();
}

}  // namespace vorlesen
