// The player engine: construction, the commands any thread may send, the prepare thread and the
// synthesis thread. The watch thread is in player_watch.cpp; the state they share, and what guards
// each part of it, in player_impl.h.
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "player/player_impl.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"
#include "vorlesen/text.h"

namespace vorlesen {

using player::Clock;

const char* toString(PlayerState state) {
  switch (state) {
    case PlayerState::Starting: return "starting";
    case PlayerState::Playing: return "playing";
    case PlayerState::Paused: return "paused";
    case PlayerState::Finished: return "finished";
    case PlayerState::Error: return "error";
  }
  return "unknown";
}

namespace {

constexpr auto kProducerPoll = std::chrono::milliseconds(3);
// A rate change waits for the next word when it starts within this many seconds of what the output
// has taken, else it cuts the word being played this far ahead of the output and says it again.
constexpr double kRateCutWait = 0.12;
constexpr double kRateCutMargin = 0.02;

// Where the whole document goes on after the head's blocks [0, done): at block `done` when the
// head's blocks are its first ones (the usual case), else at the first block after the text read.
std::size_t continueAt(const Document& head, const Document& full, std::size_t done) {
  const auto same = [](const Block& a, const Block& b) { return a.kind == b.kind && a.span == b.span; };
  if (done <= full.blocks.size() && std::equal(head.blocks.begin(), head.blocks.begin() + static_cast<std::ptrdiff_t>(done),
                                               full.blocks.begin(), same)) {
    return done;
  }
  std::size_t read_end = 0;
  for (std::size_t b = 0; b < done; ++b) read_end = std::max(read_end, head.blocks[b].span.end);
  std::size_t at = 0;
  while (at < full.blocks.size() && full.blocks[at].span.begin < read_end) ++at;
  return at;
}

// Drops the zero samples a message starts with (at most `most`), when asked to; word positions move
// with them.
struct LeadTrim {
  bool active;
  std::size_t most;
  std::size_t dropped = 0;
  void apply(const std::int16_t*& pcm, std::size_t& n) {
    while (active && n > 0 && *pcm == 0 && dropped < most) {
      ++pcm;
      --n;
      ++dropped;
    }
    if (n > 0 || dropped >= most) active = false;
  }
  std::size_t shifted(std::size_t sample) const { return sample > dropped ? sample - dropped : 0; }
};

// An exception that is not an Error, met on an engine thread, as the failure it reports.
Error unexpected(const std::exception& e) { return Error::synthesis(format(tr("playback failed: {}"), e.what())); }

// The runs of `runs` (stretches of a sentence's spoken text) as they lie in the text from byte `from`
// on: what synthesizing the rest of a sentence from a word needs.
std::vector<VoiceRun> runsFrom(const std::vector<VoiceRun>& runs, std::size_t from) {
  if (from == 0) return runs;
  std::vector<VoiceRun> out;
  for (const VoiceRun& run : runs) {
    if (run.text.end <= from) continue;
    VoiceRun v = run;
    v.text.begin = std::max(run.text.begin, from) - from;
    v.text.end = run.text.end - from;
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------- life

Player::Impl::Impl(std::shared_ptr<const Document> doc, const LanguageData& data, PlayerOptions options,
                   SynthesizerFactory make_synth)
    : opt_(std::move(options)),
      synth_volume_(opt_.voice.volume > 0 ? opt_.voice.volume : 100),
      view_(makeView(std::move(doc))),
      buffer_(opt_.ring_frames) {
  rate_ = kRateRange.clamp(opt_.voice.rate);
  volume_ = kVolumeRange.clamp(opt_.voice.volume);
  buffer_.setGain(volume_ * 256 / synth_volume_);
  snap_.rate = rate_;
  snap_.volume = volume_;
  snap_.voice = opt_.voice.voice;
  snap_.sentence = opt_.first_sentence;
  espeakHasLanguage("en");  // reads eSpeak's voice list now, before the synthesis thread uses eSpeak
  synth_thread_ = std::thread([this, make_synth = std::move(make_synth)] { synthLoop(make_synth); });
  prepare_thread_ = std::thread([this, &data] { prepareLoop(data); });
  watch_thread_ = std::thread([this] { watchLoop(); });
}

Player::Impl::~Impl() {
  {
    std::lock_guard<std::mutex> lock(control_mutex_);
    stop_ = true;
    stopLocked();
  }
  control_cv_.notify_all();
  {
    std::lock_guard<std::mutex> lock(sentences_mutex_);  // a waiter checks stop_ under it
  }
  sentences_cv_.notify_all();
  synth_thread_.join();
  prepare_thread_.join();
  watch_thread_.join();
  // Last: the output's thread renders from buffer_ until here, and the watch thread asked it for
  // its position until it was joined.
  if (AudioOutput* out = output_.load()) out->stop();
}

void Player::Impl::stopLocked() {
  quit_ = true;
  quitting_ = true;
  interrupt_ = true;
}

std::shared_ptr<const Player::Impl::DocView> Player::Impl::makeView(std::shared_ptr<const Document> doc) {
  auto v = std::make_shared<DocView>();
  for (const Block& b : doc->blocks) {
    v->words_before_block.push_back(v->total_words);
    v->total_words += countWords(doc->slice(b.span));
  }
  v->doc = std::move(doc);
  return v;
}

std::shared_ptr<const Player::Impl::DocView> Player::Impl::view() const {
  std::lock_guard<std::mutex> lock(doc_mutex_);
  return view_;
}

std::shared_ptr<const Document> Player::Impl::document() const { return view()->doc; }

void Player::Impl::start(AudioOutput& output) {
  {
    std::unique_lock<std::mutex> lock(control_mutex_);
    control_cv_.wait(lock, [&] { return first_ready_ || start_error_; });
    if (start_error_) std::rethrow_exception(start_error_);
  }
  if (sentenceCount() == 0) {
    throw Error::input(format(tr("{}: nothing to read aloud (the file is empty or has no words)"), document()->name));
  }
  output.start(buffer_, sample_rate_);
  output_ = &output;
  started_ = true;
  control_cv_.notify_all();
}

void Player::Impl::fail(const Error& error) {
  {
    std::lock_guard<std::mutex> lock(control_mutex_);
    if (!error_) error_ = error;
    if (!first_ready_ && !start_error_) start_error_ = std::make_exception_ptr(error);
    stopLocked();
  }
  control_cv_.notify_all();
  sentences_cv_.notify_all();
}

void Player::Impl::warn(std::string message) {
  {
    std::lock_guard<std::mutex> lock(snap_mutex_);
    warnings_.push_back(std::move(message));
  }
  control_cv_.notify_all();  // the watch thread publishes the new count at once
}

std::vector<std::string> Player::Impl::warnings(std::size_t from) const {
  std::lock_guard<std::mutex> lock(snap_mutex_);
  if (from >= warnings_.size()) return {};
  return std::vector<std::string>(warnings_.begin() + static_cast<std::ptrdiff_t>(from), warnings_.end());
}

void Player::Impl::extend(std::shared_ptr<const Document> full) {
  {
    std::lock_guard<std::mutex> lock(sentences_mutex_);
    if (extended_) return;
    extended_ = true;
    full_ = std::move(full);
  }
  sentences_cv_.notify_all();
}

// ---------------------------------------------------------------- observing (any thread)

PlayerSnapshot Player::Impl::snapshot() const {
  std::lock_guard<std::mutex> lock(snap_mutex_);
  return snap_;
}

PlayerSnapshot Player::Impl::waitForChange(std::uint64_t seen, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(snap_mutex_);
  snap_cv_.wait_for(lock, timeout, [&] { return snap_.version != seen; });
  return snap_;
}

PlayerSnapshot Player::Impl::waitForApplied(std::uint64_t number, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(snap_mutex_);
  snap_cv_.wait_for(lock, timeout, [&] { return snap_.applied >= number; });
  return snap_;
}

void Player::Impl::wait() const {
  std::unique_lock<std::mutex> lock(snap_mutex_);
  snap_cv_.wait(lock, [&] { return snap_.state == PlayerState::Finished || snap_.state == PlayerState::Error; });
}

std::size_t Player::Impl::sentenceCount() const {
  std::lock_guard<std::mutex> lock(sentences_mutex_);
  return sentences_.size();
}

std::optional<Sentence> Player::Impl::sentence(std::size_t index) const {
  std::lock_guard<std::mutex> lock(sentences_mutex_);
  if (index >= sentences_.size()) return std::nullopt;
  return sentences_[index];
}

// ---------------------------------------------------------------- commands (any thread)

template <class Effect>
std::uint64_t Player::Impl::command(Effect&& effect) {
  std::uint64_t number = 0;
  {
    std::lock_guard<std::mutex> lock(control_mutex_);
    effect();
    number = ++commands_;
    // Release: the watch thread that reads this number also sees what the effect stored.
    applied_.store(number, std::memory_order_release);
  }
  control_cv_.notify_all();
  return number;
}

std::size_t Player::Impl::baseSentence() const {
  {
    std::lock_guard<std::mutex> lock(control_mutex_);
    if (pending_target_) return *pending_target_;
  }
  return snapshot().sentence;
}

std::size_t Player::Impl::firstOfBlock(std::size_t sentence) const {
  std::lock_guard<std::mutex> lock(sentences_mutex_);
  if (sentence >= sentences_.size()) return sentence;
  const std::size_t block = sentences_[sentence].block;
  while (sentence > 0 && sentences_[sentence - 1].block == block) --sentence;
  return sentence;
}

std::size_t Player::Impl::firstOfBlockAfter(std::size_t sentence) {
  std::unique_lock<std::mutex> lock(sentences_mutex_);
  const auto deadline = Clock::now() + std::chrono::seconds(2);
  if (sentence >= sentences_.size()) return sentence + 1;
  const std::size_t block = sentences_[sentence].block;
  std::size_t i = sentence + 1;
  while (true) {
    for (; i < sentences_.size(); ++i) {
      if (sentences_[i].block != block) return i;
    }
    if (all_prepared_ || stop_ || Clock::now() >= deadline) return i;
    sentences_cv_.wait_until(lock, deadline);
  }
}

std::uint64_t Player::Impl::jumpTo(std::size_t index, bool clamp_to_prepared) {
  if (clamp_to_prepared) {
    const std::size_t count = sentenceCount();
    index = count == 0 ? 0 : std::min(index, count - 1);
  }
  std::uint64_t ticket = 0;
  const std::uint64_t number = command([&] {
    if (quit_) return;
    jump_ = index;
    pending_target_ = index;
    pending_since_ = Clock::now();
    ticket = ++jumps_posted_;
    interrupt_ = true;
  });
  sentences_cv_.notify_all();
  // Returns once the synthesis thread has taken the jump, so the next render() plays the target.
  std::unique_lock<std::mutex> lock(control_mutex_);
  control_cv_.wait_for(lock, std::chrono::seconds(1), [&] { return jumps_taken_ >= ticket || quit_; });
  return number;
}

std::uint64_t Player::Impl::say(std::string text) {
  const std::size_t here = baseSentence();
  std::uint64_t ticket = 0;
  const std::uint64_t number = command([&] {
    if (quit_) return;
    say_ = std::move(text);
    jump_ = here;
    pending_target_ = here;
    pending_since_ = Clock::now();
    ticket = ++jumps_posted_;
    interrupt_ = true;
    buffer_.setPaused(false);
  });
  sentences_cv_.notify_all();
  std::unique_lock<std::mutex> lock(control_mutex_);
  control_cv_.wait_for(lock, std::chrono::seconds(1), [&] { return jumps_taken_ >= ticket || quit_; });
  return number;
}

bool Player::Impl::isLandmark(Landmark landmark, std::size_t i) const {
  const Sentence& s = sentences_[i];
  const Sentence* before = i > 0 ? &sentences_[i - 1] : nullptr;
  switch (landmark) {
    case Landmark::Heading:
      return (s.kind == BlockKind::Heading || s.kind == BlockKind::Title) && (!before || before->block != s.block);
    case Landmark::List: return s.kind == BlockKind::ListItem && (!before || before->kind != BlockKind::ListItem);
    case Landmark::Body: return s.kind != BlockKind::Title && s.kind != BlockKind::Byline;
  }
  return false;
}

template <class Hit>
std::optional<std::size_t> Player::Impl::searchForward(std::size_t from, Hit&& hit) const {
  std::unique_lock<std::mutex> lock(sentences_mutex_);
  const auto deadline = Clock::now() + std::chrono::seconds(2);
  for (std::size_t i = from;;) {
    for (; i < sentences_.size(); ++i) {
      if (hit(i)) return i;
    }
    if (all_prepared_ || stop_ || Clock::now() >= deadline) return std::nullopt;
    sentences_cv_.wait_until(lock, deadline);
  }
}

std::optional<std::size_t> Player::Impl::find(Landmark landmark, bool forward) const {
  if (landmark == Landmark::Body) return searchForward(0, [&](std::size_t i) { return isLandmark(landmark, i); });
  const std::size_t here = baseSentence();
  if (forward) return searchForward(here + 1, [&](std::size_t i) { return isLandmark(landmark, i); });
  std::lock_guard<std::mutex> lock(sentences_mutex_);
  for (std::size_t i = std::min(here, sentences_.size()); i-- > 0;) {
    if (isLandmark(landmark, i)) return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> Player::Impl::firstSentenceOfBlock(std::size_t block) const {
  return searchForward(0, [&](std::size_t i) { return sentences_[i].block >= block; });
}

std::uint64_t Player::Impl::send(PlayerCommand command_kind) {
  switch (command_kind) {
    case PlayerCommand::TogglePause: return command([&] { buffer_.setPaused(!buffer_.paused()); });
    case PlayerCommand::Pause: return command([&] { buffer_.setPaused(true); });
    case PlayerCommand::Resume: return command([&] { buffer_.setPaused(false); });
    case PlayerCommand::NextSentence: return jumpTo(baseSentence() + 1, false);
    case PlayerCommand::PrevSentence: {
      const std::size_t k = baseSentence();
      return jumpTo(k > 0 ? k - 1 : 0, false);
    }
    case PlayerCommand::Repeat: return jumpTo(baseSentence(), false);
    case PlayerCommand::NextBlock: return jumpTo(firstOfBlockAfter(baseSentence()), false);
    case PlayerCommand::PrevBlock: {
      const std::size_t k = baseSentence();
      const std::size_t first = firstOfBlock(k);
      return jumpTo(first < k || first == 0 ? first : firstOfBlock(first - 1), false);
    }
    case PlayerCommand::RateUp:
    case PlayerCommand::RateDown: {
      const int step = command_kind == PlayerCommand::RateUp ? kRateStep : -kRateStep;
      return command([&] {
        rate_ = kRateRange.clamp(rate_ + step);
        rate_request_ = rate_.load();
        rate_pending_ = true;
      });
    }
    case PlayerCommand::VolumeUp:
    case PlayerCommand::VolumeDown: {
      const int step = command_kind == PlayerCommand::VolumeUp ? kVolumeStep : -kVolumeStep;
      return command([&] {
        volume_ = kVolumeRange.clamp(volume_ + step);
        buffer_.setGain(volume_ * 256 / synth_volume_);
      });
    }
    case PlayerCommand::Quit: return command([&] { stopLocked(); });
  }
  return command([] {});
}

// ---------------------------------------------------------------- prepare thread

void Player::Impl::prepareLoop(const LanguageData& data) {
  // Preparing a long document must not slow down the first sentence or the audio: run it at a
  // lower priority (Linux gives each thread its own nice value).
  ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
  try {
    std::shared_ptr<const Pipeline> pipeline = opt_.pipeline;
    if (!pipeline) pipeline = std::make_shared<const Pipeline>(data, std::vector<Lexicon>{}, espeakHasLanguage);
    prepareAll(*pipeline);
  } catch (const Error& e) {
    fail(e);
  } catch (const std::exception& e) {
    fail(unexpected(e));
  }
  std::lock_guard<std::mutex> lock(sentences_mutex_);
  all_prepared_ = true;
  sentences_cv_.notify_all();
}

// The same sentences render produces: segmented, normalized and pronounced, one at a time; a head
// document is read as far as it may be, then the whole one from where the head ends.
void Player::Impl::prepareAll(const Pipeline& pipeline) {
  std::shared_ptr<const Document> doc = document();
  bool head = opt_.head_until != SIZE_MAX;  // reading the head of a document still being extracted
  std::optional<SentenceStream> stream;
  stream.emplace(pipeline, *doc, 0, opt_.head_until, &opt_.style);
  Sentence s;
  std::pair<std::size_t, std::size_t> cursor{0, 0};  // (byte, words before it) in the document read
  while (!stop_) {
    if (stream->next(s)) {
      addSentence(std::move(s), cursor);
      continue;
    }
    if (!head) return;
    head = false;
    std::shared_ptr<const Document> full = waitForWhole();
    if (!full) {  // none after all: the rest of the head
      stream.emplace(pipeline, *doc, stream->blocksDone(), SIZE_MAX, &opt_.style);
      continue;
    }
    stream.emplace(pipeline, *full, continueAt(*doc, *full, stream->blocksDone()), SIZE_MAX, &opt_.style);
    {
      std::lock_guard<std::mutex> lock(doc_mutex_);
      view_ = makeView(full);
    }
    doc = std::move(full);
  }
}

// Appends a prepared sentence with its place in words. `cursor` (a byte and the words before it)
// carries the count from one sentence to the next, so a long paragraph is counted once.
void Player::Impl::addSentence(Sentence s, std::pair<std::size_t, std::size_t>& cursor) {
  const std::shared_ptr<const DocView> v = view();
  const Document& doc = *v->doc;
  player::SentenceWords w;
  if (s.block < doc.blocks.size()) {
    const Span block = doc.blocks[s.block].span;
    if (cursor.first < block.begin || cursor.first > s.source.begin) {
      cursor = {block.begin, v->words_before_block[s.block]};
    }
    w.before = cursor.second + countWords(doc.slice(Span{cursor.first, s.source.begin}));
    w.words = countWords(doc.slice(s.source));
    cursor = {s.source.end, w.before + w.words};
  }
  std::lock_guard<std::mutex> lock(sentences_mutex_);
  sentences_.push_back(std::move(s));
  sentence_words_.push_back(w);
  sentences_cv_.notify_all();
}

// The whole document extend() gives (null: none); also null when the player is destroyed first.
std::shared_ptr<const Document> Player::Impl::waitForWhole() {
  std::unique_lock<std::mutex> lock(sentences_mutex_);
  sentences_cv_.wait(lock, [&] { return extended_ || stop_.load(); });
  return full_;
}

// ---------------------------------------------------------------- synthesis thread

const Sentence* Player::Impl::waitForSentence(std::size_t index, bool* past_end) {
  *past_end = false;
  std::unique_lock<std::mutex> lock(sentences_mutex_);
  while (index >= sentences_.size()) {
    if (all_prepared_) {
      *past_end = true;
      return nullptr;
    }
    if (interrupt_ || stop_) return nullptr;
    sentences_cv_.wait_for(lock, kProducerPoll);
  }
  return &sentences_[index];
}

bool Player::Impl::push(const std::int16_t* samples, std::size_t count) {
  while (count > 0) {
    const std::size_t n = buffer_.write(samples, count);
    if (samples) samples += n;
    count -= n;
    if (count == 0) break;
    if (interrupt_ || stop_) return false;
    // A rate change redoes what the output has not taken yet (applyRate()), also of this sentence.
    if (rate_pending_) return false;
    // The ring is full: playback can start, and must, or a first sentence longer than the ring
    // (about 3 s of audio) would wait for room forever.
    markFirstReady();
    std::unique_lock<std::mutex> lock(control_mutex_);
    control_cv_.wait_for(lock, kProducerPoll);
  }
  return true;
}

// A new record of sentence `index` starting at the write position, which it returns. `sentence` and
// `from_byte`: the sentence's text when the record holds (the rest of) it, from where a rate change cut it.
std::uint64_t Player::Impl::beginRecord(std::size_t index, const Sentence* sentence, std::size_t from_byte) {
  const std::uint64_t begin = buffer_.writePosition();
  std::lock_guard<std::mutex> lock(records_mutex_);
  player::Record r;
  r.index = index;
  r.begin = r.speech_end = r.end = begin;
  r.sentence = sentence;
  if (sentence && !sentence->spoken.text.empty()) {
    r.share_begin = static_cast<double>(from_byte) / static_cast<double>(sentence->spoken.text.size());
  }
  records_.push_back(std::move(r));
  // Keep the records the listener can still be in; older ones go (bounded memory).
  const std::uint64_t read = buffer_.readPosition();
  while (records_.size() > 64 && records_.front().end < read) records_.pop_front();
  return begin;
}

bool Player::Impl::synthesizeOne(Synthesizer& synth, const Sentence& s, std::size_t index,
                                 std::size_t pause_samples, std::size_t from_byte) {
  std::size_t words = 0;
  {
    std::lock_guard<std::mutex> lock(sentences_mutex_);
    if (index < sentence_words_.size()) words = sentence_words_[index].words;
  }
  const std::string_view text = std::string_view(s.spoken.text).substr(from_byte);
  const std::uint64_t begin = beginRecord(index, &s, from_byte);
  const auto update = [&](auto&& change) {
    std::lock_guard<std::mutex> lock(records_mutex_);
    change(records_.back());
  };
  bool ok = true;
  // The first sentence after the start or a key begins with its first sound: eSpeak NG opens every
  // message with 12-50 ms of zero samples (more before a plosive), which only delayed the answer.
  LeadTrim trim{std::exchange(trim_lead_, false), static_cast<std::size_t>(sample_rate_) / 5};  // 0.2 s
  synth.synthesizeRuns(text, runsFrom(s.runs, from_byte), [&](const std::int16_t* pcm, std::size_t n, const std::vector<WordEvent>& events) {
    if (quitting_) return false;
    // After an interruption the message is stopped at once: finishing a long sentence into the void
    // took up to 15 ms of every jump (the synthesizer sets eSpeak NG's state back itself).
    if (!ok) return false;
    trim.apply(pcm, n);
    if (!events.empty()) {
      update([&](player::Record& r) {
        for (const WordEvent& ev : events) {
          const std::size_t at = from_byte + ev.text.begin;
          r.words.emplace_back(begin + trim.shifted(ev.sample), s.spoken.sourceOf(at, from_byte + ev.text.end));
          r.word_text.push_back(at);
        }
      });
    }
    ok = push(pcm, n);
    update([&](player::Record& r) { r.speech_end = r.end = buffer_.writePosition(); });
    return ok;
  });
  if (!ok) return false;
  ok = push(nullptr, pause_samples);
  std::lock_guard<std::mutex> lock(records_mutex_);
  player::Record& r = records_.back();
  r.end = buffer_.writePosition();
  if (!ok) return false;
  r.complete = true;
  speech_norm_ += static_cast<double>(r.speech_end - r.begin) * synth_rate_;
  pause_samples_ += static_cast<double>(r.end - r.speech_end);
  measured_words_ += static_cast<std::size_t>(std::lround(static_cast<double>(words) * (1 - r.share_begin)));
  return true;
}

const player::Record* Player::Impl::recordAt(std::uint64_t position) const {
  auto it = std::upper_bound(records_.begin(), records_.end(), position,
                             [](std::uint64_t p, const player::Record& r) { return p < r.begin; });
  return it == records_.begin() ? nullptr : &*std::prev(it);
}

// Asks the consumer to splice at `from` and waits for its verdict; Pending when interrupted first
// or at `deadline`.
player::StreamBuffer::Verdict Player::Impl::awaitSplice(std::uint64_t from, Clock::time_point deadline) {
  const std::uint64_t ticket = buffer_.splice(from);
  player::StreamBuffer::Verdict verdict;
  while ((verdict = buffer_.verdict(ticket)) == player::StreamBuffer::Verdict::Pending) {
    if (interrupt_ || stop_ || Clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return verdict;
}

namespace {

// Where to cut record `r` for a rate change, as (stream position, byte of spoken.text to read the
// rest from): the start of the next word the output has not taken (after `read`, written by `write`,
// not inside a stretch of phonemes, which cannot be cut), when it comes within `max_wait` samples;
// else `margin` samples after `read`, from the word being played, which is then said again at the
// new rate (a long word would otherwise delay the change by most of its length). A record still being
// synthesized with no such word is cut where its audio ends, from the last word begun.
std::optional<std::pair<std::uint64_t, std::size_t>> nextWordCut(const player::Record& r, std::uint64_t read,
                                                                 std::uint64_t write, std::uint64_t max_wait,
                                                                 std::uint64_t margin) {
  const std::vector<VoiceRun> no_runs;
  const std::vector<VoiceRun>& runs = r.sentence ? r.sentence->runs : no_runs;
  const auto in_phonemes = [&](std::size_t byte) {
    return std::any_of(runs.begin(), runs.end(),
                       [&](const VoiceRun& v) { return v.phonemes && v.text.begin < byte && byte < v.text.end; });
  };
  const std::uint64_t speech_end = r.complete ? r.speech_end : write;
  std::optional<std::pair<std::uint64_t, std::size_t>> playing, last_begun;
  for (std::size_t k = 0; k < r.words.size() && k < r.word_text.size(); ++k) {
    const std::uint64_t at = r.words[k].first;
    if (at > write || at >= speech_end || in_phonemes(r.word_text[k])) continue;
    if (at > read) {
      if (at - read <= max_wait || !playing || read + margin >= speech_end) return std::make_pair(at, r.word_text[k]);
      return std::make_pair(read + margin, playing->second);
    }
    playing = std::make_pair(at, r.word_text[k]);
    last_begun = std::make_pair(write, r.word_text[k]);
  }
  if (playing && read + margin < speech_end && speech_end - read > max_wait) {
    return std::make_pair(read + margin, playing->second);
  }
  if (!r.complete && last_begun) return last_begun;
  return std::nullopt;
}

}  // namespace

// Splices the stream at the first word of the sentence being played that the output has not taken
// yet and makes the rest of that sentence, from that word, the next thing to synthesize (at the new
// rate): the change is heard within a word, not at the sentence's end, and no word is lost or said
// twice. False when there is no such word (the last one or the pause after it is playing) or the
// output passed it before the splice took.
bool Player::Impl::spliceAtNextWord(std::size_t& next, std::size_t& from_byte, Clock::time_point deadline) {
  std::optional<std::pair<std::uint64_t, std::size_t>> cut;
  std::size_t index = 0;
  {
    std::lock_guard<std::mutex> lock(records_mutex_);
    const std::uint64_t read = buffer_.readPosition();
    const player::Record* current = recordAt(read);
    if (!current) return false;
    const auto samples = [&](double seconds) { return static_cast<std::uint64_t>(seconds * sample_rate_); };
    cut = nextWordCut(*current, read, buffer_.writePosition(), samples(kRateCutWait), samples(kRateCutMargin));
    if (!cut) return false;
    index = current->index;
  }
  if (awaitSplice(cut->first, deadline) != player::StreamBuffer::Verdict::Accepted) return false;
  {
    // What lay after the cut is never heard: its records go, the cut one ends at the cut.
    std::lock_guard<std::mutex> lock(records_mutex_);
    while (!records_.empty() && records_.back().begin > cut->first) records_.pop_back();
    player::Record& r = records_.back();
    while (!r.words.empty() && r.words.back().first >= cut->first) {
      r.words.pop_back();
      if (r.word_text.size() > r.words.size()) r.word_text.pop_back();
    }
    const std::size_t bytes = r.sentence ? r.sentence->spoken.text.size() : 0;
    r.share_end = bytes ? static_cast<double>(cut->second) / static_cast<double>(bytes) : 1;
    r.cut_byte = cut->second;
    r.speech_end = r.end = cut->first;
    r.complete = true;
  }
  next = index;
  from_byte = cut->second;
  buffer_.clearDrained();
  return true;
}

// Splices the stream at the end of the record being heard, so that what was synthesized after it
// at the old rate is replaced; true when done or nothing is left to do, false to try again. After a
// record an earlier rate change cut, the rest of its sentence is read again from the cut (a second
// key before the output reached the first cut lost it); else the next sentence follows.
bool Player::Impl::spliceAfterCurrent(std::size_t& next, std::size_t& from_byte, Clock::time_point deadline) {
  std::uint64_t splice_at = 0;
  std::size_t resume = 0, resume_byte = 0;
  {
    std::lock_guard<std::mutex> lock(records_mutex_);
    const std::uint64_t read = buffer_.readPosition();
    const player::Record* current = recordAt(read);
    if (!current) return true;
    if (!current->complete || current->end >= buffer_.writePosition()) return true;  // nothing queued after it
    splice_at = current->end;
    const bool cut = current->cut_byte != std::string::npos;
    resume = cut ? current->index : current->index + 1;
    resume_byte = cut ? current->cut_byte : 0;
  }
  const player::StreamBuffer::Verdict verdict = awaitSplice(splice_at, deadline);
  if (verdict == player::StreamBuffer::Verdict::Pending) return true;  // interrupted or too late
  if (verdict != player::StreamBuffer::Verdict::Accepted) return false;  // the listener moved past it
  next = resume;
  from_byte = resume_byte;
  buffer_.clearDrained();
  return true;
}

void Player::Impl::applyRate(Synthesizer& synth, VoiceParams& params, int rate, std::size_t& next,
                             std::size_t& from_byte) {
  params.rate = rate;
  setVoiceOnce(synth, params);
  synth_rate_ = rate;  // what was measured at the old rate still holds, scaled (records_mutex_ comment)
  // From the next word the output has not taken; in a sentence's last word or pause, from the next
  // sentence. When the listener moved on before a splice took, the next place is tried.
  const auto deadline = Clock::now() + std::chrono::seconds(1);
  while (!interrupt_ && !stop_ && Clock::now() < deadline) {
    if (spliceAtNextWord(next, from_byte, deadline)) return;
    if (spliceAfterCurrent(next, from_byte, deadline)) return;
  }
}

std::unique_ptr<Synthesizer> Player::Impl::makeSynthesizer(const SynthesizerFactory& make_synth,
                                                           VoiceParams& params) {
  std::unique_ptr<Synthesizer> synth = make_synth ? make_synth() : std::make_unique<EspeakSynthesizer>();
  params.volume = synth_volume_;
  synth->setVoice(params);
  synth_rate_ = kRateRange.clamp(params.rate);
  voice_set_ = params;
  sample_rate_ = synth->sampleRate();
  return synth;
}

player::Orders Player::Impl::takeOrders() {
  player::Orders orders;
  std::lock_guard<std::mutex> lock(control_mutex_);
  orders.quit = quit_;
  orders.jump.swap(jump_);
  if (orders.jump) orders.jump_ticket = jumps_posted_;
  orders.rate.swap(rate_request_);
  orders.say.swap(say_);
  interrupt_ = false;
  rate_pending_ = false;
  return orders;
}

void Player::Impl::markFirstReady() {
  {
    std::lock_guard<std::mutex> lock(control_mutex_);
    if (first_ready_) return;
    first_ready_ = true;
  }
  control_cv_.notify_all();
}

// Everything is synthesized: wait for a command that needs more.
void Player::Impl::idleAtEnd() {
  buffer_.setDrainedAt(buffer_.writePosition());
  markFirstReady();
  std::unique_lock<std::mutex> lock(control_mutex_);
  control_cv_.wait(lock, [&] { return quit_ || jump_ || rate_request_; });
}

void Player::Impl::setVoiceOnce(Synthesizer& synth, const VoiceParams& wanted) {
  if (wanted == voice_set_) return;
  synth.setVoice(wanted);
  voice_set_ = wanted;
}

// Words spoken before sentence `index` (which keeps the highlight), in the listener's own voice.
void Player::Impl::speakAnnouncement(Synthesizer& synth, const VoiceParams& params, const std::string& text,
                                     std::size_t index) {
  setVoiceOnce(synth, params);
  beginRecord(index);
  bool ok = true;
  synth.synthesize(text, [&](const std::int16_t* pcm, std::size_t n, const std::vector<WordEvent>&) {
    if (quitting_) return false;
    if (ok) ok = push(pcm, n);
    return true;
  });
  if (ok) push(nullptr, static_cast<std::size_t>(opt_.pauses.sentence_ms) * static_cast<std::size_t>(sample_rate_) / 1000);
  std::lock_guard<std::mutex> lock(records_mutex_);
  records_.back().speech_end = records_.back().end = buffer_.writePosition();
  markFirstReady();
}

// Synthesizes sentence `next` with the pause after it; false when interrupted or at the end.
bool Player::Impl::synthesizeNext(Synthesizer& synth, const VoiceParams& params, std::size_t& next,
                                  std::size_t& from_byte) {
  bool past_end = false;
  const Sentence* s = waitForSentence(next, &past_end);
  if (!s) {
    if (past_end) idleAtEnd();
    return false;
  }
  // The pause after a sentence depends on whether the next one starts a new block.
  bool last = false;
  const Sentence* following = waitForSentence(next + 1, &last);
  if (!following && !last) return false;  // interrupted
  if (opt_.style.enabled) setVoiceOnce(synth, styledVoice(params, opt_.style, s->kind));
  const bool done = synthesizeOne(synth, *s, next,
                                  pauseAfter(*s, following, opt_.pauses, sample_rate_, opt_.style), from_byte);
  if (done) {
    ++next;
    from_byte = 0;
  }
  if (done) markFirstReady();
  return done;
}

void Player::Impl::synthLoop(const SynthesizerFactory& make_synth) {
  try {
    VoiceParams params = opt_.voice;
    const std::unique_ptr<Synthesizer> synth = makeSynthesizer(make_synth, params);
    std::size_t next = opt_.first_sentence;
    std::size_t from_byte = 0;  // in sentence `next`: where a rate change cut it
    while (true) {
      const player::Orders orders = takeOrders();
      if (orders.quit) break;
      if (orders.jump) {
        buffer_.clearDrained();
        buffer_.splice(player::StreamBuffer::kNow);
        next = *orders.jump;
        from_byte = 0;
        {
          // Only now may jumpTo() return: the next render() will not play the old audio.
          std::lock_guard<std::mutex> lock(control_mutex_);
          jumps_taken_ = orders.jump_ticket;
        }
        trim_lead_ = true;
        control_cv_.notify_all();
      }
      if (orders.rate && *orders.rate != params.rate) applyRate(*synth, params, *orders.rate, next, from_byte);
      if (orders.say) speakAnnouncement(*synth, params, *orders.say, next);
      if (interrupt_) continue;
      synthesizeNext(*synth, params, next, from_byte);
    }
  } catch (const Error& e) {
    fail(e);
  } catch (const std::exception& e) {
    fail(unexpected(e));
  }
}

// ---------------------------------------------------------------- Player

Player::Player(std::shared_ptr<const Document> doc, const LanguageData& data, PlayerOptions options,
               SynthesizerFactory make_synth)
    : impl_(std::make_unique<Impl>(std::move(doc), data, std::move(options), std::move(make_synth))) {}
Player::~Player() = default;
void Player::start(AudioOutput& output) { impl_->start(output); }
std::uint64_t Player::send(PlayerCommand command) { return impl_->send(command); }
std::uint64_t Player::jumpTo(std::size_t index) { return impl_->jumpTo(index, true); }
std::uint64_t Player::say(std::string text) { return impl_->say(std::move(text)); }
std::optional<std::size_t> Player::find(Landmark landmark, bool forward) const { return impl_->find(landmark, forward); }
std::optional<std::size_t> Player::firstSentenceOfBlock(std::size_t block) const {
  return impl_->firstSentenceOfBlock(block);
}
PlayerSnapshot Player::snapshot() const { return impl_->snapshot(); }
PlayerSnapshot Player::waitForChange(std::uint64_t seen_version, std::chrono::milliseconds timeout) const {
  return impl_->waitForChange(seen_version, timeout);
}
PlayerSnapshot Player::waitForApplied(std::uint64_t number, std::chrono::milliseconds timeout) const {
  return impl_->waitForApplied(number, timeout);
}
void Player::wait() const { impl_->wait(); }
void Player::fail(const Error& error) { impl_->fail(error); }
void Player::warn(std::string message) { impl_->warn(std::move(message)); }
std::vector<std::string> Player::warnings(std::size_t from) const { return impl_->warnings(from); }
std::shared_ptr<const Document> Player::document() const { return impl_->document(); }
void Player::extend(std::shared_ptr<const Document> full) { impl_->extend(std::move(full)); }
std::size_t Player::sentenceCount() const { return impl_->sentenceCount(); }
std::optional<Sentence> Player::sentence(std::size_t index) const { return impl_->sentence(index); }

}  // namespace vorlesen
