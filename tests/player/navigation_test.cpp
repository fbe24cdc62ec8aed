// Moving by structure (issue 19): the player finds headings, lists and the body's first sentence,
// speaks "where am I" and announcements before going on in the sentence heard, and reads each
// kind of block with its style.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>

#include "player/label_synthesizer.h"
#include "render/structured_document.h"
#include "ui/session.h"
#include "vorlesen/language_data.h"
#include "vorlesen/player.h"
#include "vorlesen/settings.h"

using namespace vorlesen;

namespace {

// What a synthesizer was asked to say, in order, with the voice: shared with the test thread.
struct SpokenLog {
  std::mutex mutex;
  std::vector<std::pair<std::string, VoiceParams>> said;
  std::vector<std::pair<std::string, VoiceParams>> copy() {
    std::lock_guard<std::mutex> lock(mutex);
    return said;
  }
};

class LoggingSynthesizer final : public Synthesizer {
 public:
  explicit LoggingSynthesizer(std::shared_ptr<SpokenLog> log) : log_(std::move(log)) {}
  int sampleRate() const override { return inner_.sampleRate(); }
  void setVoice(const VoiceParams& params) override {
    voice_ = params;
    inner_.setVoice(params);
  }
  std::size_t synthesize(std::string_view text, const AudioCallback& on_audio) override {
    {
      std::lock_guard<std::mutex> lock(log_->mutex);
      log_->said.emplace_back(std::string(text), voice_);
    }
    return inner_.synthesize(text, on_audio);
  }

 private:
  std::shared_ptr<SpokenLog> log_;
  testing::LabelSynthesizer inner_;
  VoiceParams voice_;
};

Document structuredDocument() {
  return testing::structuredDocument({
      {BlockKind::Title, "Der Wald im Wandel"},          // sentence 0
      {BlockKind::Byline, "Von Martin Muster"},          // 1
      {BlockKind::Paragraph, "Eine Einleitung."},        // 2
      {BlockKind::Heading, "Trockene Sommer"},           // 3
      {BlockKind::Paragraph, "Die Fichten leiden."},     // 4
      {BlockKind::ListItem, "Buchen pflanzen."},         // 5
      {BlockKind::ListItem, "Eichen pflanzen."},         // 6
      {BlockKind::Heading, "Ausblick"},                  // 7
      {BlockKind::Paragraph, "Es dauert."},              // 8
      {BlockKind::Paragraph, "Noch ein Absatz."},        // 9
  });
}

using testing::germanStyle;

struct StructuredPlayback {
  StructuredPlayback() : doc(std::make_shared<const Document>(structuredDocument())), log(std::make_shared<SpokenLog>()) {
    PlayerOptions options;
    options.style = germanStyle();
    options.voice.rate = 200;
    player = std::make_unique<Player>(doc, LanguageData::german(), options,
                                      [l = log] { return std::make_unique<LoggingSynthesizer>(l); });
    player->start(out);
    // jumpTo() clamps to the sentences prepared so far: let the prepare thread finish first.
    REQUIRE(testing::waitUntil(*player, [](const PlayerSnapshot& x) { return x.all_prepared; }).all_prepared);
  }
  std::shared_ptr<const Document> doc;
  std::shared_ptr<SpokenLog> log;
  MemoryOutput out;  // outlives the player
  std::unique_ptr<Player> player;
};

}  // namespace

TEST_CASE("next and previous heading and list, and the body's first sentence", "[player][navigation]") {
  StructuredPlayback p;
  Player& player = *p.player;
  p.out.pull(1000);
  CHECK(player.find(Landmark::Heading, true) == std::optional<std::size_t>(3));
  CHECK(player.find(Landmark::List, true) == std::optional<std::size_t>(5));
  CHECK(player.find(Landmark::Body, true) == std::optional<std::size_t>(2));
  CHECK(player.find(Landmark::Heading, false) == std::nullopt);  // at the title, nothing before it
  player.jumpTo(6);  // the second list item
  CHECK(player.find(Landmark::List, false) == std::optional<std::size_t>(5));  // the start of this list
  CHECK(player.find(Landmark::List, true) == std::nullopt);
  CHECK(player.find(Landmark::Heading, false) == std::optional<std::size_t>(3));
  CHECK(player.find(Landmark::Heading, true) == std::optional<std::size_t>(7));
  player.jumpTo(7);
  CHECK(player.find(Landmark::Heading, false) == std::optional<std::size_t>(3));
  CHECK(player.find(Landmark::Heading, true) == std::nullopt);
  CHECK(player.firstSentenceOfBlock(7) == std::optional<std::size_t>(7));
  CHECK(player.firstSentenceOfBlock(10) == std::nullopt);

  // The front ends' navigation: a jump there, or nothing moved.
  const ui::Navigation back = ui::navigate(player, ui::Action::PrevHeading);
  CHECK(back.found);
  CHECK(back.snap.sentence == 3);
  const ui::Navigation none = ui::navigate(player, ui::Action::PrevList);
  CHECK_FALSE(none.found);
}

TEST_CASE("where am I is spoken, then the sentence heard starts again", "[player][navigation]") {
  StructuredPlayback p;
  Player& player = *p.player;
  const auto words = std::make_shared<const SpokenWords>(loadSpokenWords(LanguageData::german()));
  const Document& doc = *p.doc;
  CHECK(ui::whereAmI(doc, 9, *words) == "Abschnitt 2 von 2: Ausblick, Absatz 2");
  CHECK(ui::whereAmI(doc, 5, *words) == "Abschnitt 1 von 2: Trockene Sommer, Absatz 2");
  CHECK(ui::whereAmI(doc, 3, *words) == "Abschnitt 1 von 2: Trockene Sommer");
  CHECK(ui::whereAmI(doc, 2, *words) == "Vor der ersten Überschrift, Absatz 1");
  CHECK(ui::whereAmI(doc, 0, *words) == "Titel");

  player.jumpTo(9);
  p.out.pull(3000);
  REQUIRE(testing::waitUntil(player, [](const PlayerSnapshot& s) { return s.sentence == 9; }).sentence == 9);
  const std::string where = ui::whereAmI(doc, player.snapshot().block, *words);
  player.send(PlayerCommand::Pause);
  player.say(where);  // resumes
  p.out.pull(40000);
  const auto said = p.log->copy();
  // Spoken in the listener's voice, then sentence 9 again from its start: the place is kept.
  const auto at = std::find_if(said.begin(), said.end(), [&](const auto& s) { return s.first == where; });
  REQUIRE(at != said.end());
  CHECK(at->second.rate == 200);
  REQUIRE(at + 1 != said.end());
  CHECK((at + 1)->first == "Noch ein Absatz.");
  const PlayerSnapshot s = player.snapshot();
  CHECK(s.sentence == 9);
  CHECK(s.state != PlayerState::Paused);
}

TEST_CASE("the player reads headings with the heading style", "[player][navigation]") {
  StructuredPlayback p;
  p.out.pullUntilDrained(4096, 22050 * 120);
  const auto said = p.log->copy();
  const auto voiceOf = [&](const std::string& text) {
    for (const auto& s : said) {
      if (s.first == text) return s.second;
    }
    FAIL("not said: " << text);
    return VoiceParams{};
  };
  CHECK(voiceOf("Trockene Sommer").pitch == 42);
  CHECK(voiceOf("Trockene Sommer").rate == 184);
  CHECK(voiceOf("Die Fichten leiden.").pitch == 50);
  CHECK(voiceOf("Die Fichten leiden.").rate == 200);
}

TEST_CASE("announcements: only with --announce, and pause stays silent", "[player][navigation]") {
  SpeechFeedback on;
  on.announce = true;
  on.words = std::make_shared<const SpokenWords>(loadSpokenWords(LanguageData::german()));
  PlayerSnapshot snap;
  snap.rate = 220;
  snap.state = PlayerState::Paused;
  CHECK(ui::announcement(ui::Action::RateUp, snap, true, on) == "Tempo 220");
  CHECK(ui::announcement(ui::Action::VolumeUp, snap, true, on) == "Lauter");
  CHECK(ui::announcement(ui::Action::VolumeDown, snap, true, on) == "Leiser");
  CHECK(ui::announcement(ui::Action::NextHeading, snap, false, on) == "Keine weitere Überschrift");
  CHECK(ui::announcement(ui::Action::NextHeading, snap, true, on).empty());  // the heading is heard
  CHECK(ui::announcement(ui::Action::TogglePause, snap, true, on).empty());
  SpeechFeedback off = on;
  off.announce = false;
  CHECK(ui::announcement(ui::Action::RateUp, snap, true, off).empty());
}
