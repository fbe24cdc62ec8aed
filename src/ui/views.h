// Internal to the reading screen: the parts of the screen, one class each behind View.
//
//   ScreenModel (what to show: layout, player snapshot, prompt) --View::draw()--> its curses window
//
// The loop (screen.cpp) fills the model, calls draw() on each visible view, the one that owns the
// cursor last, then doupdate() once. draw() writes only what changed since the last call and ends
// with wnoutrefresh(), so each tick sends the terminal the changed cells and nothing else, and the
// terminal cursor ends where a screen reader should read: the start of the sentence heard, or the
// end of a prompt's input. resize() recreates the window; touch() makes the next doupdate() repaint
// the view (after an overlay closed). Curses thread only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ui/layout.h"
#include "ui/session.h"
#include "ui/terminal.h"
#include "ui/theme.h"
#include "vorlesen/player.h"

namespace vorlesen::ui {

struct ScreenModel {
  const Document* doc = nullptr;
  Layout layout;
  PlayerSnapshot snap;
  Span focus;             // what the view keeps in sight and puts the cursor on (the sentence heard)
  std::string notice;     // a short message in the status line ("not found: ..."), empty for none
  std::string prompt;     // non-empty while a question or the search prompt is shown on the last row
  std::wstring input;     // typed into the prompt so far
  std::size_t article = 0;   // in a reading list: the current article (0-based) ...
  std::size_t articles = 1;  // ... of this many (1: no list, nothing is shown)
  std::vector<ContentsEntry> contents;  // the table of contents while it is open, else empty
  std::size_t contents_at = 0;          // the entry selected in it
};

class View {
 public:
  virtual ~View() = default;
  virtual void resize(int top, int rows, int cols) = 0;
  virtual void draw(const ScreenModel& model) = 0;
  virtual void touch() = 0;
};

// What the views share: the theme they draw with and the window they own.
class WindowView : public View {
 public:
  void touch() override {
    if (win_) touchwin(win_.get());
  }

 protected:
  explicit WindowView(const Theme& theme) : theme_(theme) {}
  const Theme& theme_;
  Window win_;
};

// The article, scrolled to keep model.focus in view, sentence and word highlighted.
class ReadingView final : public WindowView {
 public:
  explicit ReadingView(const Theme& theme) : WindowView(theme) {}
  void resize(int top, int rows, int cols) override;
  void draw(const ScreenModel& model) override;
  // The byte of the article at screen position (y, x), for mouse clicks; nullopt outside the text.
  std::optional<std::size_t> offsetAtScreen(const ScreenModel& model, int y, int x) const;
  std::size_t topRow() const { return top_; }

 private:
  struct Drawn {
    std::size_t row = SIZE_MAX;  // layout row shown, SIZE_MAX for none/unknown
    Span sentence, word;         // the highlighted parts on it
    bool operator==(const Drawn& o) const { return row == o.row && sentence == o.sentence && word == o.word; }
  };
  void scrollTo(const ScreenModel& model);
  void drawRow(const ScreenModel& model, int y, const Drawn& want);

  int top_y_ = 0, rows_ = 0, cols_ = 0;
  std::size_t top_ = 0;
  Span last_focus_{SIZE_MAX, SIZE_MAX};
  std::vector<Drawn> drawn_;
};

// One row: state, article i of n (a reading list), sentence i of n, elapsed and remaining time,
// rate, volume, voice, hints. When the row is narrower than all of that, the voice, then the
// elapsed time, the help hint, rate and volume are left out, in that order.
class StatusLine final : public WindowView {
 public:
  explicit StatusLine(const Theme& theme) : WindowView(theme) {}
  void resize(int top, int rows, int cols) override;
  void draw(const ScreenModel& model) override;
  // The text it shows for `model` (without padding) on a row `width` columns wide, for tests and
  // screen readers alike.
  static std::string text(const ScreenModel& model, std::size_t width = SIZE_MAX);

 private:
  int cols_ = 0;
  std::string shown_;
  bool valid_ = false;
};

// The last row while a question or the search prompt is open; owns the cursor then.
class PromptLine final : public WindowView {
 public:
  explicit PromptLine(const Theme& theme) : WindowView(theme) {}
  void resize(int top, int rows, int cols) override;
  void draw(const ScreenModel& model) override;

 private:
  int cols_ = 0;
};

// A box listing every key binding (keys.h), centred over the article.
class HelpOverlay final : public WindowView {
 public:
  explicit HelpOverlay(const Theme& theme) : WindowView(theme) {}
  void resize(int top, int rows, int cols) override;
  void draw(const ScreenModel& model) override;

 private:
  bool drawn_ = false;
  int columns_ = 1;       // two when the keys do not fit the height in one
  int column_width_ = 0;
};

// The table of contents (model.contents): the title and each heading on a line of its own, headings
// indented, the selected one highlighted and the terminal cursor at its start, so a screen reader
// reads the line the arrows select. Scrolls to keep the selection in sight.
class ContentsOverlay final : public WindowView {
 public:
  explicit ContentsOverlay(const Theme& theme) : WindowView(theme) {}
  void resize(int top, int rows, int cols) override;
  void draw(const ScreenModel& model) override;

 private:
  int top_ = 0, rows_ = 0, cols_ = 0;
  std::size_t first_ = 0;   // the entry on the first line
  std::size_t entries_ = 0; // how many the window was made for
};

// Appends UTF-8 `text` to `win` as wide characters (tabs as spaces), at most `max_cols` columns;
// returns the columns written.
int addUtf8(WINDOW* win, std::string_view text, int max_cols);
// Clears an overlay window and draws its box with `title` in the top border (bold), leaving the
// overlay's attribute set.
void drawOverlayFrame(WINDOW* win, const Theme& theme, std::string_view title);
// "1:05" or "1:02:03".
std::string formatDuration(double seconds);

}  // namespace vorlesen::ui
