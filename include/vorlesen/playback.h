// vorlesen — starting playback of a reading list (one input or several): the Player, its audio
// output and its pipeline, made in parallel, and the hand-over of a long file's whole document; one
// owner for all of it.
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
// Reading list (`vorlesen play A B C`, reading_list.h): one article is current and has a Player;
// the output and the pipeline are shared by all. An article is read and loaded only when it is
// reached (document(), switchArticle()), so the list does not delay the first sound. switchArticle()
// loads the next readable article while the current one goes on playing, then stops the current
// Player (keeping its position in the list) and prepares one for the new article, into the same
// output. An input that cannot be read (Error::input: a missing file, a link that fails, nothing to
// read aloud) is a warning naming it and is skipped; with one input it is thrown, as before.
//
// Ownership: the Playback owns the Player, the output, the pipeline and its threads; the destructor
// cancels what is pending, stops the Player (which stops the output) and closes the output, in that
// order. Front ends (ui.h) get the Player through it. Not thread-safe: one thread calls it (the
// Player it hands out is thread-safe).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vorlesen/audio_output.h"
#include "vorlesen/document.h"
#include "vorlesen/extract.h"
#include "vorlesen/pipeline.h"
#include "vorlesen/player.h"
#include "vorlesen/reading_list.h"
#include "vorlesen/voice.h"

namespace vorlesen {

struct PlaybackOptions {
  // The reading list: files, "-" (standard input, at most once) or http(s) links; at least one.
  std::vector<std::string> inputs;
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
  std::function<ArticleInput(const std::string& input)> read;      // readArticleInput(input, extract)
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

// Whether `snap` shows the document heard to its end (not stopped by Quit or an error midway).
bool heardToEnd(const PlayerSnapshot& snap);

class Playback {
 public:
  // Begins opening the output and building the pipeline at once, on threads of its own.
  explicit Playback(PlaybackOptions options);
  ~Playback();
  Playback(const Playback&) = delete;
  Playback& operator=(const Playback&) = delete;

  // The current article's document the Player reads first (the head of a long text), read and
  // loaded on the first call. In a list, inputs that cannot be read are skipped (a warning each)
  // until one can; throws what reading and loading throw (with one input), or Error::input when
  // none of the list can be read.
  std::shared_ptr<const Document> document();
  // The audio output, once it is open. Throws Error::audio (no usable device) or Error::usage
  // (--device names none).
  AudioOutput& output();
  // Creates the Player, reading from sentence `first_sentence` (default: the position the list
  // keeps for the current article, 0 at first), once the document and the pipeline are ready:
  // synthesis starts at once. Later calls return the same Player. Throws the pipeline's error (an
  // unknown voice, a lexicon that cannot be read) and document()'s.
  Player& prepare(std::optional<std::size_t> first_sentence = std::nullopt);
  // prepare() unless done, then starts the Player into output() (at the first sound), and hands
  // a head's whole document over. Throws prepare()'s, output()'s and Player::start()'s errors.
  Player& start();
  // The Player once prepare() made it, else null.
  Player* player() { return player_.get(); }

  // The reading list: which article is current, where each was left.
  const ReadingList& list() const { return list_; }
  ReadingList& list() { return list_; }
  // Goes to the next (forward) or previous readable article: loads it while the current one plays
  // on (inputs that cannot be read become warnings and are passed over), then stops the current
  // Player, keeping the sentence heard as its position in the list (0 when it was heard to the
  // end). Call start() (or prepare()) next: the new article starts at its position in the list.
  // Returns false, and changes nothing, when there is no readable article that way.
  bool switchArticle(bool forward);
  // The same for article `index` of the list: false, with a warning, when it cannot be read.
  bool openArticle(std::size_t index);
  // A title for the current article: its Title block, else its name (file or link).
  std::string articleTitle();
  // Every warning of the session from the `from`-th on: those of the articles left, of inputs
  // skipped, and the current Player's, in the order they came.
  std::vector<std::string> warnings(std::size_t from = 0) const;

 private:
  class Handover;
  struct Article;  // one article read and loaded
  std::shared_ptr<const Document> load(const ArticleInput& input, std::string_view bytes);
  Article loadArticle(std::size_t index);
  void install(Article article);
  void skip(std::size_t index, const Error& error);
  void leaveArticle();

  PlaybackOptions options_;
  ReadingList list_;
  std::vector<std::string> warnings_;  // of the articles left and the inputs skipped before a Player
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
