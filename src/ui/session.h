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

#include <optional>

#include "ui/keys.h"
#include "vorlesen/playback.h"
#include "vorlesen/player.h"
#include "vorlesen/style.h"
#include "vorlesen/ui.h"

namespace vorlesen::ui {

// How long a front end waits for the Player to show a command's effect (it takes milliseconds).
inline constexpr std::chrono::milliseconds kApplyTimeout{1000};

// Whether `action` is carried out by the Player (apply() does it) rather than the front end.
bool isPlayerAction(Action action);
// Sends the command for a player action (First and Last jump to the first and the last prepared
// sentence) and returns the snapshot that shows its effect.
PlayerSnapshot apply(Player& player, Action action);

// Whether `action` moves by structure (next/previous heading or list, body start): navigate() does it.
bool isNavigation(Action action);
struct Navigation {
  bool found = false;   // false: there is no such landmark; nothing moved
  PlayerSnapshot snap;  // showing the jump when found
};
Navigation navigate(Player& player, Action action);

// The answer to "where am I" for a sentence of block `block`: "Abschnitt 3 von 7: <heading>, Absatz
// 2" (the words of spoken_words.tsv), counting the document's headings and the blocks since the last.
std::string whereAmI(const Document& doc, std::size_t block, const SpokenWords& words);

// A line of the table of contents: the title or a heading.
struct ContentsEntry {
  std::size_t block = 0;
  bool title = false;
  std::string text;  // white space collapsed
};
std::vector<ContentsEntry> tableOfContents(const Document& doc);

// What a front end says aloud after `action` took effect (`snap`; `found` for a navigation):
// with feedback.announce a short confirmation, else nothing; pause is always silent.
std::string announcement(Action action, const PlayerSnapshot& snap, bool found, const SpeechFeedback& feedback);

// Throws the Player's error when `snap` is in state Error; does nothing otherwise.
void throwIfFailed(const PlayerSnapshot& snap);

// The session's warnings (Playback::warnings(): every article's and the inputs skipped) not taken yet.
class WarningFeed {
 public:
  std::vector<std::string> take(const Playback& playback);

 private:
  std::size_t seen_ = 0;
};

// Reading lists (vorlesen play A B C): true for the next article, false for the previous one,
// nullopt for any other action. Both front ends switch with Playback::switchArticle().
std::optional<bool> articleDirection(Action action);
// Starts the article Playback::switchArticle() made current (at its position in the list); paused
// when `paused`, so that a listener can go through the list while paused, as through sentences.
Player& startArticle(Playback& playback, bool paused);
// "Article 2 of 3: TITLE", for the article now current.
std::string articleLine(Playback& playback);
// What a front end says when there is no article that way.
std::string noArticleThere(bool forward);

}  // namespace vorlesen::ui
