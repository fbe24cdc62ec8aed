// Playback, the Player's start-up: the head of a long file first, then the whole one handed over
// after the first sound; every path completes or cancels that hand-over. Failures are injected
// through PlaybackOptions' seams (loader, output, pipeline); audio goes to a MemoryOutput and comes
// from LabelSynthesizer, so nothing here needs a sound card or eSpeak NG.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <stdexcept>
#include <thread>

#include "player/fake_playback.h"
#include "player/label_synthesizer.h"
#include "vorlesen/error.h"
#include "vorlesen/language_data.h"
#include "vorlesen/playback.h"

using namespace vorlesen;

namespace {

using Clock = std::chrono::steady_clock;

// A text long enough to start from its head: numbered paragraphs of a few sentences.
std::string longText(std::size_t bytes) {
  std::string text;
  for (int i = 1; text.size() < bytes; ++i) {
    text += "Absatz " + std::to_string(i) + " beginnt hier. Er hat einen zweiten Satz.\n\n";
  }
  return text;
}

// Options that play `text` into a MemoryOutput (owned by the test) with LabelSynthesizer.
PlaybackOptions testOptions(std::string text, MemoryOutput*& out) {
  PlaybackOptions o;
  o.inputs = {"lang.txt"};
  o.read = [text = std::move(text)](const std::string&) {
    ArticleInput input;
    input.name = "lang.txt";
    input.bytes = text;
    return input;
  };
  testing::useFakeOutputAndSynth(o, out);
  return o;
}

// A document loader that counts its calls; the second one (the whole document) runs `second` first,
// which may throw.
std::function<Document(std::string_view)> countingLoader(std::atomic<int>& calls, std::function<void()> second = {}) {
  return [&calls, second](std::string_view bytes) {
    if (++calls == 2 && second) second();
    return documentFromText("lang.txt", bytes);
  };
}

PlayerSnapshot waitForEnd(const Player& player) {
  PlayerSnapshot s = player.snapshot();
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (s.state != PlayerState::Finished && s.state != PlayerState::Error && Clock::now() < deadline) {
    s = player.waitForChange(s.version, std::chrono::milliseconds(50));
  }
  return s;
}

}  // namespace

TEST_CASE("a long file plays from its head, then from the whole document handed over", "[player]") {
  const std::string text = longText(kSplitBytes + 100000);
  ArticleInput input;
  input.name = "lang.txt";
  input.bytes = text;
  REQUIRE(headEnd(input, ExtractOptions{}) > 0);
  input.media_type = "text/html";  // a server's word counts: HTML needs its whole tree
  CHECK(headEnd(input, ExtractOptions{}) == 0);
  MemoryOutput* out = nullptr;
  PlaybackOptions options = testOptions(text, out);
  std::atomic<int> loads{0};
  options.load = countingLoader(loads);
  Playback playback(std::move(options));
  CHECK(playback.document()->text.size() < text.size());  // the head
  Player& player = playback.start();
  out->pull(4000);
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (player.document()->text.size() < text.size() && Clock::now() < deadline) {
    out->pull(1000);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  CHECK(loads == 2);
  CHECK(player.document()->text == text);
  CHECK(player.snapshot().state != PlayerState::Error);
}

TEST_CASE("the whole document failing to load ends playback with its error, not a wait", "[player]") {
  const std::string text = longText(kSplitBytes + 100000);
  MemoryOutput* out = nullptr;
  PlaybackOptions options = testOptions(text, out);
  std::atomic<int> loads{0};
  options.load = countingLoader(loads, [] { throw Error::input("lang.txt: cannot read the rest (injected)"); });
  Playback playback(std::move(options));
  Player& player = playback.start();
  out->pull(2000);
  const PlayerSnapshot s = waitForEnd(player);
  CHECK(loads == 2);
  CHECK(s.state == PlayerState::Error);
  REQUIRE(s.error.has_value());
  CHECK(s.error->kind() == ErrorKind::Input);
  CHECK(std::string(s.error->what()) == "lang.txt: cannot read the rest (injected)");
}

TEST_CASE("a head with nothing to say and a failing whole: start() throws instead of waiting", "[player]") {
  // The head is only punctuation: the player has nothing to read until the whole document comes.
  std::string text(kHeadBytes + 10, '-');
  text += "\n\n" + longText(kSplitBytes);
  MemoryOutput* out = nullptr;
  PlaybackOptions options = testOptions(text, out);
  std::atomic<int> loads{0};
  options.load = countingLoader(loads, [] { throw std::runtime_error("disk on fire (injected)"); });
  Playback playback(std::move(options));
  const auto start = Clock::now();
  CHECK_THROWS_WITH(playback.start(), Catch::Contains("disk on fire (injected)"));
  CHECK(Clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("an output that cannot open cancels the hand-over; nothing waits", "[player]") {
  const std::string text = longText(kSplitBytes + 100000);
  MemoryOutput* out = nullptr;
  PlaybackOptions options = testOptions(text, out);
  options.open_output = []() -> std::unique_ptr<AudioOutput> { throw Error::audio("no audio output device found"); };
  std::atomic<int> loads{0};
  options.load = countingLoader(loads);
  const auto start = Clock::now();
  {
    Playback playback(std::move(options));
    try {
      playback.start();
      FAIL("start() did not throw");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Audio);
    }
  }  // the destructor joins the cancelled hand-over
  CHECK(loads == 1);  // the whole file was never extracted
  CHECK(Clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("a pipeline that cannot be made: prepare() and start() throw its error", "[player]") {
  MemoryOutput* out = nullptr;
  PlaybackOptions options = testOptions("Ein Satz.", out);
  options.make_pipeline = []() -> std::shared_ptr<const Pipeline> { throw Error::data("lex.tsv: broken (injected)"); };
  Playback playback(std::move(options));
  CHECK_THROWS_WITH(playback.prepare(), "lex.tsv: broken (injected)");
  CHECK_THROWS_WITH(playback.start(), "lex.tsv: broken (injected)");
  CHECK(playback.player() == nullptr);
}

TEST_CASE("input repairs become the player's warnings: at once, or with the whole document", "[player]") {
  {
    MemoryOutput* out = nullptr;
    Playback playback(testOptions("Ein Satz mit \xff Fehler. Noch einer.", out));
    Player& player = playback.start();
    REQUIRE(player.warnings().size() == 1);
    CHECK(player.warnings()[0].find("invalid UTF-8 at byte 13") != std::string::npos);
  }
  {
    // The bad byte lies beyond the head: told once the whole document is there.
    std::string text = longText(kSplitBytes + 100000);
    text.insert(text.size() - 20, "\xff");
    MemoryOutput* out = nullptr;
    Playback playback(testOptions(text, out));
    Player& player = playback.start();
    CHECK(player.warnings().empty());
    PlayerSnapshot s = player.snapshot();
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (s.warnings == 0 && Clock::now() < deadline) {
      out->pull(1000);
      s = player.waitForChange(s.version, std::chrono::milliseconds(20));
    }
    REQUIRE(player.warnings().size() == 1);
    CHECK(player.warnings()[0].find("lang.txt: invalid UTF-8") != std::string::npos);
  }
}
