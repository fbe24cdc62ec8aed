// vorlesen — how the voice sounds: the values every speaking stage shares, and their limits.
//
//   presets, config file, command line --Settings (settings.h)--> VoiceParams, Pauses
//        --> Synthesizer (synthesizer.h), renderSentences (pipeline.h), Player (player.h)
//
// The ranges eSpeak NG accepts and the steps of the player's rate and volume keys live here once, so
// the command line, the config file, the synthesizer and the player agree on them. Plain values;
// everything here is thread-safe.
#pragma once

#include <string>

namespace vorlesen {

// An inclusive range of whole numbers.
struct ValueRange {
  int min;
  int max;
  constexpr bool contains(int v) const { return v >= min && v <= max; }
  constexpr int clamp(int v) const { return v < min ? min : (v > max ? max : v); }
};

inline constexpr ValueRange kRateRange{80, 450};    // words per minute (eSpeak NG clamps below 80 itself)
inline constexpr ValueRange kPitchRange{0, 99};
inline constexpr ValueRange kVolumeRange{0, 200};   // amplitude: 100 as synthesized, above 100 may clip
inline constexpr ValueRange kPauseRange{0, 10000};  // milliseconds of silence after a sentence or paragraph

inline constexpr int kRateStep = 20;    // words per minute per rate key (PlayerCommand::RateUp/RateDown)
inline constexpr int kVolumeStep = 10;  // amplitude units per volume key (VolumeUp/VolumeDown)

struct VoiceParams {
  std::string voice = "de";  // eSpeak voice name, optionally with +variant ("de+f2")
  int rate = 175;            // words per minute, kRateRange
  int pitch = 50;            // kPitchRange
  int volume = 100;          // amplitude, kVolumeRange
  friend bool operator==(const VoiceParams& a, const VoiceParams& b) {
    return a.voice == b.voice && a.rate == b.rate && a.pitch == b.pitch && a.volume == b.volume;
  }
  friend bool operator!=(const VoiceParams& a, const VoiceParams& b) { return !(a == b); }
};

// The silences between sentences; where each goes is pauseAfter() in pipeline.h.
struct Pauses {
  int sentence_ms = 250;   // silence after each sentence
  int paragraph_ms = 600;  // silence after the last sentence of a block (instead of sentence_ms)
};

}  // namespace vorlesen
