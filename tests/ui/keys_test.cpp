#include <catch2/catch.hpp>

#include <algorithm>
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

TEST_CASE("no key is bound twice in a front end and every binding is described", "[ui]") {
  for (const Front front : {Front::Screen, Front::Plain}) {
    std::set<wint_t> chars;
    std::set<int> codes;
    for (const KeyBinding& b : keyBindings(front)) {
      CHECK(std::string(b.what).size() > 0);
      for (wint_t c : b.chars) CHECK(chars.insert(c).second);
      for (int c : b.codes) CHECK(codes.insert(c).second);
    }
  }
}

TEST_CASE("plain mode and the screen share the table; n differs, search is the screen's", "[ui]") {
  CHECK(actionForKey(false, L'n', Front::Screen) == Action::SearchNext);
  CHECK(actionForKey(false, L'n', Front::Plain) == Action::NextSentence);
  CHECK(actionForKey(true, KEY_RIGHT, Front::Plain) == Action::NextSentence);
  CHECK(actionForKey(false, L'N', Front::Plain) == Action::NextBlock);
  CHECK(actionForKey(false, L'>', Front::Plain) == Action::VolumeUp);
  CHECK(actionForKey(false, L']', Front::Plain) == Action::VolumeUp);
  CHECK_FALSE(actionForKey(false, L'/', Front::Plain).has_value());
  CHECK_FALSE(actionForKey(false, 12, Front::Plain).has_value());  // Ctrl-L: nothing to redraw
  // Every action plain mode has, the screen has too (under the same keys but n).
  for (const KeyBinding& b : keyBindings(Front::Plain)) {
    for (wint_t c : b.chars) {
      if (c != L'n') CHECK(actionForKey(false, c, Front::Screen) == b.action);
    }
  }
  const std::string help = keyHelp(Front::Plain);
  CHECK(help.find("space") != std::string::npos);
  CHECK(help.find("next match") == std::string::npos);
  CHECK(std::count(help.begin(), help.end(), '\n') + 1 == static_cast<long>(keyBindings(Front::Plain).size()));
}

namespace {

// decodeKey() over a byte string: the first byte, then the rest as the sequence's continuation.
std::optional<Key> decode(const std::string& bytes) {
  struct Source {
    const std::string& bytes;
    std::size_t at = 1;
  } source{bytes};
  return decodeKey(static_cast<unsigned char>(bytes[0]),
                   [](void* c) {
                     auto* s = static_cast<Source*>(c);
                     return s->at < s->bytes.size() ? static_cast<int>(static_cast<unsigned char>(s->bytes[s->at++])) : -1;
                   },
                   &source);
}

}  // namespace

TEST_CASE("terminal bytes decode to the keys curses reports", "[ui]") {
  const auto is = [](const std::optional<Key>& k, bool code, wint_t value) {
    return k && k->is_code == code && k->value == value;
  };
  CHECK(is(decode("q"), false, L'q'));
  CHECK(is(decode("\x1b[C"), true, KEY_RIGHT));
  CHECK(is(decode("\x1b[D"), true, KEY_LEFT));
  CHECK(is(decode("\x1bOA"), true, KEY_UP));  // application cursor mode
  CHECK(is(decode("\x1b[B"), true, KEY_DOWN));
  CHECK(is(decode("\x1b[H"), true, KEY_HOME));
  CHECK(is(decode("\x1b[4~"), true, KEY_END));
  CHECK(is(decode("\x1b[5~"), true, KEY_PPAGE));
  CHECK(is(decode("\x1b[6~"), true, KEY_NPAGE));
  CHECK(is(decode("\x1bOP"), true, KEY_F(1)));
  CHECK(is(decode("\xc3\xa4"), false, 0xE4));  // ä
  CHECK_FALSE(decode("\x1b").has_value());      // a lone Escape
  CHECK_FALSE(decode("\x1b[15~").has_value());  // F5: no binding
}

namespace {

// A model as the engine reports it: `state`, at sentence `sentence` (0-based) of `count`, the
// times, 175 wpm, volume `volume`, voice de.
ScreenModel statusModel(PlayerState state, std::size_t sentence, std::size_t count, double elapsed, double total,
                        int volume) {
  ScreenModel m;
  m.snap.state = state;
  m.snap.sentence = sentence;
  m.snap.sentence_count = count;
  m.snap.all_prepared = true;
  m.snap.elapsed_seconds = elapsed;
  m.snap.total_seconds = total;
  m.snap.rate = 175;
  m.snap.volume = volume;
  m.snap.voice = "de";
  return m;
}

}  // namespace

TEST_CASE("status line says state, position, times, rate, volume and voice", "[ui]") {
  ScreenModel m = statusModel(PlayerState::Paused, 4, 12, 65, 3725, 90);
  CHECK(StatusLine::text(m) == "Paused | sentence 5 of 12 | 1:05, 1:01:00 left | 175 wpm | vol 90 | de | ? help");
  m.snap.all_prepared = false;
  m.notice = "not found: Bonn";
  CHECK(StatusLine::text(m) == "not found: Bonn | Paused | sentence 5 of 12+ | 1:05, 1:01:00 left | 175 wpm | vol 90 | de");
  ScreenModel starting;  // nothing from the engine yet: no made-up numbers
  CHECK(StatusLine::text(starting) == "Starting | ? help");
}

TEST_CASE("a and A go to the next and previous article in both front ends", "[ui]") {
  for (const Front front : {Front::Screen, Front::Plain}) {
    CHECK(actionForKey(false, L'a', front) == Action::NextArticle);
    CHECK(actionForKey(false, L'A', front) == Action::PrevArticle);
  }
  CHECK(keyHelp(Front::Plain).find("next article") != std::string::npos);
}

TEST_CASE("in a reading list the status line says the article and stays within its row", "[ui]") {
  ScreenModel m = statusModel(PlayerState::Playing, 11, 40, 32, 222, 100);
  m.article = 1;
  m.articles = 3;
  CHECK(StatusLine::text(m) ==
        "Playing | article 2 of 3 | sentence 12 of 40 | 0:32, 3:10 left | 175 wpm | vol 100 | de | ? help");
  // 80 columns: the voice, then the elapsed time, then the help hint make room, in that order.
  CHECK(StatusLine::text(m, 80) == "Playing | article 2 of 3 | sentence 12 of 40 | 3:10 left | 175 wpm | vol 100");
  CHECK(StatusLine::text(m, 86) == "Playing | article 2 of 3 | sentence 12 of 40 | 3:10 left | 175 wpm | vol 100 | ? help");
  CHECK(StatusLine::text(m, 92) ==
        "Playing | article 2 of 3 | sentence 12 of 40 | 0:32, 3:10 left | 175 wpm | vol 100 | ? help");
  // Too narrow for the rest: the state, the positions and the time left stay (the view cuts the row).
  CHECK(StatusLine::text(m, 20) == "Playing | article 2 of 3 | sentence 12 of 40 | 3:10 left");
  // One article: as before, and it fits 80 columns as it is.
  m.articles = 1;
  const std::string single = "Playing | sentence 12 of 40 | 0:32, 3:10 left | 175 wpm | vol 100 | de | ? help";
  CHECK(StatusLine::text(m) == single);
  CHECK(StatusLine::text(m, 80) == single);
}
