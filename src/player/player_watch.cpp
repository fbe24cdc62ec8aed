// The player's watch thread: every few milliseconds it turns the output's DAC frame into a stream
// position, that into sentence and word (the synthesis thread's records), and publishes the
// PlayerSnapshot front ends read. It also notices a failed output and ends playback with its error.
#include <algorithm>

#include "player/player_impl.h"

namespace vorlesen {

using player::Clock;
using player::Heard;
using player::TimeAnchor;

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
  const player::Record* found = recordAt(position);
  if (!found) return h;
  const player::Record& r = *found;
  h.known = true;
  h.sentence = r.index;
  h.into_sentence = position - r.begin;
  h.length = r.complete ? r.end - r.begin : 0;
  h.share_begin = r.share_begin;
  h.share_end = r.share_end;
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
    h.share_begin = 0;
    h.share_end = 1;
    finished = false;
  }
}

// Sentence, word and the time estimates for the heard position `h`.
void Player::Impl::fillPosition(PlayerSnapshot& s, const Heard& h) {
  s.sentence = h.sentence;
  s.word_source = h.word;
  player::SentenceWords w;
  {
    std::lock_guard<std::mutex> lock(sentences_mutex_);
    if (h.sentence < sentences_.size()) {
      s.sentence_source = sentences_[h.sentence].source;
      s.block = sentences_[h.sentence].block;
      w = sentence_words_[h.sentence];
    }
  }
  // How far into the sentence, as a share of it: of the record's samples once all are known, else
  // of its estimated length (a long sentence still being synthesized), so the estimate moves on
  // smoothly. A record may cover only part of the sentence (a rate change cut it at a word).
  const int sample_rate = sample_rate_ > 0 ? sample_rate_.load() : 22050;
  const double covers = h.share_end - h.share_begin;
  double part = 0;
  if (h.length > 0) {
    part = static_cast<double>(h.into_sentence) / static_cast<double>(h.length);
  } else if (w.words > 0 && covers > 0) {
    part = static_cast<double>(h.into_sentence) / sample_rate / secondsFor(covers * static_cast<double>(w.words), rate_);
  }
  const double share = h.share_begin + covers * std::min(part, 1.0);
  const double position = static_cast<double>(w.before) + share * static_cast<double>(w.words);
  std::uint64_t jumps = 0;
  {
    std::lock_guard<std::mutex> lock(control_mutex_);
    jumps = jumps_posted_;
  }
  fillTimes(s, position, view()->total_words, jumps);
}

// Elapsed and total time at `position` (in words): see player::TimeAnchor. A jump sets elapsed to
// the position's time at the current rate; otherwise it only grows.
void Player::Impl::fillTimes(PlayerSnapshot& s, double position, std::size_t total_words, std::uint64_t jumps) {
  const int rate = rate_;
  TimeAnchor& a = anchor_;
  // Cutting a sentence for a rate change may move the position back by a fraction of a word.
  const bool jumped = jumps != a.jumps || position + 1.0 < a.words;
  if (jumped || a.rate == 0) a = TimeAnchor{rate, 0, 0, 0, jumps};  // also the first position
  if (rate != a.rate) a = TimeAnchor{rate, position, a.last_elapsed, a.last_elapsed, jumps};
  double elapsed = a.elapsed + secondsFor(position - a.words, rate);
  if (!jumped) elapsed = std::max(elapsed, a.last_elapsed);
  a.last_elapsed = elapsed;
  s.elapsed_seconds = elapsed;
  const double left = secondsFor(std::max(0.0, static_cast<double>(total_words) - position), rate);
  s.total_seconds = elapsed + left;
}

double Player::Impl::secondsFor(double words, int rate) const {
  const double sample_rate = sample_rate_ > 0 ? sample_rate_.load() : 22050;
  // Before anything is measured: `rate` words a minute and a sentence pause every 15 words. What
  // synthesis measures replaces this guess gradually (it counts as kPriorWords words), so the first
  // sentences do not swing the estimate.
  constexpr double kPriorWords = 60;
  const double prior_speech = 60.0 * sample_rate;  // samples times words per minute, per word
  const double prior_pause = opt_.pauses.sentence_ms * sample_rate / 1000.0 / 15.0;
  double speech = 0, pause = 0;
  {
    std::lock_guard<std::mutex> lock(records_mutex_);
    const double n = kPriorWords + static_cast<double>(measured_words_);
    speech = (prior_speech * kPriorWords + speech_norm_) / n;
    pause = (prior_pause * kPriorWords + pause_samples_) / n;
  }
  return words * (speech / std::max(rate, 1) + pause) / sample_rate;
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
