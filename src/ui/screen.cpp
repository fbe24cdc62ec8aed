// runReadingScreen(): the UI loop tying the views to the Player (see include/vorlesen/ui.h).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>

#include "ui/keys.h"
#include "ui/resume.h"
#include "ui/terminal.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "vorlesen/error.h"
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
  screen.model.prompt = "Continue at sentence " + std::to_string(point.sentence + 1) +
                        "? Enter/y yes, n from the start, q quit ";
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
      screen_.setNotice("not found: " + needle);
      return;
    }
    player_.jumpTo(*index);
    screen_.setNotice("found: " + needle);
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
    const auto action = actionForKey(is_code, key);
    if (!action) return;
    switch (*action) {
      case Action::TogglePause: player_.send(PlayerCommand::TogglePause); break;
      case Action::PrevSentence: player_.send(PlayerCommand::PrevSentence); break;
      case Action::NextSentence: player_.send(PlayerCommand::NextSentence); break;
      case Action::PrevBlock: player_.send(PlayerCommand::PrevBlock); break;
      case Action::NextBlock: player_.send(PlayerCommand::NextBlock); break;
      case Action::Repeat: player_.send(PlayerCommand::Repeat); break;
      case Action::RateUp: player_.send(PlayerCommand::RateUp); break;
      case Action::RateDown: player_.send(PlayerCommand::RateDown); break;
      case Action::VolumeUp: player_.send(PlayerCommand::VolumeUp); break;
      case Action::VolumeDown: player_.send(PlayerCommand::VolumeDown); break;
      case Action::First: player_.jumpTo(0); break;
      case Action::Last: {
        const std::size_t n = player_.sentenceCount();
        player_.jumpTo(n > 0 ? n - 1 : 0);
        break;
      }
      case Action::Search:
        screen_.model.prompt = "/";
        screen_.model.input.clear();
        break;
      case Action::SearchNext:
        if (last_search_.empty()) {
          screen_.setNotice("no search yet: press /");
        } else {
          search(last_search_);
        }
        break;
      case Action::Help: screen_.help_open = true; break;
      case Action::Redraw: screen_.layout(); break;
      case Action::Quit: quit_ = true; break;
    }
  }

  Screen& screen_;
  Player& player_;
  std::vector<Span> spans_;
  std::string last_search_;
  bool quit_ = false;
};

struct Outcome {
  PlayerSnapshot last;
  std::optional<Span> heard;  // source of the sentence heard last, when known
  bool played = false;
  int stop_signal = 0;
};

}  // namespace
}  // namespace ui

bool canUseReadingScreen() { return ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO); }

ScreenResult runReadingScreen(std::shared_ptr<const Document> doc, const LanguageData& data,
                              const PlayerOptions& player_options, AudioOutput& output,
                              const ScreenOptions& options) {
  using namespace ui;
  const ResumeStore store(options.state_file.empty() ? ResumeStore::defaultPath() : options.state_file);
  const std::string hash = contentHash(doc->text);
  ScreenResult result;
  std::optional<ResumePoint> resume;
  if (!options.from_start) resume = store.find(hash);
  if (resume && resume->sentence == 0) resume.reset();

  std::string log;
  if (!store.path().empty()) {
    const std::filesystem::path dir = std::filesystem::path(store.path()).parent_path();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (!ec) log = (dir / "screen.log").string();
  }

  Outcome outcome;
  {
    CursesSession session(log);
    const Theme theme = makeTheme(options.theme, session.colors());
    PlayerOptions opts = player_options;
    // With no question to ask, the player starts synthesizing while the article is laid out (a
    // long article takes tens of milliseconds); otherwise the answer decides where it starts.
    std::unique_ptr<Player> player;
    if (!resume) player = std::make_unique<Player>(doc, data, opts);
    Screen screen(*doc, theme);
    Answer answer = Answer::FromStart;
    if (resume) answer = askResume(screen, *resume);
    if (answer != Answer::Quit) {
      if (answer == Answer::Continue) opts.first_sentence = resume->sentence;
      if (answer != Answer::Continue) screen.model.focus = Span{};
      screen.render();  // the article and "Starting" while the first sentence is synthesized
      if (!player) player = std::make_unique<Player>(doc, data, opts);
      player->start(output);
      Controller controller(screen, *player);
      outcome.last = controller.run();
      outcome.played = true;
      if (auto s = player->sentence(outcome.last.sentence)) outcome.heard = s->source;
      player->send(PlayerCommand::Quit);
    }
    outcome.stop_signal = CursesSession::stopRequested();
  }
  result.stop_signal = outcome.stop_signal;

  const PlayerSnapshot& last = outcome.last;
  if (last.state == PlayerState::Error) {
    // An output failure reads "audio: ..." (AudioOutput::failure()); anything else came from synthesis.
    if (last.error.rfind("audio: ", 0) == 0) throw Error::audio(last.error.substr(7));
    throw Error::synthesis(last.error);
  }
  if (!outcome.played) return result;
  try {
    const bool at_end = last.state == PlayerState::Finished && last.all_prepared &&
                        last.sentence + 1 >= last.sentence_count;
    if (at_end) {
      store.forget(hash);
    } else if (outcome.heard) {
      store.save(hash, ResumePoint{last.sentence, outcome.heard->begin}, doc->name);
    }
  } catch (const Error& e) {
    result.warnings.push_back(std::string("position not remembered: ") + e.what());
  }
  return result;
}

}  // namespace vorlesen
