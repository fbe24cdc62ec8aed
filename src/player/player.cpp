// The player engine: three threads around a StreamBuffer.
//  - prepare thread: SentenceStream (segment, normalize, pronounce) one sentence at a time into `sentences_`;
//  - synthesis thread: owns the Synthesizer, synthesizes sentence after sentence into the buffer,
//    records where each sentence and word landed (stream positions), and carries out commands;
//  - watch thread: every few milliseconds turns the output's DAC frame into a stream position and
//    that into sentence and word, and publishes the PlayerSnapshot front ends read.
// The output's thread only calls StreamBuffer::render(), which never locks.
#include "vorlesen/player.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "player/stream_buffer.h"
#include "vorlesen/error.h"
#include "vorlesen/language_data.h"

namespace vorlesen {

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

using Clock = std::chrono::steady_clock;
constexpr auto kWatchPeriod = std::chrono::milliseconds(10);
constexpr auto kProducerPoll = std::chrono::milliseconds(3);
constexpr int kMinRate = 80;
constexpr int kMaxRate = 450;
constexpr int kMaxVolume = 200;

// Where one synthesized sentence lies in the stream.
struct Record {
  std::size_t index = 0;
  std::uint64_t begin = 0;
  std::uint64_t speech_end = 0;  // speech ends, the pause after it begins
  std::uint64_t end = 0;         // after the pause
  bool complete = false;
  std::vector<std::pair<std::uint64_t, Span>> words;  // stream position, source span
};

// Heard position resolved against the records.
struct Heard {
  bool known = false;
  std::size_t sentence = 0;
  Span word;
  std::uint64_t into_sentence = 0;  // samples since the sentence began
};

}  // namespace

class Player::Impl {
 public:
  Impl(std::shared_ptr<const Document> doc, const LanguageData& data, PlayerOptions options,
       SynthesizerFactory make_synth);
  ~Impl();

  void start(AudioOutput& output);
  void send(PlayerCommand command);
  void jumpTo(std::size_t index, bool clamp_to_prepared);
  PlayerSnapshot snapshot() const {
    std::lock_guard<std::mutex> lock(snap_mutex_);
    return snap_;
  }
  PlayerSnapshot waitForChange(std::uint64_t seen, std::chrono::milliseconds timeout) const {
    std::unique_lock<std::mutex> lock(snap_mutex_);
    snap_cv_.wait_for(lock, timeout, [&] { return snap_.version != seen; });
    return snap_;
  }
  void wait() const {
    std::unique_lock<std::mutex> lock(snap_mutex_);
    snap_cv_.wait(lock, [&] { return snap_.state == PlayerState::Finished || snap_.state == PlayerState::Error; });
  }
  std::size_t sentenceCount() const {
    std::lock_guard<std::mutex> lock(sentences_mutex_);
    return sentences_.size();
  }
  std::optional<Sentence> sentence(std::size_t index) const {
    std::lock_guard<std::mutex> lock(sentences_mutex_);
    if (index >= sentences_.size()) return std::nullopt;
    return sentences_[index];
  }

  std::shared_ptr<const Document> document() const {
    std::lock_guard<std::mutex> lock(doc_mutex_);
    return view_->doc;
  }
  void extend(std::shared_ptr<const Document> full);

 private:
  // The document read, with the reading bytes before each block, for time estimates. Replaced
  // once when a head document is extended (extend()); readers copy the pointer.
  struct DocView {
    std::shared_ptr<const Document> doc;
    std::vector<std::size_t> bytes_before_block;
    std::size_t total_bytes = 0;
  };
  static std::shared_ptr<const DocView> makeView(std::shared_ptr<const Document> doc);
  std::shared_ptr<const DocView> view() const {
    std::lock_guard<std::mutex> lock(doc_mutex_);
    return view_;
  }

  // prepare thread
  void prepareLoop(const LanguageData& data);
  // synthesis thread
  void synthLoop(const SynthesizerFactory& make_synth);
  bool synthesizeOne(Synthesizer& synth, const Sentence& s, std::size_t index, std::size_t pause_samples);
  bool push(const std::int16_t* samples, std::size_t count, std::uint64_t sentence_begin);
  void applyRate(Synthesizer& synth, VoiceParams& params, int rate, std::size_t& next);
  // Sentence `index` when prepared; waits for the prepare thread. nullptr past the end (or on quit).
  const Sentence* waitForSentence(std::size_t index, bool* past_end);
  void fail(const std::string& message);
  // watch thread
  void watchLoop();
  Heard resolve(std::uint64_t position) const;
  std::size_t baseSentence() const;
  std::size_t firstOfBlockAfter(std::size_t sentence);
  std::size_t firstOfBlock(std::size_t block_of_sentence) const;

  const PlayerOptions opt_;
  mutable std::mutex doc_mutex_;
  std::shared_ptr<const DocView> view_;

  // Prepared sentences. std::deque: references stay valid while the prepare thread appends.
  mutable std::mutex sentences_mutex_;
  std::condition_variable sentences_cv_;
  std::deque<Sentence> sentences_;
  bool all_prepared_ = false;
  bool extended_ = false;                   // extend() was called (with full_, or null: no more)
  std::shared_ptr<const Document> full_;

  // Where synthesized sentences lie in the stream, and the measured speed.
  mutable std::mutex records_mutex_;
  std::deque<Record> records_;
  std::uint64_t measured_samples_ = 0;
  std::size_t measured_bytes_ = 0;

  // Commands for the synthesis thread.
  mutable std::mutex control_mutex_;
  std::condition_variable control_cv_;
  std::optional<std::size_t> jump_;
  std::optional<int> rate_request_;
  bool quit_ = false;
  std::uint64_t jumps_posted_ = 0;
  std::uint64_t jumps_taken_ = 0;
  bool first_ready_ = false;
  std::exception_ptr start_error_;
  std::string error_;
  std::atomic<bool> interrupt_{false};      // a jump or quit waits: stop the current sentence
  std::atomic<bool> rate_pending_{false};
  std::atomic<bool> quitting_{false};       // Quit or a failure: stop synthesis at once
  std::optional<std::size_t> pending_target_;  // a jump not heard yet (base for the next relative jump)
  Clock::time_point pending_since_;

  std::atomic<int> rate_{0};
  std::atomic<int> volume_{0};
  std::atomic<int> synth_volume_{100};
  std::atomic<int> sample_rate_{0};
  std::atomic<bool> started_{false};
  std::atomic<AudioOutput*> output_{nullptr};
  std::atomic<bool> stop_{false};

  player::StreamBuffer buffer_;

  mutable std::mutex snap_mutex_;
  mutable std::condition_variable snap_cv_;
  PlayerSnapshot snap_;

  std::thread prepare_thread_;
  std::thread synth_thread_;
  std::thread watch_thread_;
};

Player::Impl::Impl(std::shared_ptr<const Document> doc, const LanguageData& data, PlayerOptions options,
                   SynthesizerFactory make_synth)
    : opt_(std::move(options)), view_(makeView(std::move(doc))), buffer_(opt_.ring_frames) {
  rate_ = std::clamp(opt_.voice.rate, kMinRate, kMaxRate);
  // Volume changes during playback are a gain on what eSpeak produced at the starting volume.
  synth_volume_ = opt_.voice.volume > 0 ? opt_.voice.volume : 100;
  volume_ = std::clamp(opt_.voice.volume, 0, kMaxVolume);
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
    quit_ = true;
    stop_ = true;
  }
  quitting_ = true;
  interrupt_ = true;
  control_cv_.notify_all();
  {
    std::lock_guard<std::mutex> lock(sentences_mutex_);
  }
  sentences_cv_.notify_all();
  synth_thread_.join();
  prepare_thread_.join();
  watch_thread_.join();
  // Last: the output's thread renders from buffer_ until here, and the watch thread asked it for
  // its position until it was joined.
  if (AudioOutput* out = output_.load()) out->stop();
}

std::shared_ptr<const Player::Impl::DocView> Player::Impl::makeView(std::shared_ptr<const Document> doc) {
  auto v = std::make_shared<DocView>();
  for (const Block& b : doc->blocks) {
    v->bytes_before_block.push_back(v->total_bytes);
    v->total_bytes += b.span.size();
  }
  v->doc = std::move(doc);
  return v;
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

// ---------------------------------------------------------------- prepare thread

namespace {

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

}  // namespace

void Player::Impl::prepareLoop(const LanguageData& data) {
  // Preparing a long document must not slow down the first sentence or the audio: run it at a
  // lower priority (Linux gives each thread its own nice value).
  ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
  try {
    std::shared_ptr<const Pipeline> pipeline = opt_.pipeline;
    if (!pipeline) {
      std::vector<Lexicon> lexicons;
      for (const std::string& path : opt_.lexicons) lexicons.push_back(Lexicon::load(path));
      pipeline = std::make_shared<const Pipeline>(data, std::move(lexicons), espeakHasLanguage);
    }
    // The same sentences render produces: segmented, normalized and pronounced, one at a time.
    std::shared_ptr<const Document> doc = document();
    bool head = opt_.head_until != SIZE_MAX;  // reading the head of a document still being extracted
    std::optional<SentenceStream> stream;
    stream.emplace(*pipeline, *doc, 0, opt_.head_until);
    Sentence s;
    while (!stop_) {
      if (!stream->next(s)) {
        if (!head) break;
        head = false;
        // The head is read as far as it may be: go on in the whole document once it is there.
        std::shared_ptr<const Document> full;
        {
          std::unique_lock<std::mutex> lock(sentences_mutex_);
          sentences_cv_.wait(lock, [&] { return extended_ || stop_.load(); });
          full = full_;
        }
        if (!full) {  // none after all: the rest of the head
          stream.emplace(*pipeline, *doc, stream->blocksDone());
          continue;
        }
        stream.emplace(*pipeline, *full, continueAt(*doc, *full, stream->blocksDone()));
        {
          std::lock_guard<std::mutex> lock(doc_mutex_);
          view_ = makeView(full);
        }
        doc = std::move(full);
        continue;
      }
      std::lock_guard<std::mutex> lock(sentences_mutex_);
      sentences_.push_back(std::move(s));
      sentences_cv_.notify_all();
    }
  } catch (const std::exception& e) {  // not only Error: an exception leaving a thread aborts the program
    fail(e.what());
  }
  std::lock_guard<std::mutex> lock(sentences_mutex_);
  all_prepared_ = true;
  sentences_cv_.notify_all();
}

// ---------------------------------------------------------------- synthesis thread

void Player::Impl::fail(const std::string& message) {
  {
    std::lock_guard<std::mutex> lock(control_mutex_);
    if (error_.empty()) error_ = message;
    if (!first_ready_ && !start_error_) start_error_ = std::make_exception_ptr(Error::synthesis(message));
  }
  control_cv_.notify_all();
}

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

bool Player::Impl::push(const std::int16_t* samples, std::size_t count, std::uint64_t sentence_begin) {
  while (count > 0) {
    const std::size_t n = buffer_.write(samples, count);
    if (samples) samples += n;
    count -= n;
    if (count == 0) break;
    if (interrupt_ || stop_) return false;
    // A rate change redoes this sentence unless the listener is already hearing it.
    if (rate_pending_ && buffer_.readPosition() < sentence_begin) return false;
    std::unique_lock<std::mutex> lock(control_mutex_);
    control_cv_.wait_for(lock, kProducerPoll);
  }
  return true;
}

bool Player::Impl::synthesizeOne(Synthesizer& synth, const Sentence& s, std::size_t index,
                                 std::size_t pause_samples) {
  const std::uint64_t begin = buffer_.writePosition();
  {
    std::lock_guard<std::mutex> lock(records_mutex_);
    Record r;
    r.index = index;
    r.begin = r.speech_end = r.end = begin;
    records_.push_back(std::move(r));
    // Keep the records the listener can still be in; older ones go (bounded memory).
    const std::uint64_t read = buffer_.readPosition();
    while (records_.size() > 64 && records_.front().end < read) records_.pop_front();
  }
  const auto update = [&](auto&& change) {
    std::lock_guard<std::mutex> lock(records_mutex_);
    change(records_.back());
  };
  bool ok = true;
  synth.synthesizeRuns(s.spoken.text, s.runs, [&](const std::int16_t* pcm, std::size_t n, const std::vector<WordEvent>& events) {
    if (quitting_) return false;
    // After an interruption the rest is synthesized into the void (it takes milliseconds): an
    // aborted eSpeak NG message leaves state behind that adds silence to the next one.
    if (!ok) return true;
    if (!events.empty()) {
      update([&](Record& r) {
        for (const WordEvent& ev : events) {
          r.words.emplace_back(begin + ev.sample, s.spoken.sourceOf(ev.text.begin, ev.text.end));
        }
      });
    }
    ok = push(pcm, n, begin);
    update([&](Record& r) { r.speech_end = r.end = buffer_.writePosition(); });
    return true;
  });
  if (!ok) return false;
  ok = push(nullptr, pause_samples, begin);
  std::lock_guard<std::mutex> lock(records_mutex_);
  Record& r = records_.back();
  r.end = buffer_.writePosition();
  if (!ok) return false;
  r.complete = true;
  measured_samples_ += r.end - r.begin;
  measured_bytes_ += s.source.size();
  return true;
}

void Player::Impl::applyRate(Synthesizer& synth, VoiceParams& params, int rate, std::size_t& next) {
  params.rate = rate;
  synth.setVoice(params);
  {
    std::lock_guard<std::mutex> lock(records_mutex_);
    measured_samples_ = 0;
    measured_bytes_ = 0;
  }
  const auto deadline = Clock::now() + std::chrono::seconds(1);
  while (!interrupt_ && !stop_ && Clock::now() < deadline) {
    // The sentence being played finishes at the old rate; what was synthesized after it is replaced.
    std::uint64_t splice_at = 0;
    std::size_t resume = 0;
    {
      std::lock_guard<std::mutex> lock(records_mutex_);
      const std::uint64_t read = buffer_.readPosition();
      auto it = std::upper_bound(records_.begin(), records_.end(), read,
                                 [](std::uint64_t p, const Record& r) { return p < r.begin; });
      if (it == records_.begin()) return;
      const Record& current = *std::prev(it);
      if (!current.complete || current.end >= buffer_.writePosition()) return;  // nothing queued after it
      splice_at = current.end;
      resume = current.index + 1;
    }
    const std::uint64_t ticket = buffer_.splice(splice_at);
    player::StreamBuffer::Verdict verdict;
    while ((verdict = buffer_.verdict(ticket)) == player::StreamBuffer::Verdict::Pending) {
      if (interrupt_ || stop_ || Clock::now() >= deadline) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (verdict == player::StreamBuffer::Verdict::Accepted) {
      next = resume;
      buffer_.clearDrained();
      return;
    }
    // The listener already moved past that point: try the end of the sentence now playing.
  }
}

void Player::Impl::synthLoop(const SynthesizerFactory& make_synth) {
  std::unique_ptr<Synthesizer> synth;
  VoiceParams params = opt_.voice;
  try {
    synth = make_synth ? make_synth() : std::make_unique<EspeakSynthesizer>();
    params.volume = synth_volume_;
    synth->setVoice(params);
    sample_rate_ = synth->sampleRate();
  } catch (const std::exception& e) {
    std::lock_guard<std::mutex> lock(control_mutex_);
    start_error_ = std::current_exception();
    error_ = e.what();
    control_cv_.notify_all();
    return;
  }
  std::size_t next = opt_.first_sentence;
  try {
    while (true) {
      std::optional<std::size_t> jump;
      std::uint64_t jump_ticket = 0;
      std::optional<int> rate;
      {
        std::unique_lock<std::mutex> lock(control_mutex_);
        if (quit_) break;
        jump.swap(jump_);
        if (jump) jump_ticket = jumps_posted_;
        rate.swap(rate_request_);
        interrupt_ = false;
        rate_pending_ = false;
      }
      if (jump) {
        buffer_.clearDrained();
        buffer_.splice(player::StreamBuffer::kNow);
        next = *jump;
        // Only now may jumpTo() return: the next render() will not play the old audio.
        std::lock_guard<std::mutex> lock(control_mutex_);
        jumps_taken_ = jump_ticket;
        control_cv_.notify_all();
      }
      if (rate && *rate != params.rate) applyRate(*synth, params, *rate, next);
      if (interrupt_) continue;

      bool past_end = false;
      const Sentence* s = waitForSentence(next, &past_end);
      if (!s) {
        if (past_end) {
          buffer_.setDrainedAt(buffer_.writePosition());
          std::unique_lock<std::mutex> lock(control_mutex_);
          first_ready_ = true;
          control_cv_.notify_all();
          control_cv_.wait(lock, [&] { return quit_ || jump_ || rate_request_; });
        }
        continue;
      }
      // The pause after a sentence depends on whether the next one starts a new block.
      bool last = false;
      const Sentence* following = waitForSentence(next + 1, &last);
      if (!following && !last) continue;  // interrupted
      const int ms = last ? 0 : (following->block != s->block ? opt_.pauses.paragraph_ms : opt_.pauses.sentence_ms);
      const std::size_t pause = static_cast<std::size_t>(ms) * static_cast<std::size_t>(sample_rate_) / 1000;
      const bool done = synthesizeOne(*synth, *s, next, pause);
      if (done) ++next;
      if (done || buffer_.freeSpace() == 0) {
        std::lock_guard<std::mutex> lock(control_mutex_);
        if (!first_ready_) {
          first_ready_ = true;
          control_cv_.notify_all();
        }
      }
    }
  } catch (const std::exception& e) {  // not only Error: an exception leaving a thread aborts the program
    fail(e.what());
  }
}

// ---------------------------------------------------------------- watch thread

Heard Player::Impl::resolve(std::uint64_t position) const {
  Heard h;
  std::lock_guard<std::mutex> lock(records_mutex_);
  auto it = std::upper_bound(records_.begin(), records_.end(), position,
                             [](std::uint64_t p, const Record& r) { return p < r.begin; });
  if (it == records_.begin()) return h;
  const Record& r = *std::prev(it);
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

void Player::Impl::watchLoop() {
  while (!stop_) {
    PlayerSnapshot s;
    {
      std::lock_guard<std::mutex> lock(snap_mutex_);
      s = snap_;
    }
    const PlayerSnapshot before = s;
    AudioOutput* out = output_.load();
    std::string error;
    bool quit = false;
    {
      std::lock_guard<std::mutex> lock(control_mutex_);
      error = error_;
      quit = quit_;
    }
    if (out && error.empty()) {
      error = out->failure();
      if (!error.empty()) {
        fail(error);
        {
          std::lock_guard<std::mutex> lock(control_mutex_);
          quit_ = true;
        }
        quitting_ = true;
        interrupt_ = true;
        control_cv_.notify_all();
      }
    }
    std::uint64_t position = 0;
    bool finished = false;
    // Nothing is heard before the first frame reaches the DAC (the output latency after start).
    const std::uint64_t audible = out ? out->audibleFrames() : 0;
    if (audible > 0 && buffer_.streamPositionAt(audible - 1, position)) {
      Heard h = resolve(position);
      if (h.known) {
        const bool paused = buffer_.paused();
        std::uint64_t end = 0;
        finished = buffer_.drainedAt(end) && position + 1 >= end && !paused;  // position: the last frame heard
        const std::size_t prepared = sentenceCount();
        {
          // A jump shows at once, also while paused (the listener moving through the text with
          // the sound stopped must hear or see where they are), until its audio is heard. A
          // target never heard (past the end) is dropped 2 s after playback resumes.
          std::lock_guard<std::mutex> lock(control_mutex_);
          if (pending_target_ && paused) pending_since_ = Clock::now();
          if (pending_target_ && (*pending_target_ == h.sentence || Clock::now() - pending_since_ > std::chrono::seconds(2))) {
            pending_target_.reset();
          }
          if (pending_target_ && *pending_target_ < prepared) {
            h.sentence = *pending_target_;
            h.word = Span{};
            h.into_sentence = 0;
            finished = false;
          }
        }
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
    }
    {
      std::lock_guard<std::mutex> lock(sentences_mutex_);
      s.sentence_count = sentences_.size();
      s.all_prepared = all_prepared_;
    }
    s.rate = rate_;
    s.volume = volume_;
    s.underrun_frames = buffer_.underrunFrames();
    s.error = error;
    if (!error.empty()) {
      s.state = PlayerState::Error;
    } else if (quit) {
      s.state = PlayerState::Finished;
    } else if (!started_ || audible == 0) {
      s.state = PlayerState::Starting;
    } else if (buffer_.paused()) {
      s.state = PlayerState::Paused;
    } else if (finished) {
      s.state = PlayerState::Finished;
    } else {
      s.state = PlayerState::Playing;
    }
    const bool changed = s.state != before.state || s.sentence != before.sentence ||
                         s.word_source != before.word_source || s.sentence_source != before.sentence_source ||
                         s.sentence_count != before.sentence_count || s.all_prepared != before.all_prepared ||
                         s.rate != before.rate || s.volume != before.volume || s.error != before.error;
    {
      std::lock_guard<std::mutex> lock(snap_mutex_);
      if (changed) ++s.version;
      snap_ = s;
    }
    if (changed) snap_cv_.notify_all();
    std::unique_lock<std::mutex> lock(control_mutex_);
    control_cv_.wait_for(lock, kWatchPeriod);
  }
}

// ---------------------------------------------------------------- commands (any thread)

void Player::Impl::start(AudioOutput& output) {
  {
    std::unique_lock<std::mutex> lock(control_mutex_);
    control_cv_.wait(lock, [&] { return first_ready_ || start_error_; });
    if (start_error_) std::rethrow_exception(start_error_);
  }
  if (sentenceCount() == 0) {
    throw Error::input(document()->name + ": nothing to read aloud (the file is empty or has no words)");
  }
  output.start(buffer_, sample_rate_);
  output_ = &output;
  started_ = true;
  control_cv_.notify_all();
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

void Player::Impl::jumpTo(std::size_t index, bool clamp_to_prepared) {
  if (clamp_to_prepared) {
    const std::size_t count = sentenceCount();
    index = count == 0 ? 0 : std::min(index, count - 1);
  }
  std::unique_lock<std::mutex> lock(control_mutex_);
  if (quit_) return;
  jump_ = index;
  pending_target_ = index;
  pending_since_ = Clock::now();
  const std::uint64_t ticket = ++jumps_posted_;
  interrupt_ = true;
  control_cv_.notify_all();
  sentences_cv_.notify_all();
  // Returns once the synthesis thread has taken the jump, so the next render() plays the target.
  control_cv_.wait_for(lock, std::chrono::seconds(1), [&] { return jumps_taken_ >= ticket || quit_; });
}

void Player::Impl::send(PlayerCommand command) {
  switch (command) {
    case PlayerCommand::TogglePause: buffer_.setPaused(!buffer_.paused()); break;
    case PlayerCommand::Pause: buffer_.setPaused(true); break;
    case PlayerCommand::Resume: buffer_.setPaused(false); break;
    case PlayerCommand::NextSentence: jumpTo(baseSentence() + 1, false); break;
    case PlayerCommand::PrevSentence: {
      const std::size_t k = baseSentence();
      jumpTo(k > 0 ? k - 1 : 0, false);
      break;
    }
    case PlayerCommand::Repeat: jumpTo(baseSentence(), false); break;
    case PlayerCommand::NextBlock: jumpTo(firstOfBlockAfter(baseSentence()), false); break;
    case PlayerCommand::PrevBlock: {
      const std::size_t k = baseSentence();
      const std::size_t first = firstOfBlock(k);
      jumpTo(first < k || first == 0 ? first : firstOfBlock(first - 1), false);
      break;
    }
    case PlayerCommand::RateUp:
    case PlayerCommand::RateDown: {
      const int step = command == PlayerCommand::RateUp ? kRateStep : -kRateStep;
      std::lock_guard<std::mutex> lock(control_mutex_);
      rate_ = std::clamp(rate_.load() + step, kMinRate, kMaxRate);
      rate_request_ = rate_.load();
      rate_pending_ = true;
      break;
    }
    case PlayerCommand::VolumeUp:
    case PlayerCommand::VolumeDown: {
      const int step = command == PlayerCommand::VolumeUp ? kVolumeStep : -kVolumeStep;
      volume_ = std::clamp(volume_.load() + step, 0, kMaxVolume);
      buffer_.setGain(volume_ * 256 / synth_volume_);
      break;
    }
    case PlayerCommand::Quit: {
      std::lock_guard<std::mutex> lock(control_mutex_);
      quit_ = true;
      quitting_ = true;
      interrupt_ = true;
      break;
    }
  }
  control_cv_.notify_all();
}

// ---------------------------------------------------------------- Player

Player::Player(std::shared_ptr<const Document> doc, const LanguageData& data, PlayerOptions options,
               SynthesizerFactory make_synth)
    : impl_(std::make_unique<Impl>(std::move(doc), data, std::move(options), std::move(make_synth))) {}
Player::~Player() = default;
void Player::start(AudioOutput& output) { impl_->start(output); }
void Player::send(PlayerCommand command) { impl_->send(command); }
void Player::jumpTo(std::size_t index) { impl_->jumpTo(index, true); }
PlayerSnapshot Player::snapshot() const { return impl_->snapshot(); }
PlayerSnapshot Player::waitForChange(std::uint64_t seen_version, std::chrono::milliseconds timeout) const {
  return impl_->waitForChange(seen_version, timeout);
}
void Player::wait() const { impl_->wait(); }
std::shared_ptr<const Document> Player::document() const { return impl_->document(); }
void Player::extend(std::shared_ptr<const Document> full) { impl_->extend(std::move(full)); }
std::size_t Player::sentenceCount() const { return impl_->sentenceCount(); }
std::optional<Sentence> Player::sentence(std::size_t index) const { return impl_->sentence(index); }

}  // namespace vorlesen
