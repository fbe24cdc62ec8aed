// vorlesen — the ncurses reading screen: the interactive front end of the player engine.
//
//   Document --Player (player.h)--> AudioOutput            keys, mouse --> Player::send()/jumpTo()
//                 \--snapshot()--> reading screen --> terminal: the article wrapped to the width,
//                                                     the sentence heard highlighted, the word marked
//
// runReadingScreen() owns everything for one session but the audio output: the curses screen
// (restored on every exit path, exceptions and Ctrl-C/SIGTERM/SIGHUP included; a crash handler
// resets the terminal before the process dies) and the Player. While the screen is up, stderr goes
// to a log file beside the resume state (eSpeak NG and ALSA write there). Positions are remembered
// per document in $XDG_STATE_HOME/vorlesen/positions.tsv (see src/ui/resume.h).
//
// Thread-safety: call from the main thread, one session at a time (curses is single-threaded and
// the signal handlers are process-wide).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "vorlesen/audio_output.h"
#include "vorlesen/document.h"
#include "vorlesen/player.h"

namespace vorlesen {

class LanguageData;

enum class ScreenTheme {
  Default,       // colours when the terminal has them, else the monochrome look
  HighContrast,  // bold white on black, the sentence black on yellow
  Mono,          // reverse, bold and underline only (also used when NO_COLOR is set)
};

struct ScreenOptions {
  ScreenTheme theme = ScreenTheme::Default;
  bool from_start = false;   // ignore the remembered position
  std::string state_file;    // resume positions; empty: ResumeStore::defaultPath() ($XDG_STATE_HOME)
};

struct ScreenResult {
  std::vector<std::string> warnings;  // one line each, for the caller to print after the screen closed
  int stop_signal = 0;                // SIGINT/SIGTERM/SIGHUP that ended the session, else 0
};

// Runs the screen until the user quits (q, Ctrl-C, SIGTERM, SIGHUP). When a position was remembered
// for this document (and !from_start), first asks whether to continue there, then creates the
// Player (first_sentence set accordingly) and starts it into `output`, which the caller owns and
// has opened before (PortAudio must be done with stderr before the screen redirects it). Throws
// what Player::start() throws, Error::audio or Error::synthesis when playback fails midway, and
// Error::output when the terminal cannot be set up; the terminal is restored before any of it
// leaves the function.
ScreenResult runReadingScreen(std::shared_ptr<const Document> doc, const LanguageData& data,
                              const PlayerOptions& player_options, AudioOutput& output,
                              const ScreenOptions& options);

// True when both stdin and stdout are terminals, i.e. the screen can be used.
bool canUseReadingScreen();

}  // namespace vorlesen
