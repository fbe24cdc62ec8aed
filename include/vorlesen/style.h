// vorlesen — the article's structure made audible: how each kind of block sounds, and the words
// that mark structure.
//
//   voices/de/styles.tsv (per preset) < config.toml [style.KIND] < --plain-style --> SpeechStyle
//   voices/de/spoken_words.tsv --loadSpokenWords()--> SpokenWords ("erstens", "Zitat", "Abschnitt {} von {}")
//   SpeechStyle --> SentenceStream (marking words), pauseAfter() (silences), styledVoice() (pitch, rate,
//                   variant per sentence) in renderStream() and the Player alike
//
// A block kind's style changes the voice relative to the listener's (a pitch offset, a rate in
// percent of the current rate, another eSpeak variant) and asks for at least so much silence before
// and after the block. A disabled style (--plain-style) reads every block as a paragraph: exactly the
// audio of a vorlesen without styles. German words live in voices/de/spoken_words.tsv, not here.
// Plain values, immutable once built; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vorlesen/document.h"
#include "vorlesen/voice.h"

namespace vorlesen {

class LanguageData;

inline constexpr std::size_t kBlockKinds = 6;                 // BlockKind's values
inline constexpr ValueRange kPitchOffsetRange{-99, 99};       // added to the voice's pitch
inline constexpr ValueRange kRatePercentRange{50, 200};       // of the listener's rate

// The name of a block kind in config.toml and styles.tsv: title, byline, heading, paragraph, list, quote.
const char* styleName(BlockKind kind);
// The kind a name stands for; false when it names none.
bool blockKindByName(std::string_view name, BlockKind& kind);

struct BlockStyle {
  int pitch_offset = 0;     // kPitchOffsetRange; the result is clamped to kPitchRange
  int rate_percent = 100;   // kRatePercentRange; the result is clamped to kRateRange
  std::string variant;      // eSpeak variant instead of the voice's own ("m3"); empty: the voice's
  int pause_before_ms = -1;  // silence before the block (see blockPauseMs); -1: the paragraph pause
  int pause_after_ms = -1;   // silence after it; -1: the paragraph pause (Pauses::paragraph_ms)
};

// The German words that mark structure and answer the listener, from voices/de/spoken_words.tsv
// (KEY<TAB>WORDS; `list-number<TAB>N<TAB>WORD`). Templates hold {} for values.
struct SpokenWords {
  std::vector<std::string> list_numbers;  // [0] for item 1: "erstens"
  std::string quote_begin, quote_end;     // "Zitat:", "Zitat Ende."
  std::string byline_prefix;              // "Von", said before a byline that starts with none of:
  std::vector<std::string> byline_starts; // "von", "text", ... (compared case-folded)
  std::vector<std::pair<std::string, std::string>> phrases;  // the other keys: where am I, announcements

  // The template of `key` ("where-section"); empty when the file has none.
  const std::string& phrase(std::string_view key) const;
};

// Reads spoken_words.tsv from `data`; Error::data naming FILE:LINE for a malformed row (an empty
// set when the file is missing).
SpokenWords loadSpokenWords(const LanguageData& data);

struct SpeechStyle {
  bool enabled = false;       // false: every block read as a paragraph (--plain-style)
  bool list_numbers = true;   // items of numbered lists start with "erstens", "zweitens" ...
  bool quote_words = false;   // quotes said between "Zitat:" and "Zitat Ende."
  std::array<BlockStyle, kBlockKinds> kinds{};
  std::shared_ptr<const SpokenWords> words;  // needed for list_numbers, quote_words and bylines

  const BlockStyle& of(BlockKind kind) const { return kinds[static_cast<std::size_t>(kind)]; }
  BlockStyle& of(BlockKind kind) { return kinds[static_cast<std::size_t>(kind)]; }
};

// The voice for a sentence of a block of `kind`: `base` (the listener's voice and current rate)
// changed by the kind's style; `base` itself when the style is disabled.
VoiceParams styledVoice(const VoiceParams& base, const SpeechStyle& style, BlockKind kind);

// The silence between a block of kind `from` and the next of kind `to`, in milliseconds: between
// blocks of one kind (list items, the parts of a byline) `from`'s pause after; else the longer of
// `from`'s pause after and `to`'s pause before. The paragraph pause when the style is disabled.
int blockPauseMs(const SpeechStyle& style, const Pauses& pauses, BlockKind from, BlockKind to);

}  // namespace vorlesen
