// Internal to the player: the engine's state, shared by its three threads and the callers of the
// Player's public functions, and which lock or atomic guards each part of it.
//
//   prepare thread  (player.cpp)       SentenceStream -> sentences_
//   synthesis thread (player.cpp)      sentences_ -> Synthesizer -> buffer_ (producer), records_
//   watch thread    (player_watch.cpp) output's DAC frame -> buffer_ timeline -> records_ -> snap_
//   output thread   (AudioOutput)      buffer_.render() only (consumer; never locks)
//   any thread      (player.cpp)       commands -> control state; snapshot() <- snap_
//
// Lock order, where two are held at once: control_mutex_ before sentences_mutex_ (jumpTo() notifies
// sentences_cv_ under control_mutex_); records_mutex_, doc_mutex_ and snap_mutex_ are innermost
// (nothing else is locked while one of them is held).
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "player/stream_buffer.h"
#include "vorlesen/player.h"

namespace vorlesen {

namespace player {

using Clock = std::chrono::steady_clock;

// Where one synthesized sentence lies in the stream.
struct Record {
  std::size_t index = 0;
  std::uint64_t begin = 0;
  std::uint64_t speech_end = 0;  // speech ends, the pause after it begins
  std::uint64_t end = 0;         // after the pause
  bool complete = false;
  std::vector<std::pair<std::uint64_t, Span>> words;  // stream position, source span
  std::vector<std::size_t> word_text;                 // parallel to words: where each begins in spoken.text
  const Sentence* sentence = nullptr;                 // in sentences_ (a deque: the reference stays valid)
  // The share of the sentence (bytes of its spoken text) the record covers: all of it, unless a rate
  // change cut it at a word and read the rest again as a record of its own.
  double share_begin = 0;
  double share_end = 1;
  // Where a rate change cut it: the byte of spoken.text the rest of the sentence is read from again
  // (npos: the record runs to the sentence's end).
  std::size_t cut_byte = std::string::npos;
};

// Heard position resolved against the records.
struct Heard {
  bool known = false;
  std::size_t sentence = 0;
  Span word;
  std::uint64_t into_sentence = 0;  // samples since the sentence began
  std::uint64_t length = 0;         // the record's samples with its pause; 0 while still synthesized
  double share_begin = 0;           // the share of the sentence the record covers (Record)
  double share_end = 1;
};

// Where a sentence lies in the document, counted in words of its original text: the unit of time
// estimates (a word takes about the same time at a given rate, unlike a byte of a number or a URL).
struct SentenceWords {
  std::size_t before = 0;  // words of the document before the sentence
  std::size_t words = 0;   // words of the sentence
};

// The time estimate's state, kept by the watch thread alone: `elapsed` is frozen at a rate change and
// goes on from there at the new rate, so a rate change moves the time left, never the time elapsed.
struct TimeAnchor {
  int rate = 0;              // the rate the anchor was set at
  double words = 0;          // the position (in words) where it was set
  double elapsed = 0;        // the elapsed time there
  double last_elapsed = 0;   // published last: elapsed never goes back unless the listener jumps
  std::uint64_t jumps = 0;   // jumps seen so far
};

// What the synthesis thread takes from the control state at the top of its loop.
struct Orders {
  bool quit = false;
  std::optional<std::size_t> jump;
  std::uint64_t jump_ticket = 0;
  std::optional<int> rate;
  std::optional<std::string> say;  // words to speak before `jump`
};

}  // namespace player

class Player::Impl {
 public:
  Impl(std::shared_ptr<const Document> doc, const LanguageData& data, PlayerOptions options,
       SynthesizerFactory make_synth);
  ~Impl();

  // --- any thread (player.cpp) ---
  void start(AudioOutput& output);
  std::uint64_t send(PlayerCommand command);
  std::uint64_t jumpTo(std::size_t index, bool clamp_to_prepared);
  std::uint64_t say(std::string text);
  std::optional<std::size_t> find(Landmark landmark, bool forward) const;
  std::optional<std::size_t> firstSentenceOfBlock(std::size_t block) const;
  PlayerSnapshot snapshot() const;
  PlayerSnapshot waitForChange(std::uint64_t seen, std::chrono::milliseconds timeout) const;
  PlayerSnapshot waitForApplied(std::uint64_t number, std::chrono::milliseconds timeout) const;
  void wait() const;
  void fail(const Error& error);
  void warn(std::string message);
  std::vector<std::string> warnings(std::size_t from) const;
  std::size_t sentenceCount() const;
  std::optional<Sentence> sentence(std::size_t index) const;
  std::shared_ptr<const Document> document() const;
  void extend(std::shared_ptr<const Document> full);

 private:
  // The document read, with the reading bytes before each block, for time estimates. Replaced
  // once when a head document is extended (extend()); readers copy the pointer.
  struct DocView {
    std::shared_ptr<const Document> doc;
    std::vector<std::size_t> words_before_block;
    std::size_t total_words = 0;
  };
  static std::shared_ptr<const DocView> makeView(std::shared_ptr<const Document> doc);
  std::shared_ptr<const DocView> view() const;

  // --- commands (player.cpp) ---
  // Applies `effect` under control_mutex_ and numbers it: the watch thread publishes `applied_`
  // with the state the effect left.
  template <class Effect>
  std::uint64_t command(Effect&& effect);
  std::size_t baseSentence() const;
  std::size_t firstOfBlockAfter(std::size_t sentence);
  std::size_t firstOfBlock(std::size_t block_of_sentence) const;
  void stopLocked();  // caller holds control_mutex_
  bool isLandmark(Landmark landmark, std::size_t i) const;  // caller holds sentences_mutex_
  // The first sentence from `from` on where `hit(i)` holds (sentences_mutex_ held while it is
  // asked), waiting up to 2 s for the prepare thread.
  template <class Hit>
  std::optional<std::size_t> searchForward(std::size_t from, Hit&& hit) const;

  // --- prepare thread (player.cpp) ---
  void prepareLoop(const LanguageData& data);
  void prepareAll(const Pipeline& pipeline);
  void addSentence(Sentence s, std::pair<std::size_t, std::size_t>& cursor);
  std::shared_ptr<const Document> waitForWhole();

  // --- synthesis thread (player.cpp) ---
  void synthLoop(const SynthesizerFactory& make_synth);
  std::unique_ptr<Synthesizer> makeSynthesizer(const SynthesizerFactory& make_synth, VoiceParams& params);
  player::Orders takeOrders();
  // `from_byte`: where in the sentence's spoken text to begin (a rate change's cut), then 0.
  bool synthesizeNext(Synthesizer& synth, const VoiceParams& params, std::size_t& next, std::size_t& from_byte);
  void speakAnnouncement(Synthesizer& synth, const VoiceParams& params, const std::string& text, std::size_t index);
  void setVoiceOnce(Synthesizer& synth, const VoiceParams& wanted);
  bool synthesizeOne(Synthesizer& synth, const Sentence& s, std::size_t index, std::size_t pause_samples,
                     std::size_t from_byte);
  bool push(const std::int16_t* samples, std::size_t count);
  std::uint64_t beginRecord(std::size_t index, const Sentence* sentence = nullptr, std::size_t from_byte = 0);
  void applyRate(Synthesizer& synth, VoiceParams& params, int rate, std::size_t& next, std::size_t& from_byte);
  bool spliceAtNextWord(std::size_t& next, std::size_t& from_byte, player::Clock::time_point deadline);
  bool spliceAfterCurrent(std::size_t& next, std::size_t& from_byte, player::Clock::time_point deadline);
  player::StreamBuffer::Verdict awaitSplice(std::uint64_t from, player::Clock::time_point deadline);
  // The record holding stream position `position` (nullptr: before the first); caller holds records_mutex_.
  const player::Record* recordAt(std::uint64_t position) const;
  void markFirstReady();
  void idleAtEnd();
  // Sentence `index` when prepared; waits for the prepare thread. nullptr past the end (or on quit).
  const Sentence* waitForSentence(std::size_t index, bool* past_end);

  // --- watch thread (player_watch.cpp) ---
  void watchLoop();
  void checkOutput(AudioOutput* out);
  player::Heard heardNow(std::uint64_t audible, bool& finished);
  player::Heard resolve(std::uint64_t position) const;
  void showPendingJump(player::Heard& h, bool paused, bool& finished);
  void fillPosition(PlayerSnapshot& s, const player::Heard& h);
  void fillTimes(PlayerSnapshot& s, double position_words, std::size_t total_words, std::uint64_t jumps);
  // Seconds `words` words take at `rate`, from what synthesis measured so far (any rate).
  double secondsFor(double words, int rate) const;
  PlayerState stateNow(bool quit, bool failed, std::uint64_t audible, bool finished) const;
  void publish(PlayerSnapshot s);

  // Set before the threads start, then only read: no guard.
  const PlayerOptions opt_;
  const int synth_volume_;  // eSpeak's amplitude for the whole session; volume changes are a gain on it

  // doc_mutex_ guards view_ (replaced once, by the prepare thread, when a head is extended).
  mutable std::mutex doc_mutex_;
  std::shared_ptr<const DocView> view_;

  // sentences_mutex_ (with sentences_cv_) guards the prepared sentences and the hand-over of the whole
  // document: sentences_ (std::deque: references stay valid while the prepare thread appends, and an
  // element never changes once appended, so the synthesis thread reads it unlocked), all_prepared_,
  // extended_, full_.
  mutable std::mutex sentences_mutex_;
  mutable std::condition_variable sentences_cv_;  // mutable: const searches wait on it
  std::deque<Sentence> sentences_;
  std::deque<player::SentenceWords> sentence_words_;  // parallel to sentences_
  bool all_prepared_ = false;
  bool extended_ = false;  // extend() was called (with full_, or null: no more)
  std::shared_ptr<const Document> full_;

  // records_mutex_ guards where synthesized sentences lie in the stream and the measured speed:
  // records_, speech_norm_, pause_samples_, measured_words_ (written by the synthesis thread, read
  // by the watch thread). Speech is measured in samples times the rate it was synthesized at, which
  // eSpeak keeps about constant, so what was measured at one rate predicts every other rate.
  mutable std::mutex records_mutex_;
  std::deque<player::Record> records_;
  double speech_norm_ = 0;
  double pause_samples_ = 0;
  std::size_t measured_words_ = 0;

  // Synthesis thread only: the rate of the sentence being synthesized.
  int synth_rate_ = 0;
  bool trim_lead_ = true;  // synthesis thread: the next sentence starts playback (start, a jump)
  // Watch thread only.
  player::TimeAnchor anchor_;

  // control_mutex_ (with control_cv_, which also wakes the watch thread early) guards the commands
  // and the outcome: jump_, rate_request_, say_, quit_, jumps_posted_, jumps_taken_, commands_,
  // first_ready_, start_error_, error_, pending_target_, pending_since_.
  mutable std::mutex control_mutex_;
  std::condition_variable control_cv_;
  std::optional<std::size_t> jump_;
  std::optional<int> rate_request_;
  std::optional<std::string> say_;
  bool quit_ = false;
  std::uint64_t jumps_posted_ = 0;
  std::uint64_t jumps_taken_ = 0;
  std::uint64_t commands_ = 0;                 // numbers given out by command()
  bool first_ready_ = false;                   // start() may start the output
  std::exception_ptr start_error_;             // what start() throws
  std::optional<Error> error_;                 // the first failure; the snapshot's error
  std::optional<std::size_t> pending_target_;  // a jump not heard yet (base for the next relative jump)
  player::Clock::time_point pending_since_;

  // snap_mutex_ (with snap_cv_) guards what front ends read: snap_ (written by the watch thread
  // only) and warnings_ (appended by warn(), any thread).
  mutable std::mutex snap_mutex_;
  mutable std::condition_variable snap_cv_;
  PlayerSnapshot snap_;
  std::vector<std::string> warnings_;

  // The synthesis thread's own: the voice its Synthesizer was last set to.
  VoiceParams voice_set_;

  // Atomics, each its own guard. The first three are fast-path copies of control state, set under
  // control_mutex_ and polled unlocked by the synthesis thread between audio blocks.
  std::atomic<bool> interrupt_{false};  // a jump or quit waits: stop the current sentence
  std::atomic<bool> rate_pending_{false};
  std::atomic<bool> quitting_{false};   // Quit or a failure: stop synthesis at once
  std::atomic<bool> stop_{false};       // the destructor runs: every thread ends
  std::atomic<std::uint64_t> applied_{0};  // the last command whose effect is in place (release/acquire)
  std::atomic<int> rate_{0};            // what the next sentence is synthesized at (commands, watch)
  std::atomic<int> volume_{0};          // commands write it under control_mutex_; the watch thread reads it
  std::atomic<int> sample_rate_{0};     // set once by the synthesis thread before first_ready_
  std::atomic<bool> started_{false};    // start() started the output
  std::atomic<AudioOutput*> output_{nullptr};

  // Lock-free by its own protocol (stream_buffer.h): the synthesis thread is the one producer, the
  // output's thread the one consumer; pause, gain and positions are atomics any thread may use.
  player::StreamBuffer buffer_;

  // Started last in the constructor, joined first in the destructor.
  std::thread prepare_thread_;
  std::thread synth_thread_;
  std::thread watch_thread_;
};

}  // namespace vorlesen
