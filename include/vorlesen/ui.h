// vorlesen — the front ends of the player engine: the ncurses reading screen and plain mode.
//
//   Playback (playback.h) --start()--> Player --snapshot()--> front end --> terminal
//   keys (one table, src/ui/keys.h) --> Player::send()/jumpTo()
//
// Reading screen: the article wrapped to the width, the sentence heard highlighted, the word marked,
// the terminal cursor at the sentence's start (for screen readers). It owns the curses screen for
// its session (restored on every exit path, exceptions and Ctrl-C/SIGTERM/SIGHUP included; a crash
// handler resets the terminal before the process dies); stderr goes to a log file beside the resume
// state meanwhile (eSpeak NG and ALSA write there). Positions are remembered per document in
// $XDG_STATE_HOME/vorlesen/positions.tsv (src/ui/resume.h).
// Plain mode: each sentence printed as a line when it starts being heard, no cursor movement, for
// screen readers, braille displays and pipes; single keys when stdin is a terminal.
//
// A reading list (Playback over several inputs): both go through it with a / A and start the next
// article by themselves when one ends; plain mode prints "Article 2 of 3: Title" as one starts, the
// screen's status line shows "article 2 of 3" and the screen remembers the article heard last.
//
// Both front ends use the same key table, confirm a command from the snapshot that shows its effect,
// print the Player's warnings where the user sees them (plain mode: on stderr as they come; the
// screen: in its status line, and all of them on stderr after it closed), and end a failed playback
// the same way: they throw the Player's typed error (PlayerSnapshot::error), so its kind decides the
// exit code (ErrorKind::Audio, the device lost: 3).
//
// Thread-safety: call from the main thread, one session at a time (curses is single-threaded and
// the signal handlers are process-wide).
#pragma once

#include <memory>
#include <string>

#include "vorlesen/playback.h"
#include "vorlesen/style.h"

namespace vorlesen {

enum class ScreenTheme {
  Default,       // colours when the terminal has them, else the monochrome look
  HighContrast,  // bold white on black, the sentence black on yellow
  Mono,          // reverse, bold and underline only (also used when NO_COLOR is set)
};

// What both front ends say aloud: "where am I" (key w) always, confirmations of actions ("Tempo
// 220", "Lauter") only with `announce` (--announce; pause stays silent). The words come from
// voices/de/spoken_words.tsv (`words`; null: nothing is said).
struct SpeechFeedback {
  bool announce = false;
  std::shared_ptr<const SpokenWords> words;
};

struct ScreenOptions {
  ScreenTheme theme = ScreenTheme::Default;
  SpeechFeedback speech;
  bool from_start = false;   // ignore the remembered position
  std::string state_file;    // resume positions; empty: ResumeStore::defaultPath() ($XDG_STATE_HOME)
};

struct PlainOptions {
  SpeechFeedback speech;
  bool keys = true;  // read single keys from stdin when it is a terminal (not when stdin is the input)
};

struct SessionResult {
  int stop_signal = 0;  // SIGINT/SIGTERM/SIGHUP that ended the session, else 0
};

// Runs the screen until the user quits (q, Ctrl-C, SIGTERM, SIGHUP). Loads the whole document
// through `playback` (its options should not ask for a head first) and waits for the audio output
// before the screen comes up, so "no usable device" is one line on a normal terminal. When a
// position was remembered for this document (a list: the article heard last; and !from_start),
// first asks whether to continue there, then starts the Player from there. Throws what
// Playback::start() throws, the Player's error when playback fails midway, and Error::output when
// the terminal cannot be set up; the terminal is restored before any of it leaves the function.
SessionResult runReadingScreen(Playback& playback, const ScreenOptions& options);

// Starts `playback` and prints sentences (and reads keys) until the end of the last article, q or a
// stop signal. Throws what Playback::start() throws and the Player's error when playback fails
// midway.
SessionResult runPlainMode(Playback& playback, const PlainOptions& options);

// True when both stdin and stdout are terminals, i.e. the screen can be used.
bool canUseReadingScreen();

}  // namespace vorlesen
