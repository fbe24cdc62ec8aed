#include "ui/theme.h"

#include <cstdlib>

namespace vorlesen::ui {

namespace {

enum Pair : short { kSentence = 1, kWord, kTitle, kStatus, kText, kOverlay };

attr_t pair(Pair p, short fg, short bg) {
  init_pair(p, fg, bg);
  return COLOR_PAIR(p);
}

Theme monoTheme() {
  Theme t;
  t.word = A_REVERSE | A_BOLD | A_UNDERLINE;
  t.byline = A_DIM;
  t.status = A_REVERSE;
  return t;
}

}  // namespace

bool noColorRequested() {
  const char* v = std::getenv("NO_COLOR");
  return v && *v;
}

Theme makeTheme(ScreenTheme name, bool colors) {
  if (name == ScreenTheme::Mono || !colors || noColorRequested()) {
    Theme t = monoTheme();
    if (name == ScreenTheme::HighContrast) {
      t.text = A_BOLD;
      t.sentence = A_REVERSE | A_BOLD;
    }
    return t;
  }
  Theme t;
  if (name == ScreenTheme::HighContrast) {
    t.text = pair(kText, COLOR_WHITE, COLOR_BLACK) | A_BOLD;
    t.background = static_cast<chtype>(t.text) | ' ';
    t.title = t.text | A_UNDERLINE;
    t.byline = t.text;
    t.sentence = pair(kSentence, COLOR_BLACK, COLOR_YELLOW) | A_BOLD;
    t.word = pair(kWord, COLOR_BLACK, COLOR_WHITE) | A_BOLD | A_UNDERLINE;
    t.status = pair(kStatus, COLOR_BLACK, COLOR_WHITE) | A_BOLD;
    t.overlay = t.text;
    return t;
  }
  t.sentence = pair(kSentence, COLOR_BLACK, COLOR_CYAN);
  t.word = pair(kWord, COLOR_BLACK, COLOR_YELLOW) | A_UNDERLINE;
  t.title = pair(kTitle, COLOR_BLUE, -1) | A_BOLD;
  t.byline = A_DIM;
  t.status = pair(kStatus, COLOR_WHITE, COLOR_BLUE) | A_BOLD;
  t.overlay = pair(kOverlay, -1, -1);
  return t;
}

}  // namespace vorlesen::ui
