// Internal to the front ends: what the reading screen and plain mode do alike with the Player.
//
// Both map keys to actions through keys.h, actions to Player commands here (apply()), and take what
// they show from the snapshot the Player reports after the command took effect, never from one they
// guessed. Both end the same way: a failed Player's typed error is thrown as it is
// (throwIfFailed()), so its kind decides the exit code in both (ErrorKind::Audio, a lost device:
// 3). Warnings arrive through the snapshot's count (WarningFeed). Used on the front end's thread.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "ui/keys.h"
#include "vorlesen/player.h"

namespace vorlesen::ui {

// How long a front end waits for the Player to show a command's effect (it takes milliseconds).
inline constexpr std::chrono::milliseconds kApplyTimeout{1000};

// Whether `action` is carried out by the Player (apply() does it) rather than the front end.
bool isPlayerAction(Action action);
// Sends the command for a player action (First and Last jump to the first and the last prepared
// sentence) and returns the snapshot that shows its effect.
PlayerSnapshot apply(Player& player, Action action);

// Throws the Player's error when `snap` is in state Error; does nothing otherwise.
void throwIfFailed(const PlayerSnapshot& snap);

// The warnings a snapshot announces that were not taken yet.
class WarningFeed {
 public:
  std::vector<std::string> take(const Player& player, const PlayerSnapshot& snap);
  // Every warning not taken yet, whatever the last snapshot said (when the session ends).
  std::vector<std::string> takeRest(const Player& player);

 private:
  std::size_t seen_ = 0;
};

}  // namespace vorlesen::ui
