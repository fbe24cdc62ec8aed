// Reading lists (`vorlesen play A B C`): the list's bookkeeping (ReadingList) and Playback over
// several documents: next/previous at the ends, inputs that cannot be read passed over with a
// warning, the position kept per article. Audio goes to a MemoryOutput and comes from
// LabelSynthesizer, so nothing here needs a sound card or eSpeak NG.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <stdexcept>

#include "player/fake_playback.h"
#include "player/label_synthesizer.h"
#include "vorlesen/error.h"
#include "vorlesen/language_data.h"
#include "vorlesen/playback.h"
#include "vorlesen/reading_list.h"

using namespace vorlesen;

namespace {

constexpr std::chrono::milliseconds kWait{2000};

// Options that read the list's inputs from `texts` (an input not in it cannot be read) and play
// into a MemoryOutput with LabelSynthesizer.
PlaybackOptions listOptions(std::vector<std::string> inputs, std::map<std::string, std::string> texts,
                            MemoryOutput*& out) {
  PlaybackOptions o;
  o.inputs = std::move(inputs);
  o.read = [texts = std::move(texts)](const std::string& name) {
    const auto it = texts.find(name);
    if (it == texts.end()) throw Error::input(name + ": cannot open: No such file or directory");
    ArticleInput input;
    input.name = name;
    input.bytes = it->second;
    return input;
  };
  testing::useFakeOutputAndSynth(o, out);
  return o;
}

const std::map<std::string, std::string> kTexts = {
    {"eins.txt", "Eins beginnt hier. Eins geht weiter. Eins hört auf.\n"},
    {"zwei.txt", "Zwei ist kurz.\n"},
    {"drei.txt", "Drei beginnt hier. Drei endet.\n"},
    {"leer.txt", ""},
};

// The sentence `player` reports after jumping to sentence `index`.
std::string jumpAndRead(Player& player, std::size_t index) {
  const PlayerSnapshot s = player.waitForApplied(player.jumpTo(index), kWait);
  return std::string(player.document()->slice(s.sentence_source));
}

// The sentence heard once the output played a little of the current Player.
std::string firstHeard(Player& player, MemoryOutput& out) {
  out.pull(2048);
  PlayerSnapshot s = player.snapshot();
  for (int i = 0; i < 100 && s.sentence_source.empty(); ++i) s = player.waitForChange(s.version, kWait / 100);
  return std::string(player.document()->slice(s.sentence_source));
}

}  // namespace

TEST_CASE("a reading list steps to the readable neighbours and stops at its ends", "[player]") {
  ReadingList list({"a", "b", "c", "d"});
  CHECK(list.size() == 4);
  CHECK(list.current() == 0);
  CHECK_FALSE(list.previous());
  CHECK(list.next() == std::optional<std::size_t>(1));
  list.markUnreadable(1);
  CHECK(list.next() == std::optional<std::size_t>(2));  // b is passed over
  list.moveTo(3);
  CHECK_FALSE(list.next());
  CHECK(list.previous() == std::optional<std::size_t>(2));
  list.moveTo(2);
  CHECK(list.previous() == std::optional<std::size_t>(0));
  list.markUnreadable(0);
  CHECK_FALSE(list.previous());  // nothing readable before it
  CHECK_THROWS_AS(list.moveTo(4), std::out_of_range);
  CHECK_THROWS_AS(ReadingList({}), std::invalid_argument);
}

TEST_CASE("a reading list keeps a position per article; an article heard to the end starts over", "[player]") {
  ReadingList list({"a", "b"});
  CHECK(list.position(0) == 0);
  list.leave(0, 7, false);
  list.leave(1, 3, true);
  CHECK(list.position(0) == 7);
  CHECK(list.position(1) == 0);
  list.setPosition(1, 2);
  CHECK(list.position(1) == 2);
}

TEST_CASE("Playback goes through a list: next, previous, each article where it was left", "[player]") {
  MemoryOutput* out = nullptr;
  Playback playback(listOptions({"eins.txt", "fehlt.txt", "drei.txt"}, kTexts, out));
  Player* player = &playback.start();
  CHECK(firstHeard(*player, *out) == "Eins beginnt hier.");
  CHECK(jumpAndRead(*player, 1) == "Eins geht weiter.");

  // Next: the missing input is passed over with a warning naming it; the output plays the new article.
  REQUIRE(playback.switchArticle(true));
  CHECK(playback.list().current() == 2);
  CHECK(playback.list().position(0) == 1);  // where article 1 was left
  CHECK(playback.warnings() ==
        std::vector<std::string>{"fehlt.txt: cannot open: No such file or directory (this article is skipped)"});
  player = &playback.start();
  CHECK(player->document()->text.rfind("Drei beginnt", 0) == 0);
  CHECK(firstHeard(*player, *out) == "Drei beginnt hier.");
  CHECK(playback.articleTitle() == "drei.txt");  // plain text without a title block: its name

  // At the end of the list there is no next: nothing changes, the article plays on.
  CHECK_FALSE(playback.switchArticle(true));
  CHECK(playback.player() == player);
  CHECK(playback.list().current() == 2);

  // Previous: back to article 1 at the sentence where it was left (the missing one is not tried again).
  REQUIRE(playback.switchArticle(false));
  CHECK(playback.list().current() == 0);
  player = &playback.start();
  CHECK(firstHeard(*player, *out) == "Eins geht weiter.");
  CHECK(playback.warnings().size() == 1);
  CHECK_FALSE(playback.switchArticle(false));  // the first article: no previous one
  CHECK(playback.player() == player);
}

TEST_CASE("an article heard to its end is read from its start when it is reached again", "[player]") {
  MemoryOutput* out = nullptr;
  Playback playback(listOptions({"zwei.txt", "drei.txt"}, kTexts, out));
  Player& first = playback.start();
  out->pullUntilDrained();
  PlayerSnapshot s = first.snapshot();
  for (int i = 0; i < 100 && s.state != PlayerState::Finished; ++i) s = first.waitForChange(s.version, kWait / 100);
  REQUIRE(s.state == PlayerState::Finished);
  CHECK(heardToEnd(s));
  REQUIRE(playback.switchArticle(true));
  CHECK(playback.list().position(0) == 0);
  REQUIRE(playback.switchArticle(false));
  Player& again = playback.start();
  CHECK(firstHeard(again, *out) == "Zwei ist kurz.");
}

TEST_CASE("a list skips what it cannot read and fails only when nothing can be read", "[player]") {
  MemoryOutput* out = nullptr;
  SECTION("the first readable input is the first article") {
    Playback playback(listOptions({"fehlt.txt", "leer.txt", "zwei.txt"}, kTexts, out));
    CHECK(playback.document()->text == "Zwei ist kurz.\n");
    CHECK(playback.list().current() == 2);
    const std::vector<std::string> w = playback.warnings();
    REQUIRE(w.size() == 2);
    CHECK(w[1] == "leer.txt: nothing to read aloud (the file is empty or has no words) (this article is skipped)");
    Player& player = playback.start();
    CHECK(firstHeard(player, *out) == "Zwei ist kurz.");
    CHECK_FALSE(playback.switchArticle(false));  // both before it are known to be unreadable
  }
  SECTION("a list resumed at an article that is gone goes on at the first readable one") {
    Playback playback(listOptions({"zwei.txt", "fehlt.txt"}, kTexts, out));
    playback.list().moveTo(1);
    CHECK(playback.document()->text == "Zwei ist kurz.\n");
    CHECK(playback.list().current() == 0);
  }
  SECTION("none readable: an input error, every input named") {
    Playback playback(listOptions({"fehlt.txt", "leer.txt"}, kTexts, out));
    CHECK_THROWS_WITH(playback.document(), "none of the 2 inputs can be read");
    CHECK(playback.warnings().size() == 2);
  }
  SECTION("a single input that cannot be read is thrown as it is") {
    Playback playback(listOptions({"fehlt.txt"}, kTexts, out));
    CHECK_THROWS_WITH(playback.document(), "fehlt.txt: cannot open: No such file or directory");
    CHECK(playback.warnings().empty());
  }
}
