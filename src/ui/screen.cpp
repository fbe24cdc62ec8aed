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
  Screen(std::shared_ptr<const Document> doc, const Theme& theme)
      : reading_(theme), status_(theme), prompt_(theme), help_(theme), contents_(theme) {
    show(std::move(doc));
  }

  ScreenModel model;
  bool help_open = false;
  ReadingView& reading() { return reading_; }

  // Shows `doc` (another article of a reading list) from its top.
  void show(std::shared_ptr<const Document> doc) {
    doc_ = std::move(doc);
    model.doc = doc_.get();
    model.focus = Span{};
    layout();
  }

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
    contents_.resize(0, rows, cols);
    clearok(curscr, TRUE);
  }

  void setNotice(std::string notice) {
    model.notice = std::move(notice);
    notice_until_ = Clock::now() + kNoticeTime;
  }

  void closeOverlay() {
    help_open = false;
    model.contents.clear();
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
    if (!model.contents.empty()) contents_.draw(model);
    doupdate();
  }

 private:
  std::shared_ptr<const Document> doc_;  // model.doc, kept alive while shown
  ReadingView reading_;
  StatusLine status_;
  PromptLine prompt_;
  HelpOverlay help_;
  ContentsOverlay contents_;
  Clock::time_point notice_until_{};
};

// Asks whether to continue at the remembered sentence (in a reading list: the article heard last),
// showing the article there.
Answer askResume(Screen& screen, const ResumePoint& point) {
  screen.model.focus = Span{point.offset, point.offset};
  // TRANSLATORS: the resume question; the keys stay (j is taken as yes too), only the words change.
  screen.model.prompt =
      screen.model.articles > 1
          ? format(tr("Continue with article {} of {} at sentence {}? Enter/y yes, n from the start, q quit "),
                   screen.model.article + 1, screen.model.articles, point.sentence + 1)
          : format(tr("Continue at sentence {}? Enter/y yes, n from the start, q quit "), point.sentence + 1);
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

// Where each article was left, across sessions: under the hash of its text (as for a single file),
// and for a reading list the article heard last under a hash of the list's inputs. The question at
// the start is asked once; when it is answered yes, every article reached later in the session
// starts where it was left before (once: afterwards where it was left in this session).
class Positions {
 public:
  Positions(const ResumeStore& store, const ReadingList& list)
      : store_(store), visited_(list.size(), false) {
    if (list.size() > 1) {
      std::string inputs = "reading list";
      for (std::size_t i = 0; i < list.size(); ++i) inputs += "\n" + list.input(i);
      list_key_ = contentHash(inputs);
    }
  }

  // Makes the article heard last (when the list was left midway before) the current one.
  void resumeList(ReadingList& list) {
    if (list_key_.empty()) return;
    if (const auto p = store_.find(list_key_); p && p->sentence > 0 && p->sentence < list.size()) {
      list.moveTo(p->sentence);
      list_resumed_ = true;
    }
  }

  // What to ask at the start: the remembered point of the current article, also its beginning when
  // a list is resumed past its first article; nullopt when there is nothing to ask.
  std::optional<ResumePoint> question(const ReadingList& list, const Document& doc) const {
    std::optional<ResumePoint> p = store_.find(contentHash(doc.text));
    if (list_resumed_ && list.current() > 0) return p.value_or(ResumePoint{});
    if (p && p->sentence == 0) p.reset();
    return p;
  }

  void useStored(bool use) { use_stored_ = use; }

  // An article becomes current: the first time in the session, it starts where it was left before.
  void enter(Playback& playback) {
    ReadingList& list = playback.list();
    const std::size_t i = list.current();
    if (use_stored_ && !visited_[i]) {
      if (const auto p = store_.find(contentHash(playback.document()->text))) list.setPosition(i, p->sentence);
    }
    visited_[i] = true;
  }

  // The listener leaves the article `player` reads (`last`: its snapshot before it was stopped):
  // remembered, or forgotten when heard to the end.
  void leave(const Player& player, const PlayerSnapshot& last) {
    const Document& doc = *player.document();
    const std::string hash = contentHash(doc.text);
    guard([&] {
      if (heardToEnd(last)) {
        store_.forget(hash);
      } else if (const auto s = player.sentence(last.sentence)) {
        store_.save(hash, ResumePoint{last.sentence, s->source.begin}, doc.name);
      }
    });
  }

  // The session ends at article `list.current()`; `all_heard`: the list was heard to its end.
  void finish(const ReadingList& list, bool all_heard) {
    if (list_key_.empty()) return;
    guard([&] {
      if (all_heard) {
        store_.forget(list_key_);
      } else {
        // The name column of the state file is data, not a message: not translated.
        store_.save(list_key_, ResumePoint{list.current(), 0}, "reading list of " + std::to_string(list.size()));
      }
    });
  }

  // The first failure to write the state file, told after the screen closed.
  const std::optional<std::string>& failure() const { return failure_; }

 private:
  template <typename F>
  void guard(F&& write) {
    try {
      write();
    } catch (const Error& e) {
      if (!failure_) failure_ = format(tr("position not remembered: {}"), e.what());
    }
  }

  const ResumeStore& store_;
  std::string list_key_;  // empty for a single input
  bool list_resumed_ = false;
  std::vector<bool> visited_;
  bool use_stored_ = false;
  std::optional<std::string> failure_;
};

// Playback under the keyboard until quit; returns the last snapshot.
class Controller {
 public:
  Controller(Screen& screen, Playback& playback, Positions& positions, const SpeechFeedback& speech)
      : screen_(screen), playback_(playback), positions_(positions), player_(playback.player()), speech_(speech) {}

  PlayerSnapshot run() {
    for (;;) {
      syncSentences();
      PlayerSnapshot snap = player_->snapshot();
      for (const std::string& w : warnings_.take(playback_)) screen_.setNotice(format(tr("warning: {}"), w));
      if (snap.state == PlayerState::Finished && !at_end_) {
        at_end_ = true;  // the end of an article: the next one of a list starts by itself
        if (switchArticle(true, snap, false)) continue;
      }
      if (snap.state != PlayerState::Finished) at_end_ = false;
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
  // Goes to the next or previous article of a reading list and starts it; `tell`: say so when
  // there is none. Where the article left was is remembered first.
  bool switchArticle(bool forward, const PlayerSnapshot& last, bool tell) {
    positions_.leave(*player_, last);
    if (tell) {
      screen_.setNotice(tr("Loading the article..."));
      screen_.render();
    }
    if (!playback_.switchArticle(forward)) {
      if (tell) screen_.setNotice(noArticleThere(forward));
      return false;
    }
    positions_.enter(playback_);
    player_ = &startArticle(playback_, last.state == PlayerState::Paused);
    screen_.show(player_->document());
    screen_.model.article = playback_.list().current();  // the status line says "article 2 of 3"
    screen_.model.notice.clear();
    spans_.clear();
    at_end_ = false;
    return true;
  }

  void syncSentences() {
    const std::size_t n = player_->sentenceCount();
    while (spans_.size() < n) {
      const auto s = player_->sentence(spans_.size());
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
    player_->jumpTo(*index);
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
    if (const auto index = sentenceAt(*offset)) player_->jumpTo(*index);
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
    if (!screen_.model.contents.empty()) {
      onContentsKey(is_code, key);
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
      const PlayerSnapshot after = apply(*player_, *action);  // the status line shows what the player then reports
      speak(announcement(*action, after, true, speech_));
      return;
    }
    if (isNavigation(*action)) {
      const Navigation nav = navigate(*player_, *action);
      if (!nav.found) screen_.setNotice(notFound(*action));
      speak(announcement(*action, nav.snap, nav.found, speech_));
      return;
    }
    if (const std::optional<bool> forward = articleDirection(*action)) {
      switchArticle(*forward, player_->snapshot(), true);
      return;
    }
    switch (*action) {
      case Action::WhereAmI: tellPosition(); break;
      case Action::Contents: openContents(); break;
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

  void speak(const std::string& words) {
    if (!words.empty()) player_->say(words);
  }

  // "where am I": spoken (the sentence heard then starts again) and shown in the status line.
  void tellPosition() {
    if (!speech_.words) return;
    const std::string text = whereAmI(*screen_.model.doc, player_->snapshot().block, *speech_.words);
    if (text.empty()) return;
    screen_.setNotice(text);
    player_->say(text);
  }

  static std::string notFound(Action action) {
    switch (action) {
      case Action::NextHeading: return tr("no next heading");
      case Action::PrevHeading: return tr("no previous heading");
      case Action::NextList: return tr("no next list");
      case Action::PrevList: return tr("no previous list");
      default: return tr("not found");
    }
  }

  // The table of contents, the section heard selected.
  void openContents() {
    ScreenModel& m = screen_.model;
    std::vector<ContentsEntry> entries = tableOfContents(*m.doc);
    if (entries.empty()) {
      screen_.setNotice(tr("This article has no headings."));
      return;
    }
    const std::size_t block = player_->snapshot().block;
    m.contents_at = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].block <= block) m.contents_at = i;
    }
    m.contents = std::move(entries);
  }

  // Up/Down (k/j), Home/End move; Enter jumps to the entry; Esc, t or q close.
  void onContentsKey(bool is_code, wint_t key) {
    ScreenModel& m = screen_.model;
    const std::size_t last = m.contents.size() - 1;
    if (isEnter(is_code, key)) {
      const std::size_t block = m.contents[m.contents_at].block;
      screen_.closeOverlay();
      if (const auto sentence = player_->firstSentenceOfBlock(block)) player_->jumpTo(*sentence);
    } else if (is_code ? key == KEY_UP : key == L'k') {
      if (m.contents_at > 0) --m.contents_at;
    } else if (is_code ? key == KEY_DOWN : key == L'j') {
      if (m.contents_at < last) ++m.contents_at;
    } else if (is_code && (key == KEY_HOME || key == KEY_PPAGE)) {
      m.contents_at = 0;
    } else if (is_code && (key == KEY_END || key == KEY_NPAGE)) {
      m.contents_at = last;
    } else if (!is_code && (key == 27 || key == L't' || key == L'q')) {
      screen_.closeOverlay();
    }
  }

  Screen& screen_;
  Playback& playback_;
  Positions& positions_;
  Player* player_;  // the current article's
  const SpeechFeedback speech_;
  std::vector<Span> spans_;
  std::string last_search_;
  bool quit_ = false;
  bool at_end_ = false;  // the current article's end was handled
  WarningFeed warnings_;
};

struct Outcome {
  PlayerSnapshot last;
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

// "From the start" in a reading list resumed past its first article: back to the first article
// that can be read (the one shown stays when none before it can).
void backToFirstArticle(Playback& playback, Screen& screen) {
  const std::size_t resumed = playback.list().current();
  for (std::size_t i = 0; i < resumed; ++i) {
    if (playback.openArticle(i)) break;
  }
  playback.list().setPosition(playback.list().current(), 0);
  screen.show(playback.document());
  screen.model.article = playback.list().current();
}

// The screen's session: the resume question, then playback under the keyboard until quit.
Outcome runSession(Playback& playback, const std::optional<ResumePoint>& resume, Positions& positions,
                   const ScreenOptions& options, const std::string& log) {
  Outcome outcome;
  CursesSession session(log);
  const Theme theme = makeTheme(options.theme, session.colors());
  // With no question to ask, the player starts synthesizing while the article is laid out (a long
  // article takes tens of milliseconds); otherwise the answer decides where it starts.
  if (!resume) playback.prepare(0);
  Screen screen(playback.document(), theme);
  screen.model.article = playback.list().current();
  screen.model.articles = playback.list().size();
  const Answer answer = resume ? askResume(screen, *resume) : Answer::FromStart;
  if (answer != Answer::Quit) {
    positions.useStored(answer == Answer::Continue);
    if (answer != Answer::Continue) {
      screen.model.focus = Span{};
      if (playback.list().current() > 0) backToFirstArticle(playback, screen);
    }
    positions.enter(playback);
    screen.render();  // the article and "Starting" while the first sentence is synthesized
    playback.prepare(answer == Answer::Continue ? resume->sentence : 0);
    playback.start();
    outcome.last = Controller(screen, playback, positions, options.speech).run();
    outcome.played = true;
    playback.player()->send(PlayerCommand::Quit);
  }
  outcome.stop_signal = CursesSession::stopRequested();
  return outcome;
}

}  // namespace
}  // namespace ui

bool canUseReadingScreen() { return ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO); }

SessionResult runReadingScreen(Playback& playback, const ScreenOptions& options) {
  using namespace ui;
  const ResumeStore store(options.state_file.empty() ? ResumeStore::defaultPath() : options.state_file);
  Positions positions(store, playback.list());
  if (!options.from_start) positions.resumeList(playback.list());
  // Once the screen is closed, every warning of the session goes to stderr (before an error, which
  // the caller prints), also when loading, starting or playing failed.
  struct PrintWarnings {
    Playback& playback;
    ~PrintWarnings() {
      for (const std::string& w : playback.warnings()) printWarning(w);
    }
  } print_warnings{playback};
  const std::shared_ptr<const Document> doc = playback.document();
  std::optional<ResumePoint> resume;
  if (!options.from_start) resume = positions.question(playback.list(), *doc);
  playback.output();  // a missing device is one line on the normal terminal, before the screen comes up

  const Outcome outcome = runSession(playback, resume, positions, options, logPath(store));
  throwIfFailed(outcome.last);
  if (outcome.played) {
    positions.leave(*playback.player(), outcome.last);
    positions.finish(playback.list(), heardToEnd(outcome.last) && !playback.list().next());
  }
  if (positions.failure()) printWarning(*positions.failure());
  SessionResult result;
  result.stop_signal = outcome.stop_signal;
  return result;
}

}  // namespace vorlesen
