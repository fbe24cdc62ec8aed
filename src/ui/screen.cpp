// runReadingScreen(): the UI loop tying the views to the Player (see include/vorlesen/ui.h).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>

#include "common/stderr.h"
#include "ui/keys.h"
#include "ui/resume.h"
#include "ui/session.h"
#include "ui/terminal.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/text.h"
#include "vorlesen/ui.h"

namespace vorlesen {

namespace ui {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kNoticeTime = std::chrono::seconds(4);

enum class Answer { Continue, FromStart, Quit };

std::string toUtf8(std::wstring_view wide) {
  std::string out;
  for (wchar_t c : wide) appendUtf8(out, static_cast<char32_t>(c));
  return out;
}

bool isEnter(bool is_code, wint_t key) {
  return is_code ? key == KEY_ENTER : (key == L'\n' || key == L'\r');
}

// The views and the model they draw, laid out for the current terminal size.
class Screen {
 public:
  Screen(const Document& doc, const Theme& theme) : reading_(theme), status_(theme), prompt_(theme), help_(theme) {
    model.doc = &doc;
    layout();
  }

  ScreenModel model;
  bool help_open = false;
  ReadingView& reading() { return reading_; }

  void layout() {
    // The last row is the status line; on a one-row terminal it covers the article.
    const int rows = std::max(1, LINES - 1);
    const int cols = std::max(1, COLS);
    const int last = std::max(0, LINES - 1);
    model.layout = layoutDocument(*model.doc, cols);
    reading_.resize(0, rows, cols);
    status_.resize(last, 1, cols);
    prompt_.resize(last, 1, cols);
    help_.resize(0, rows, cols);
    clearok(curscr, TRUE);
  }

  void setNotice(std::string notice) {
    model.notice = std::move(notice);
    notice_until_ = Clock::now() + kNoticeTime;
  }

  void closeOverlay() {
    help_open = false;
    model.prompt.clear();
    model.input.clear();
    reading_.touch();
    status_.touch();
  }

  // Draws what changed; the view drawn last leaves the terminal cursor where it wants it.
  void render() {
    if (!model.notice.empty() && Clock::now() > notice_until_) model.notice.clear();
    // Keys are read through stdscr, and get_wch() repaints it over everything when it is touched
    // (at start, after a resize). Flushing it first, under the views, keeps it clean.
    wnoutrefresh(stdscr);
    if (!model.prompt.empty()) {
      reading_.draw(model);
      prompt_.draw(model);
    } else {
      status_.draw(model);
      reading_.draw(model);
    }
    if (help_open) {
      help_.touch();
      help_.draw(model);
    }
    doupdate();
  }

 private:
  ReadingView reading_;
  StatusLine status_;
  PromptLine prompt_;
  HelpOverlay help_;
  Clock::time_point notice_until_{};
};

// Asks whether to continue at the remembered sentence, showing the article there.
Answer askResume(Screen& screen, const ResumePoint& point) {
  screen.model.focus = Span{point.offset, point.offset};
  // TRANSLATORS: the resume question; the keys stay (j is taken as yes too), only the words change.
  screen.model.prompt = format(tr("Continue at sentence {}? Enter/y yes, n from the start, q quit "), point.sentence + 1);
  for (;;) {
    if (CursesSession::stopRequested()) return Answer::Quit;
    screen.render();
    wint_t key = 0;
    const int rc = get_wch(&key);
    if (rc == ERR) continue;
    const bool is_code = rc == KEY_CODE_YES;
    if (is_code && key == KEY_RESIZE) {
      screen.layout();
      continue;
    }
    if (isEnter(is_code, key) || (!is_code && (key == L'y' || key == L'Y' || key == L'j' || key == L'J'))) {
      screen.closeOverlay();
      return Answer::Continue;
    }
    if (!is_code && (key == L'n' || key == L'N' || key == 27)) {
      screen.closeOverlay();
      return Answer::FromStart;
    }
    if (!is_code && (key == L'q' || key == L'Q')) return Answer::Quit;
  }
}

// Playback under the keyboard until quit; returns the last snapshot.
class Controller {
 public:
  Controller(Screen& screen, Player& player) : screen_(screen), player_(player) {}

  PlayerSnapshot run() {
    for (;;) {
      syncSentences();
      PlayerSnapshot snap = player_.snapshot();
      for (const std::string& w : warnings_.take(player_, snap)) screen_.setNotice(format(tr("warning: {}"), w));
      screen_.model.snap = snap;
      if (!snap.sentence_source.empty()) {
        screen_.model.focus = snap.sentence_source;
      } else if (snap.sentence < spans_.size()) {
        screen_.model.focus = spans_[snap.sentence];
      }
      if (snap.state == PlayerState::Error || quit_ || CursesSession::stopRequested()) return snap;
      screen_.render();
      wint_t key = 0;
      const int rc = get_wch(&key);
      if (rc != ERR) onKey(rc == KEY_CODE_YES, key);
    }
  }

 private:
  void syncSentences() {
    const std::size_t n = player_.sentenceCount();
    while (spans_.size() < n) {
      const auto s = player_.sentence(spans_.size());
      if (!s) break;
      spans_.push_back(s->source);
    }
  }

  // The sentence showing byte `offset`, or the next one when it falls between sentences.
  std::optional<std::size_t> sentenceAt(std::size_t offset) const {
    if (spans_.empty()) return std::nullopt;
    auto it = std::upper_bound(spans_.begin(), spans_.end(), offset,
                               [](std::size_t off, const Span& s) { return off < s.begin; });
    if (it == spans_.begin()) return 0;
    std::size_t i = static_cast<std::size_t>(it - spans_.begin()) - 1;
    if (offset >= spans_[i].end && i + 1 < spans_.size()) ++i;
    return i;
  }

  void search(const std::string& needle) {
    const Span here = screen_.model.focus;
    const auto hit = findText(screen_.model.doc->text, needle, here.begin + 1);
    const auto index = hit ? sentenceAt(*hit) : std::nullopt;
    if (!index) {
      screen_.setNotice(format(tr("not found: {}"), needle));
      return;
    }
    player_.jumpTo(*index);
    screen_.setNotice(format(tr("found: {}"), needle));
  }

  void onSearchKey(bool is_code, wint_t key) {
    ScreenModel& m = screen_.model;
    if (isEnter(is_code, key)) {
      last_search_ = toUtf8(m.input);
      screen_.closeOverlay();
      if (!last_search_.empty()) search(last_search_);
    } else if (!is_code && key == 27) {
      screen_.closeOverlay();
    } else if ((is_code && key == KEY_BACKSPACE) || (!is_code && (key == 127 || key == 8))) {
      if (!m.input.empty()) m.input.pop_back();
    } else if (!is_code && key >= 0x20) {
      m.input.push_back(static_cast<wchar_t>(key));
    }
  }

  void onMouse() {
    MEVENT ev{};
    if (getmouse(&ev) != OK || !(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))) return;
    const auto offset = screen_.reading().offsetAtScreen(screen_.model, ev.y, ev.x);
    if (!offset) return;
    if (const auto index = sentenceAt(*offset)) player_.jumpTo(*index);
  }

  void onKey(bool is_code, wint_t key) {
    if (is_code && key == KEY_RESIZE) {
      screen_.layout();
      return;
    }
    if (screen_.help_open) {  // any key closes the help
      screen_.closeOverlay();
      return;
    }
    if (!screen_.model.prompt.empty()) {
      onSearchKey(is_code, key);
      return;
    }
    if (is_code && key == KEY_MOUSE) {
      onMouse();
      return;
    }
    const auto action = actionForKey(is_code, key, Front::Screen);
    if (!action) return;
    if (isPlayerAction(*action)) {
      apply(player_, *action);  // the status line shows what the player then reports
      return;
    }
    switch (*action) {
      case Action::Search:
        screen_.model.prompt = "/";
        screen_.model.input.clear();
        break;
      case Action::SearchNext:
        if (last_search_.empty()) {
          screen_.setNotice(tr("no search yet: press /"));
        } else {
          search(last_search_);
        }
        break;
      case Action::Help: screen_.help_open = true; break;
      case Action::Redraw: screen_.layout(); break;
      case Action::Quit: quit_ = true; break;
      default: break;
    }
  }

  Screen& screen_;
  Player& player_;
  std::vector<Span> spans_;
  std::string last_search_;
  bool quit_ = false;
  WarningFeed warnings_;
};

struct Outcome {
  PlayerSnapshot last;
  std::optional<Span> heard;  // source of the sentence heard last, when known
  bool played = false;
  int stop_signal = 0;
};

// Where fd 2 goes while the screen is up: screen.log beside the resume state ("" for /dev/null).
std::string logPath(const ResumeStore& store) {
  if (store.path().empty()) return {};
  const std::filesystem::path dir = std::filesystem::path(store.path()).parent_path();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  return ec ? std::string() : (dir / "screen.log").string();
}

// The screen's session: the resume question, then playback under the keyboard until quit.
Outcome runSession(Playback& playback, const Document& doc, const std::optional<ResumePoint>& resume,
                   ScreenTheme theme_choice, const std::string& log) {
  Outcome outcome;
  CursesSession session(log);
  const Theme theme = makeTheme(theme_choice, session.colors());
  // With no question to ask, the player starts synthesizing while the article is laid out (a long
  // article takes tens of milliseconds); otherwise the answer decides where it starts.
  if (!resume) playback.prepare(0);
  Screen screen(doc, theme);
  const Answer answer = resume ? askResume(screen, *resume) : Answer::FromStart;
  if (answer != Answer::Quit) {
    if (answer != Answer::Continue) screen.model.focus = Span{};
    screen.render();  // the article and "Starting" while the first sentence is synthesized
    playback.prepare(answer == Answer::Continue ? resume->sentence : 0);
    Player& player = playback.start();
    outcome.last = Controller(screen, player).run();
    outcome.played = true;
    if (auto s = player.sentence(outcome.last.sentence)) outcome.heard = s->source;
    player.send(PlayerCommand::Quit);
  }
  outcome.stop_signal = CursesSession::stopRequested();
  return outcome;
}

// Remembers where the listener stopped (forgets the document heard to the end); a warning when
// the state file cannot be written.
void remember(const ResumeStore& store, const std::string& hash, const Outcome& outcome, const Document& doc) {
  const PlayerSnapshot& last = outcome.last;
  try {
    const bool at_end = last.state == PlayerState::Finished && last.all_prepared &&
                        last.sentence + 1 >= last.sentence_count;
    if (at_end) {
      store.forget(hash);
    } else if (outcome.heard) {
      store.save(hash, ResumePoint{last.sentence, outcome.heard->begin}, doc.name);
    }
  } catch (const Error& e) {
    printWarning(format(tr("position not remembered: {}"), e.what()));
  }
}

}  // namespace
}  // namespace ui

bool canUseReadingScreen() { return ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO); }

SessionResult runReadingScreen(Playback& playback, const ScreenOptions& options) {
  using namespace ui;
  const std::shared_ptr<const Document> doc = playback.document();
  const ResumeStore store(options.state_file.empty() ? ResumeStore::defaultPath() : options.state_file);
  const std::string hash = contentHash(doc->text);
  std::optional<ResumePoint> resume;
  if (!options.from_start) resume = store.find(hash);
  if (resume && resume->sentence == 0) resume.reset();
  playback.output();  // a missing device is one line on the normal terminal, before the screen comes up

  // Once the screen is closed, every warning of the session goes to stderr (before an error, which
  // the caller prints), also when starting or playing failed.
  struct PrintWarnings {
    Playback& playback;
    ~PrintWarnings() {
      if (const Player* player = playback.player()) {
        for (const std::string& w : player->warnings()) printWarning(w);
      }
    }
  } print_warnings{playback};
  const Outcome outcome = runSession(playback, *doc, resume, options.theme, logPath(store));
  throwIfFailed(outcome.last);
  if (outcome.played) remember(store, hash, outcome, *doc);
  SessionResult result;
  result.stop_signal = outcome.stop_signal;
  return result;
}

}  // namespace vorlesen
