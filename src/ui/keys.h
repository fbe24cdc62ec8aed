// Internal to the front ends: every key binding, in one table.
//
// The reading screen and plain mode both look keys up here, and both list this same table as their
// help (the screen's overlay, plain mode's "?" and `vorlesen play --help`), so the help cannot drift
// from what the keys do and the two front ends cannot drift from each other. Arrow keys and
// vi-style letters both work. A binding belongs to one front end or both: "n" is the next search
// match on the screen and the next sentence in plain mode, which has no search. Keys are what
// curses' get_wch() returns (a character, or a KEY_* code); plain mode decodes the terminal's bytes
// into the same (decodeKey()). Pure data; thread-safe.
#pragma once

#include <curses.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vorlesen::ui {

enum class Action {
  TogglePause, PrevSentence, NextSentence, PrevBlock, NextBlock, Repeat, RateUp, RateDown,
  VolumeUp, VolumeDown, First, Last, Search, SearchNext, Help, Redraw, Quit,
  NextArticle, PrevArticle,  // a reading list (vorlesen play A B C)
  // Structure (issue 19): as screen readers move by headings and lists.
  NextHeading, PrevHeading, NextList, PrevList, BodyStart, WhereAmI, Contents,
};

enum class Front : unsigned {
  Screen = 1,  // the ncurses reading screen
  Plain = 2,   // plain mode (a line per sentence)
  Both = 3,
};

struct KeyBinding {
  Action action;
  std::vector<wint_t> chars;  // characters (get_wch returned OK)
  std::vector<int> codes;     // function keys (get_wch returned KEY_CODE_YES)
  const char* keys;           // as the help shows them; marked with N_(), shown through tr()
  const char* what;           // marked with N_(); shown through tr()
  Front front = Front::Both;
};

// A key as get_wch() reports it: `is_code` when it is a KEY_* code (KEY_CODE_YES), else a character.
struct Key {
  bool is_code = false;
  wint_t value = 0;
};

const std::vector<KeyBinding>& keyBindings();
// The bindings of one front end, in the table's order.
std::vector<KeyBinding> keyBindings(Front front);
// The action bound to a key in `front`.
std::optional<Action> actionForKey(bool is_code, wint_t key, Front front = Front::Screen);
// The help: one line per binding of `front`, "KEYS  WHAT", the keys in a column of `width`.
std::string keyHelp(Front front, int width = 12);

// Decodes the next key from terminal bytes (UTF-8 characters; ESC sequences of the arrows, Home,
// End, Page Up/Down and F1 as xterm and the Linux console send them). `more` reads the next byte
// of a sequence, waiting briefly: it returns -1 when none comes. Returns nullopt for a sequence it
// does not know (an Alt combination, a function key without a binding).
std::optional<Key> decodeKey(unsigned char first, int (*more)(void*), void* context);

}  // namespace vorlesen::ui
