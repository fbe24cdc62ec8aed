#include "ui/session.h"

#include <algorithm>

#include "vorlesen/i18n.h"
#include "vorlesen/text.h"

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
    case Action::PrevArticle:
    case Action::NextHeading:
    case Action::PrevHeading:
    case Action::NextList:
    case Action::PrevList:
    case Action::BodyStart:
    case Action::WhereAmI:
    case Action::Contents: return false;
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

bool isNavigation(Action action) {
  return action == Action::NextHeading || action == Action::PrevHeading || action == Action::NextList ||
         action == Action::PrevList || action == Action::BodyStart;
}

Navigation navigate(Player& player, Action action) {
  const Landmark landmark = action == Action::NextList || action == Action::PrevList ? Landmark::List
                            : action == Action::BodyStart                          ? Landmark::Body
                                                                                   : Landmark::Heading;
  const bool forward = action != Action::PrevHeading && action != Action::PrevList;
  Navigation nav;
  const std::optional<std::size_t> target = player.find(landmark, forward);
  nav.found = target.has_value();
  nav.snap = target ? player.waitForApplied(player.jumpTo(*target), kApplyTimeout) : player.snapshot();
  return nav;
}

namespace {

bool isBody(BlockKind kind) { return kind != BlockKind::Title && kind != BlockKind::Byline; }

std::string blockText(const Document& doc, std::size_t block) {
  return collapseWhiteSpace(doc.slice(doc.blocks[block].span));
}

}  // namespace

std::string whereAmI(const Document& doc, std::size_t block, const SpokenWords& words) {
  if (block >= doc.blocks.size()) return {};
  const std::vector<Block>& blocks = doc.blocks;
  if (!isBody(blocks[block].kind)) return words.phrase("where-title");
  std::size_t sections = 0, section = 0, heading = 0, body_before = 0, body_total = 0;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (blocks[b].kind == BlockKind::Heading) {
      ++sections;
      if (b <= block) {
        section = sections;
        heading = b;
      }
    }
    if (isBody(blocks[b].kind)) {
      ++body_total;
      if (b <= block) ++body_before;
    }
  }
  if (sections == 0) return format(words.phrase("where-paragraph").c_str(), body_before, body_total);
  if (section == 0) return format(words.phrase("where-intro").c_str(), body_before);
  if (heading == block) return format(words.phrase("where-heading").c_str(), section, sections, blockText(doc, heading));
  return format(words.phrase("where-section").c_str(), section, sections, blockText(doc, heading), block - heading);
}

std::vector<ContentsEntry> tableOfContents(const Document& doc) {
  std::vector<ContentsEntry> out;
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    const BlockKind kind = doc.blocks[b].kind;
    if (kind == BlockKind::Title || kind == BlockKind::Heading) {
      out.push_back(ContentsEntry{b, kind == BlockKind::Title, blockText(doc, b)});
    }
  }
  return out;
}

std::string announcement(Action action, const PlayerSnapshot& snap, bool found, const SpeechFeedback& feedback) {
  if (!feedback.announce || !feedback.words) return {};
  const SpokenWords& w = *feedback.words;
  switch (action) {
    case Action::RateUp:
    case Action::RateDown: return format(w.phrase("announce-rate").c_str(), snap.rate);
    case Action::VolumeUp: return w.phrase("announce-louder");
    case Action::VolumeDown: return w.phrase("announce-quieter");
    case Action::NextHeading:
    case Action::PrevHeading: return found ? std::string() : w.phrase("announce-no-heading");
    case Action::NextList:
    case Action::PrevList: return found ? std::string() : w.phrase("announce-no-list");
    default: return {};
  }
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
