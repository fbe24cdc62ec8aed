#include "ui/session.h"

namespace vorlesen::ui {

bool isPlayerAction(Action action) {
  switch (action) {
    case Action::TogglePause:
    case Action::PrevSentence:
    case Action::NextSentence:
    case Action::PrevBlock:
    case Action::NextBlock:
    case Action::Repeat:
    case Action::RateUp:
    case Action::RateDown:
    case Action::VolumeUp:
    case Action::VolumeDown:
    case Action::First:
    case Action::Last: return true;
    case Action::Search:
    case Action::SearchNext:
    case Action::Help:
    case Action::Redraw:
    case Action::Quit: return false;
  }
  return false;
}

namespace {

std::uint64_t send(Player& player, Action action) {
  switch (action) {
    case Action::TogglePause: return player.send(PlayerCommand::TogglePause);
    case Action::PrevSentence: return player.send(PlayerCommand::PrevSentence);
    case Action::NextSentence: return player.send(PlayerCommand::NextSentence);
    case Action::PrevBlock: return player.send(PlayerCommand::PrevBlock);
    case Action::NextBlock: return player.send(PlayerCommand::NextBlock);
    case Action::Repeat: return player.send(PlayerCommand::Repeat);
    case Action::RateUp: return player.send(PlayerCommand::RateUp);
    case Action::RateDown: return player.send(PlayerCommand::RateDown);
    case Action::VolumeUp: return player.send(PlayerCommand::VolumeUp);
    case Action::VolumeDown: return player.send(PlayerCommand::VolumeDown);
    case Action::First: return player.jumpTo(0);
    case Action::Last: {
      const std::size_t n = player.sentenceCount();
      return player.jumpTo(n > 0 ? n - 1 : 0);
    }
    default: return 0;
  }
}

}  // namespace

PlayerSnapshot apply(Player& player, Action action) {
  if (!isPlayerAction(action)) return player.snapshot();
  return player.waitForApplied(send(player, action), kApplyTimeout);
}

void throwIfFailed(const PlayerSnapshot& snap) {
  if (snap.state == PlayerState::Error && snap.error) throw *snap.error;
}

std::vector<std::string> WarningFeed::take(const Player& player, const PlayerSnapshot& snap) {
  if (snap.warnings <= seen_) return {};
  return takeRest(player);
}

std::vector<std::string> WarningFeed::takeRest(const Player& player) {
  std::vector<std::string> fresh = player.warnings(seen_);
  seen_ += fresh.size();
  return fresh;
}

}  // namespace vorlesen::ui
