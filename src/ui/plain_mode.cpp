// runPlainMode(): the front end for screen readers, braille displays and pipes (see
// include/vorlesen/ui.h). Each sentence is printed, in its original spelling, as a new line when it
// starts being heard; no cursor movement. When stdin is a terminal, single keys from the same table
// as the reading screen's (keys.h) control playback, and each confirmation names the state the
// Player reports after the command took effect.
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "common/stderr.h"
#include "ui/keys.h"
#include "ui/session.h"
#include "ui/terminal.h"
#include "vorlesen/i18n.h"
#include "vorlesen/playback.h"
#include "vorlesen/text.h"
#include "vorlesen/ui.h"

namespace vorlesen {

namespace ui {
namespace {

constexpr int kTickMs = 20;       // the loop's wait for a key or a change
constexpr int kSequenceMs = 10;   // how long the rest of an escape sequence may take to arrive

// Single keys without Enter or echo while alive (the terminal's settings come back in the
// destructor; SignalGuard restores them on a crash).
class RawKeys {
 public:
  RawKeys() {
    if (!::isatty(STDIN_FILENO) || ::tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios raw = saved_;
    raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    active_ = ::tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
  }
  ~RawKeys() {
    if (active_) ::tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  }
  RawKeys(const RawKeys&) = delete;
  RawKeys& operator=(const RawKeys&) = delete;
  bool active() const { return active_; }

  // The next key pressed within `timeout_ms`.
  std::optional<Key> next(int timeout_ms) const {
    const int first = readByte(timeout_ms);
    if (first < 0) return std::nullopt;
    return decodeKey(static_cast<unsigned char>(first), [](void*) { return readByte(kSequenceMs); }, nullptr);
  }

 private:
  // A byte from stdin within `timeout_ms`, or -1.
  static int readByte(int timeout_ms) {
    pollfd fd{STDIN_FILENO, POLLIN, 0};
    if (::poll(&fd, 1, timeout_ms) <= 0 || !(fd.revents & POLLIN)) return -1;
    unsigned char c = 0;
    return ::read(STDIN_FILENO, &c, 1) == 1 ? c : -1;
  }

  termios saved_{};
  bool active_ = false;
};

// The line that confirms an action, from the snapshot showing its effect; empty for none (a jump
// is confirmed by the sentence line it leads to).
std::string confirmation(Action action, const PlayerSnapshot& snap) {
  switch (action) {
    case Action::TogglePause:
      if (snap.state == PlayerState::Paused) return tr("[paused]");
      if (snap.state == PlayerState::Playing || snap.state == PlayerState::Starting) return tr("[playing]");
      return {};
    case Action::RateUp:
    case Action::RateDown: return format(tr("[rate {} words/min]"), snap.rate);
    case Action::VolumeUp:
    case Action::VolumeDown: return format(tr("[volume {}]"), snap.volume);
    default: return {};
  }
}

class PlainMode {
 public:
  PlainMode(Playback& playback, const PlainOptions& options)
      : playback_(playback), keys_allowed_(options.keys), speech_(options.speech) {}

  // Starts playback and plays until the end of the last article, q or a signal; returns the
  // signal, or 0. Every warning is printed on the way out, also when starting or playing fails.
  int run() {
    struct Flush {
      PlainMode& mode;
      ~Flush() { mode.printWarnings(); }
    } flush{*this};
    player_ = &playback_.start();
    announceArticle();
    const SignalGuard signals(false);
    const RawKeys keys;
    const bool use_keys = keys_allowed_ && keys.active();
    PlayerSnapshot snap = player_->snapshot();
    while (true) {
      if (const int sig = SignalGuard::stopRequested()) {
        player_->send(PlayerCommand::Quit);
        return sig;
      }
      if (use_keys) {
        if (const std::optional<Key> key = keys.next(kTickMs)) onKey(*key);
        snap = player_->snapshot();
      } else {
        snap = player_->waitForChange(snap.version, std::chrono::milliseconds(kTickMs));
      }
      printWarnings();
      throwIfFailed(snap);
      printSentence(snap);
      if (snap.state == PlayerState::Finished) {
        // The end of an article: the next one of a list starts by itself.
        if (quit_ || !switchArticle(true)) return 0;
        snap = player_->snapshot();
      }
    }
  }

 private:
  // In a reading list, says which article starts (before its first sentence).
  void announceArticle() {
    printed_ = SIZE_MAX;
    if (playback_.list().size() > 1) say(articleLine(playback_));
  }

  // Goes to the next or previous article and starts it (paused when the one left was paused).
  bool switchArticle(bool forward) {
    const bool paused = player_->snapshot().state == PlayerState::Paused;
    if (!playback_.switchArticle(forward)) return false;
    printWarnings();  // inputs skipped on the way, before the article's first line
    player_ = &startArticle(playback_, paused);
    announceArticle();
    return true;
  }

  void onKey(Key key) {
    const std::optional<Action> action = actionForKey(key.is_code, key.value, Front::Plain);
    if (!action) return;
    if (*action == Action::Help) {
      say(tr("Keys:") + std::string("\n") + keyHelp(Front::Plain));
    } else if (*action == Action::Quit) {
      quit_ = true;
      player_->send(PlayerCommand::Quit);
    } else if (const std::optional<bool> forward = articleDirection(*action)) {
      if (!switchArticle(*forward)) say("[" + noArticleThere(*forward) + "]");
    } else if (*action == Action::WhereAmI) {
      tellPosition();
    } else if (isNavigation(*action)) {
      const Navigation nav = navigate(*player_, *action);
      if (!nav.found) say(notFound(*action));
      speak(announcement(*action, nav.snap, nav.found, speech_));
    } else if (isPlayerAction(*action)) {
      const PlayerSnapshot after = apply(*player_, *action);
      say(confirmation(*action, after));
      speak(announcement(*action, after, true, speech_));
    }
  }

  // "where am I": printed in brackets and spoken; the sentence heard then starts again.
  void tellPosition() {
    if (!speech_.words) return;
    const PlayerSnapshot snap = player_->snapshot();
    const std::string text = whereAmI(*player_->document(), snap.block, *speech_.words);
    if (text.empty()) return;
    say("[" + text + "]");
    player_->say(text);
  }

  void speak(const std::string& words) {
    if (!words.empty()) player_->say(words);
  }

  static std::string notFound(Action action) {
    switch (action) {
      case Action::NextHeading: return tr("[no next heading]");
      case Action::PrevHeading: return tr("[no previous heading]");
      case Action::NextList: return tr("[no next list]");
      case Action::PrevList: return tr("[no previous list]");
      default: return tr("[not found]");
    }
  }

  // The sentence heard, once, when it starts being heard (or is reached by a jump while paused).
  void printSentence(const PlayerSnapshot& snap) {
    const bool heard = snap.state == PlayerState::Playing || snap.state == PlayerState::Paused ||
                       snap.state == PlayerState::Finished;
    if (!heard || snap.sentence_source.empty() || snap.sentence == printed_) return;
    // Asked each time: a head document is replaced by the whole one (its text a prefix of it).
    say(collapseWhiteSpace(player_->document()->slice(snap.sentence_source)));
    printed_ = snap.sentence;
  }

  // On stderr, where the user sees them: the C libraries' chatter is kept off it, not these.
  void printWarnings() {
    for (const std::string& w : warnings_.take(playback_)) printWarning(w);
  }

  static void say(const std::string& line) {
    if (!line.empty()) std::cout << line << std::endl;
  }

  Playback& playback_;
  Player* player_ = nullptr;
  const bool keys_allowed_;
  bool quit_ = false;
  const SpeechFeedback speech_;
  std::size_t printed_ = SIZE_MAX;
  WarningFeed warnings_;
};

}  // namespace
}  // namespace ui

SessionResult runPlainMode(Playback& playback, const PlainOptions& options) {
  SessionResult result;
  result.stop_signal = ui::PlainMode(playback, options).run();
  return result;
}

}  // namespace vorlesen
