#include <catch2/catch.hpp>

#include <set>

#include "ui/keys.h"
#include "ui/views.h"

using namespace vorlesen;
using namespace vorlesen::ui;

TEST_CASE("arrow keys and vi letters reach the same actions", "[ui]") {
  CHECK(actionForKey(true, KEY_RIGHT) == Action::NextSentence);
  CHECK(actionForKey(false, L'l') == Action::NextSentence);
  CHECK(actionForKey(true, KEY_LEFT) == Action::PrevSentence);
  CHECK(actionForKey(false, L'h') == Action::PrevSentence);
  CHECK(actionForKey(true, KEY_DOWN) == Action::NextBlock);
  CHECK(actionForKey(false, L'j') == Action::NextBlock);
  CHECK(actionForKey(true, KEY_UP) == Action::PrevBlock);
  CHECK(actionForKey(false, L'k') == Action::PrevBlock);
  CHECK(actionForKey(false, L' ') == Action::TogglePause);
  CHECK(actionForKey(false, L'?') == Action::Help);
  CHECK_FALSE(actionForKey(false, L'x').has_value());
  CHECK_FALSE(actionForKey(true, L'l').has_value());  // a key code is not the letter
}

TEST_CASE("no key is bound twice and every binding is described", "[ui]") {
  std::set<wint_t> chars;
  std::set<int> codes;
  for (const KeyBinding& b : keyBindings()) {
    CHECK(std::string(b.what).size() > 0);
    for (wint_t c : b.chars) CHECK(chars.insert(c).second);
    for (int c : b.codes) CHECK(codes.insert(c).second);
  }
}

TEST_CASE("status line says state, position, times, rate, volume and voice", "[ui]") {
  ScreenModel m;
  m.snap.state = PlayerState::Paused;
  m.snap.sentence = 4;
  m.snap.sentence_count = 12;
  m.snap.all_prepared = true;
  m.snap.elapsed_seconds = 65;
  m.snap.total_seconds = 3725;
  m.snap.rate = 175;
  m.snap.volume = 90;
  m.snap.voice = "de";
  CHECK(StatusLine::text(m) == "Paused | sentence 5 of 12 | 1:05, 1:01:00 left | 175 wpm | vol 90 | de | ? help");
  m.snap.all_prepared = false;
  m.notice = "not found: Bonn";
  CHECK(StatusLine::text(m) == "not found: Bonn | Paused | sentence 5 of 12+ | 1:05, 1:01:00 left | 175 wpm | vol 90 | de");
  ScreenModel starting;  // nothing from the engine yet: no made-up numbers
  CHECK(StatusLine::text(starting) == "Starting | ? help");
}
