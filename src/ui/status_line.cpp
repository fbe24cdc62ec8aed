#include "ui/views.h"
#include "vorlesen/i18n.h"

namespace vorlesen::ui {

namespace {

const char* stateLabel(PlayerState s) {
  switch (s) {
    // TRANSLATORS: the status line's first field; keep these short (the line has 80 columns).
    case PlayerState::Starting: return tr("Starting");
    case PlayerState::Playing: return tr("Playing");
    case PlayerState::Paused: return tr("Paused");
    case PlayerState::Finished: return tr("Finished");
    case PlayerState::Error: return tr("Error");
  }
  return "";
}

}  // namespace

std::string StatusLine::text(const ScreenModel& m) {
  const PlayerSnapshot& s = m.snap;
  // A notice goes first: it is new, and the row may be too narrow for everything.
  std::string t = m.notice.empty() ? std::string() : m.notice + " | ";
  t += stateLabel(s.state);
  if (s.sentence_count > 0) {
    t += " | " + format(tr("sentence {} of {}"), s.sentence + 1, s.sentence_count);
    if (!s.all_prepared) t += "+";
  }
  if (s.rate > 0) {  // 0 before the engine reported anything
    // TRANSLATORS: time heard so far, time left (0:04, 7:21 left).
    t += " | " + format(tr("{}, {} left"), formatDuration(s.elapsed_seconds),
                        formatDuration(s.total_seconds - s.elapsed_seconds));
    // TRANSLATORS: the speaking rate in words per minute, then the volume (0-200), in the status line.
    t += " | " + format(tr("{} wpm"), s.rate) + " | " + format(tr("vol {}"), s.volume);
  }
  if (!s.voice.empty()) t += " | " + s.voice;
  // TRANSLATORS: the status line's last field: the key that shows the help.
  if (m.notice.empty()) t += std::string(" | ") + tr("? help");
  return t;
}

void StatusLine::resize(int top, int /*rows*/, int cols) {
  win_ = makeWindow(1, cols, top, 0);
  cols_ = cols;
  valid_ = false;
}

void StatusLine::draw(const ScreenModel& model) {
  if (!win_) return;
  const std::string t = text(model);
  if (!valid_ || t != shown_) {
    WINDOW* w = win_.get();
    wbkgdset(w, static_cast<chtype>(theme_.status) | ' ');
    werase(w);
    wmove(w, 0, 0);
    wattrset(w, theme_.status);
    addUtf8(w, t, cols_);
    shown_ = t;
    valid_ = true;
  }
  wnoutrefresh(win_.get());
}

void PromptLine::resize(int top, int /*rows*/, int cols) {
  win_ = makeWindow(1, cols, top, 0);
  cols_ = cols;
}

void PromptLine::draw(const ScreenModel& model) {
  if (!win_) return;
  WINDOW* w = win_.get();
  wbkgdset(w, static_cast<chtype>(theme_.overlay) | ' ');
  werase(w);
  wmove(w, 0, 0);
  wattrset(w, theme_.overlay | A_BOLD);
  int col = addUtf8(w, model.prompt, cols_ - 1);
  wattrset(w, theme_.overlay);
  // Show the end of long input, so the cursor (at its end) stays on the row.
  std::wstring_view in = model.input;
  while (!in.empty() && wcswidth(in.data(), in.size()) > cols_ - 1 - col) in.remove_prefix(1);
  waddnwstr(w, in.data(), static_cast<int>(in.size()));
  wnoutrefresh(w);
}

}  // namespace vorlesen::ui
