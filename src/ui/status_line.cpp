#include "ui/views.h"

#include <algorithm>

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

namespace {

// A field of the status line. When the row is too narrow for all of them, the field with the
// highest `drop` is shortened to `shorter` (or left out when that is empty) first; 0: always shown.
struct Field {
  Field(std::string t, int d = 0, std::string s = {}) : text(std::move(t)), drop(d), shorter(std::move(s)) {}
  std::string text;
  int drop;
  std::string shorter;
};

std::string join(const std::vector<Field>& fields) {
  std::string t;
  for (const Field& f : fields) {
    if (f.text.empty()) continue;
    t += (t.empty() ? "" : " | ") + f.text;
  }
  return t;
}

// Shortens fields, least needed first, until the line fits `width` columns (or nothing is left to
// shorten: then the view cuts it at the edge).
std::string fit(std::vector<Field> fields, std::size_t width) {
  std::string t = join(fields);
  while (static_cast<std::size_t>(displayWidth(t)) > width) {
    auto least = std::max_element(fields.begin(), fields.end(),
                                  [](const Field& a, const Field& b) { return a.drop < b.drop; });
    if (least == fields.end() || least->drop == 0) break;
    least->text = least->shorter;
    least->drop = 0;
    t = join(fields);
  }
  return t;
}

}  // namespace

std::string StatusLine::text(const ScreenModel& m, std::size_t width) {
  const PlayerSnapshot& s = m.snap;
  std::vector<Field> fields;
  // A notice goes first: it is new, and the row may be too narrow for everything.
  if (!m.notice.empty()) fields.push_back({m.notice});
  fields.push_back({stateLabel(s.state)});
  if (m.articles > 1) fields.push_back({format(tr("article {} of {}"), m.article + 1, m.articles)});
  if (s.sentence_count > 0) {
    fields.push_back({format(tr("sentence {} of {}"), s.sentence + 1, s.sentence_count) + (s.all_prepared ? "" : "+")});
  }
  if (s.rate > 0) {  // 0 before the engine reported anything
    const std::string elapsed = formatDuration(s.elapsed_seconds);
    const std::string left = formatDuration(s.total_seconds - s.elapsed_seconds);
    // TRANSLATORS: time heard so far, time left (0:04, 7:21 left); the shorter form when the row is narrow.
    fields.push_back({format(tr("{}, {} left"), elapsed, left), 3, format(tr("{} left"), left)});
    // TRANSLATORS: the speaking rate in words per minute, then the volume (0-200), in the status line.
    fields.push_back({format(tr("{} wpm"), s.rate), 1});
    fields.push_back({format(tr("vol {}"), s.volume), 1});
  }
  if (!s.voice.empty()) fields.push_back({s.voice, 4});
  // TRANSLATORS: the status line's last field: the key that shows the help.
  if (m.notice.empty()) fields.push_back({tr("? help"), 2});
  return fit(std::move(fields), width);
}

void StatusLine::resize(int top, int /*rows*/, int cols) {
  win_ = makeWindow(1, cols, top, 0);
  cols_ = cols;
  valid_ = false;
}

void StatusLine::draw(const ScreenModel& model) {
  if (!win_) return;
  const std::string t = text(model, static_cast<std::size_t>(cols_));
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
