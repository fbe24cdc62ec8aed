#include "ui/session.h"

#include "vorlesen/i18n.h"

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
    case Action::Quit:
    case Action::NextArticle:
    case Action::PrevArticle: return false;
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

std::vector<std::string> WarningFeed::take(const Playback& playback) {
  std::vector<std::string> fresh = playback.warnings(seen_);
  seen_ += fresh.size();
  return fresh;
}

std::optional<bool> articleDirection(Action action) {
  if (action == Action::NextArticle) return true;
  if (action == Action::PrevArticle) return false;
  return std::nullopt;
}

Player& startArticle(Playback& playback, bool paused) {
  Player& player = playback.prepare();
  if (paused) player.send(PlayerCommand::Pause);
  playback.start();
  // Repeat jumps to the sentence it starts at, and a jump's target is the position reported while
  // paused: the screen highlights it and plain mode prints it at once.
  if (paused) player.waitForApplied(player.send(PlayerCommand::Repeat), kApplyTimeout);
  return player;
}

std::string articleLine(Playback& playback) {
  const ReadingList& list = playback.list();
  return format(tr("Article {} of {}: {}"), list.current() + 1, list.size(), playback.articleTitle());
}

std::string noArticleThere(bool forward) {
  return forward ? tr("This is the last article.") : tr("This is the first article.");
}

}  // namespace vorlesen::ui
