// vorlesen — the streaming player engine: reads a Document aloud and says where the listener is.
//
//   Document --(prepare thread: Pipeline, block by block)--> Sentences
//            --(synthesis thread: the one Synthesizer)--> SPSC ring of int16 samples
//            --(AudioOutput thread: render(), never locks/allocates/blocks)--> speakers
//   front ends (plain mode, reading screen) --send()/jumpTo()--> Player --snapshot()--> front ends
//
// Every front end drives playback through the one command interface (send(), jumpTo()) and observes
// it only through snapshot(), a value computed from the output's DAC position, so it tells what is
// heard now, not what was queued. Each command returns its number; once snapshot().applied reaches
// it, the snapshot shows the command's effect (the rate it set, the sentence it jumped to), so a
// front end confirms what the engine did, never what it guessed. A failure is a typed Error in the
// snapshot (its kind decides the exit code: Audio for a lost device); warnings for the user (input
// repaired, lexicon lines skipped) are collected here and counted in the snapshot. Playback starts
// as soon as the first sentence is synthesized; the document is prepared progressively, first block
// first, so start-up does not grow with its size. (Starting a Player for a file, with the output and
// the pipeline made in parallel, is Playback's job: playback.h.)
//
// Ownership: the Player shares the Document (kept alive by the shared_ptr) and owns its threads and
// the Synthesizer (created on the synthesis thread: eSpeak NG allows one per process, one thread).
// The caller owns the AudioOutput and keeps it alive while the Player plays into it; the Player's
// destructor stops the output and joins its threads.
//
// Thread-safety: send(), jumpTo(), say(), find(), firstSentenceOfBlock(), snapshot(), wait*(), warn(),
// warnings(), fail(), extend(), document(), sentence() and sentenceCount() are safe to call from any
// thread, concurrently (the UI thread and a loader thread, say). start() is called once, from the
// thread that constructed the Player.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "vorlesen/audio_output.h"
#include "vorlesen/document.h"
#include "vorlesen/error.h"
#include "vorlesen/pipeline.h"
#include "vorlesen/synthesizer.h"
#include "vorlesen/voice.h"

namespace vorlesen {

class LanguageData;

enum class PlayerState {
  Starting,  // before start(), or waiting for the first sentence's audio
  Playing,
  Paused,
  Finished,  // the last sentence has been heard (a jump command starts playing again)
  Error,     // playback failed (device lost, synthesis failed ...); see PlayerSnapshot::error
};

const char* toString(PlayerState state);  // "starting", "playing", ...

enum class PlayerCommand {
  TogglePause,   // Playing <-> Paused; audible stop within the output latency (< 100 ms)
  Pause,
  Resume,        // resumes exactly where it stopped
  NextSentence,  // start of the sentence after the one heard (at the last one: Finished)
  PrevSentence,  // start of the sentence before the one heard (at the first one: its start)
  NextBlock,     // first sentence of the next block (paragraph)
  PrevBlock,     // first sentence of the current block if past its first sentence, else of the previous one
  Repeat,        // start of the sentence heard
  RateUp,        // +kRateStep words per minute (within kRateRange), from the next word the output has not
                 // taken (the rest of the sentence is synthesized again; a long word being played is
                 // cut and said again), without a gap
  RateDown,
  VolumeUp,      // +kVolumeStep (within kVolumeRange; 100 = as synthesized), immediately
  VolumeDown,
  Quit,          // stops playback; state becomes Finished and wait() returns
};

// What a front end needs to draw the "now playing" state. A plain value, cheap to copy.
struct PlayerSnapshot {
  PlayerState state = PlayerState::Starting;
  std::size_t sentence = 0;        // index of the sentence heard (or about to be heard)
  std::size_t sentence_count = 0;  // sentences prepared so far
  bool all_prepared = false;       // sentence_count is final
  std::size_t block = 0;           // Document::blocks index of that sentence
  Span sentence_source;            // in Document::text, original spelling; empty before the first
  Span word_source;                // the word heard, in Document::text; empty between words
  double elapsed_seconds = 0;      // estimated time into the document at the audible point
  double total_seconds = 0;        // estimated length of the whole document at the current rate
  int rate = 0;                    // words per minute of what is synthesized from now on
  int volume = 0;                  // kVolumeRange, 100 = as synthesized
  std::string voice;
  // Set in state Error: what failed, typed (ErrorKind::Audio: the device was lost or failed,
  // Synthesis: eSpeak NG failed, Input: the rest of the document could not be read ...) with a
  // one-line message. Front ends throw it as it is; its kind decides the exit code.
  std::optional<Error> error;
  std::size_t warnings = 0;        // warnings given so far (Player::warnings() lists them)
  std::uint64_t applied = 0;       // the number of the last command whose effect this snapshot shows
  std::uint64_t underrun_frames = 0;  // zeros the output had to play because synthesis lagged
  std::uint64_t version = 0;       // grows whenever the position, a setting, the error or warnings change
};

struct PlayerOptions {
  VoiceParams voice;
  Pauses pauses;                      // the same silences renderSentences() writes
  std::size_t first_sentence = 0;     // start here (clamped to the document)
  std::size_t ring_frames = 1 << 16;  // synthesized audio kept ahead of playback (~3 s at 22050 Hz)
  // A pipeline made beforehand (with the user's lexicons), e.g. while the article was loading; when
  // empty, the prepare thread builds one from `data` (built-in lexicon only).
  std::shared_ptr<const Pipeline> pipeline;
  // Structure by voice (style.h): each sentence read with styledVoice() of its block's kind, the
  // pauses of pauseAfter() and the structure words of SentenceStream, as render does. Disabled:
  // every block as a paragraph.
  SpeechStyle style;
  // SIZE_MAX: the document is complete. Else it is the head of a longer one that is still being
  // extracted (its text a prefix of the whole's): only its blocks ending by this byte are read,
  // then the player waits for extend() and goes on in the whole document. Playback can so start
  // on a huge file before it has been extracted to the end.
  std::size_t head_until = SIZE_MAX;
};

// What the navigation keys look for (find()): a heading (or the title), the start of a list, the
// first sentence of the body (after the title and byline).
enum class Landmark { Heading, List, Body };

class Player {
 public:
  using SynthesizerFactory = std::function<std::unique_ptr<Synthesizer>()>;

  // Starts preparing and synthesizing at once (before start()), so that the caller can open the
  // audio output meanwhile. `make_synth` runs on the synthesis thread; the default makes an
  // EspeakSynthesizer. Errors on those threads (an unknown voice, eSpeak failing) are rethrown by
  // start(). `data` must outlive the Player.
  Player(std::shared_ptr<const Document> doc, const LanguageData& data, PlayerOptions options,
         SynthesizerFactory make_synth = nullptr);
  ~Player();
  Player(const Player&) = delete;
  Player& operator=(const Player&) = delete;

  // Waits until the first sentence's audio is ready, then starts `output` pulling from the player.
  // Throws the error met first (the synthesis thread's: Error::usage for an unknown voice, ...; or
  // fail()'s), Error::input when the document has nothing to read aloud, and what output.start()
  // throws.
  void start(AudioOutput& output);

  // Carries out `command` and returns its number: snapshot().applied reaches it once the snapshot
  // shows the effect (waitForApplied()). Numbers grow with every command, jumpTo() included.
  std::uint64_t send(PlayerCommand command);
  // Plays from the start of sentence `index` (clamped to the sentences prepared so far); returns the
  // command's number, as send() does.
  std::uint64_t jumpTo(std::size_t index);

  // Speaks `text` (the words as eSpeak NG reads them) at once, then plays the sentence heard from its
  // start, so the place is kept; resumes when paused. For "where am I" and spoken confirmations.
  // Returns the command's number, as send() does.
  std::uint64_t say(std::string text);
  // The first sentence of the next (`forward`) or the previous `landmark` from the sentence heard
  // (or the jump not heard yet); nullopt when there is none. Looking forward waits up to 2 s for
  // sentences still being prepared. Body looks from the start of the document.
  std::optional<std::size_t> find(Landmark landmark, bool forward) const;
  // The first sentence of block `block` or, when it has none to say, of the next block that has;
  // waits up to 2 s for sentences being prepared. nullopt past the end.
  std::optional<std::size_t> firstSentenceOfBlock(std::size_t block) const;

  PlayerSnapshot snapshot() const;
  // Blocks until the snapshot's version differs from `seen_version`, or `timeout` passes; returns
  // the newest snapshot. Lets front ends sleep instead of polling.
  PlayerSnapshot waitForChange(std::uint64_t seen_version, std::chrono::milliseconds timeout) const;
  // Blocks until the snapshot shows command `number` (applied >= number), or `timeout` passes;
  // returns the newest snapshot.
  PlayerSnapshot waitForApplied(std::uint64_t number, std::chrono::milliseconds timeout) const;
  // Blocks until the state is Finished or Error (after Quit, the end of the document, a failure).
  void wait() const;

  // Ends playback with `error` (state Error): for a failure outside the engine, e.g. the rest of the
  // document could not be loaded. The first error wins; start() throws it when it comes first.
  void fail(const Error& error);
  // Adds a warning for the user (one line, without "vorlesen: warning: "); counted in the snapshot.
  void warn(std::string message);
  // The warnings from the `from`-th on, in the order they came.
  std::vector<std::string> warnings(std::size_t from = 0) const;

  // The document read: the one given to the constructor, then the whole one extend() gave.
  std::shared_ptr<const Document> document() const;
  // Gives the whole document when PlayerOptions::head_until made the constructor's a head (null:
  // there is none, the head is all). Its first blocks should be the head's; where they are not,
  // reading goes on at the first block after the text already read. Any thread, once.
  void extend(std::shared_ptr<const Document> full);
  std::size_t sentenceCount() const;
  // A copy of sentence `index` (source span, block, spoken text); nullopt when not prepared yet.
  std::optional<Sentence> sentence(std::size_t index) const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vorlesen
