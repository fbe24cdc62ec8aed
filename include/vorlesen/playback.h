// vorlesen — starting playback of one input: the Player, its audio output and its pipeline, made in
// parallel, and the hand-over of a long file's whole document; one owner for all of it.
//
//   read --> bytes --load (head first when long)--> Document ---+
//   open_output (PortAudio probes, 50-200 ms) -------------------+--> Player --start()--> AudioOutput
//   make_pipeline (eSpeak NG data, lexicons) --------------------+        ^
//   hand-over thread: after the first sound, the whole document --extend() (or fail())
//
// A Playback begins opening the output and building the pipeline (on threads of its own) when it is
// constructed; document() reads and loads the article on the caller's thread meanwhile. A long plain text file
// (head_first) is loaded as its head first, so playback starts at once; once the first sound is
// out, a hand-over thread extracts the whole file and gives it to the Player. Every path completes
// or cancels that hand-over: the whole document is given (Player::extend()), or its loading error
// ends playback with that error (Player::fail()), or start() failed and the thread does nothing;
// the destructor joins it. Warnings about the input and the lexicons go to Player::warn().
//
// Ownership: the Playback owns the Player, the output, the pipeline and its threads; the destructor
// cancels what is pending, stops the Player (which stops the output) and closes the output, in that
// order. Front ends (ui.h) get the Player through it. Not thread-safe: one thread calls it (the
// Player it hands out is thread-safe).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vorlesen/audio_output.h"
#include "vorlesen/document.h"
#include "vorlesen/extract.h"
#include "vorlesen/pipeline.h"
#include "vorlesen/player.h"
#include "vorlesen/voice.h"

namespace vorlesen {

struct PlaybackOptions {
  std::string input;         // a file, "-" (standard input) or an http(s) link
  ExtractOptions extract;
  std::string device;        // as openAudioOutput() takes it: "", "null", an index or a name
  VoiceParams voice;
  Pauses pauses;
  SpeechStyle style;                  // structure by voice (PlayerOptions::style)
  std::vector<std::string> lexicons;  // the user's lexicon files, in order (see pronouncer.h)
  // A plain text file over kSplitBytes starts from its head; the reading screen, which lays out
  // the whole article first, turns this off.
  bool head_first = true;

  // How the parts are made; empty: the real thing. Tests inject fakes and failures here.
  std::function<ArticleInput()> read;                              // readArticleInput(input, extract)
  std::function<std::unique_ptr<AudioOutput>()> open_output;       // openAudioOutput(device)
  std::function<std::shared_ptr<const Pipeline>()> make_pipeline;  // warms eSpeak NG, loads lexicons
  std::function<Document(std::string_view bytes)> load;            // extractArticle(input, bytes, extract)
  Player::SynthesizerFactory make_synth;                           // an EspeakSynthesizer
};

// Plain text this long is extracted twice: a head first, so that playback starts at once, and the
// whole file once the first sound is out (5 MB take 40-70 ms, on a core PortAudio's start needs too).
inline constexpr std::size_t kSplitBytes = 512 * 1024;
inline constexpr std::size_t kHeadBytes = 64 * 1024;

// Where the head of the input's bytes ends: the first blank line after kHeadBytes; 0 for no head
// (HTML, by the server's word or the bytes', needs its whole tree; shorter inputs are extracted at once).
std::size_t headEnd(const ArticleInput& input, const ExtractOptions& extract);

class Playback {
 public:
  // Begins opening the output and building the pipeline at once, on threads of its own.
  explicit Playback(PlaybackOptions options);
  ~Playback();
  Playback(const Playback&) = delete;
  Playback& operator=(const Playback&) = delete;

  // The document the Player reads first (the head of a long text), read and loaded on the first
  // call. Throws what reading and loading throw.
  std::shared_ptr<const Document> document();
  // The audio output, once it is open. Throws Error::audio (no usable device) or Error::usage
  // (--device names none).
  AudioOutput& output();
  // Creates the Player, reading from sentence `first_sentence`, once the document and the pipeline
  // are ready: synthesis starts at once. Later calls return the same Player. Throws the pipeline's
  // error (an unknown voice, a lexicon that cannot be read) and document()'s.
  Player& prepare(std::size_t first_sentence = 0);
  // prepare() unless done, then starts the Player into output() (at the first sound), and hands
  // a head's whole document over. Throws prepare()'s, output()'s and Player::start()'s errors.
  Player& start();
  // The Player once prepare() made it, else null.
  Player* player() { return player_.get(); }

 private:
  class Handover;
  std::shared_ptr<const Document> load(std::string_view bytes);

  PlaybackOptions options_;
  ArticleInput input_;
  std::size_t head_end_ = 0;
  struct Pending;  // the futures of the parallel parts
  std::unique_ptr<Pending> pending_;
  std::shared_ptr<const Document> doc_;
  std::shared_ptr<const Pipeline> pipeline_;
  std::shared_ptr<AudioOutput> output_;
  std::unique_ptr<Player> player_;      // destroyed before output_, which it plays into
  std::unique_ptr<Handover> handover_;  // joined first
  bool started_ = false;
};

}  // namespace vorlesen
