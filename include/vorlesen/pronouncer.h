// vorlesen — pronunciation (stage 3b, after the normalizer, before the synthesizer).
//
//   SpokenText (normalizer) --Pronouncer::pronounce()--> Pronounced { SpokenText, VoiceRuns, decisions }
//
// Decides how words eSpeak NG reads badly are spoken: lexicon entries (replacement text or eSpeak
// phonemes), foreign words (read by the English voice: a VoiceRun), acronyms (spelled "K-I" or read as
// a word "Nato"), and, for every other word, the phoneme rules (voices/de/phoneme_rules.tsv), which
// correct eSpeak NG's own phonemes of a word: the stretches they may respell become VoiceRuns with a
// PhonemeRewriter that the synthesizer applies where eSpeak runs (see synthesizer.h). All knowledge
// comes from voices/de/ (lexicon.tsv, foreign.tsv, acronyms.tsv, phoneme_rules.tsv) and the user's
// lexicons; the code is the mechanism. The output's alignment is composed with the input's, so
// every spoken byte still points at the original word in the document.
//
// Lexicon files (built-in voices/de/lexicon.tsv, then $XDG_CONFIG_HOME/vorlesen/lexicon.tsv, then each
// --lexicon FILE; a later file wins, and a later line within a file): see voices/de/lexicon.tsv for
// the format and its case rules. Bad lines are reported as warnings ("FILE:LINE: problem") and skipped.
//
// A Pronouncer is immutable after construction and thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vorlesen/language_data.h"
#include "vorlesen/normalizer.h"
#include "vorlesen/synthesizer.h"

namespace vorlesen {

struct LexiconEntry {
  std::string word;      // as written in the file
  std::string reading;   // replacement text, or "[[phonemes]]"
  std::string language;  // voice language for the reading; empty: the main voice
  std::string origin;    // "lexicon.tsv:LINE", for --explain
  std::string path_line; // "PATH:LINE", for messages
  bool phonemes() const { return reading.size() >= 4 && reading.rfind("[[", 0) == 0; }
};

// One pronunciation file parsed leniently: good lines become entries, bad ones warnings.
struct Lexicon {
  std::vector<LexiconEntry> entries;
  std::vector<std::string> warnings;  // "FILE:LINE: problem"

  static Lexicon parse(std::string_view text, const std::string& path);
  static Lexicon fromTable(const TsvTable& table);  // rows already split (LanguageData's lexicon.tsv)
  // Throws Error::input when the file cannot be read.
  static Lexicon load(const std::string& path);
};

enum class PronunciationKind { Lexicon, Foreign, Acronym };

// Why a word is spoken the way it is, for `vorlesen normalize --explain`.
struct PronunciationDecision {
  PronunciationKind kind = PronunciationKind::Lexicon;
  std::string word;      // in the normalizer's output
  std::string reading;   // what the synthesizer gets
  std::string language;  // voice language of the reading; empty: the main voice
  std::string because;   // "lexicon.tsv:12", "foreign.tsv:3", "acronyms.tsv:5", "unknown capitals"
};

const char* kindName(PronunciationKind kind);  // "lexicon", "foreign", "acronym"
// CLASS<TAB>WORD<TAB>READING, the columns `normalize --explain` prints after the line number:
// "acronym\tKI\tK-I", "foreign\tHype\tHype [en]" (a reading's voice language in brackets).
std::string describe(const PronunciationDecision& d);

struct Pronounced {
  SpokenText spoken;                // what the synthesizer reads, aligned to the document
  std::vector<VoiceRun> runs;       // stretches of spoken.text for another voice or as phonemes
  std::vector<PronunciationDecision> decisions;
};

// Whether the synthesizer has a voice for a language ("en"); entries naming another are skipped.
using LanguageCheck = std::function<bool(const std::string& language)>;

class Pronouncer {
 public:
  // Uses the tables of `data` (lexicon, foreign, acronyms; each optional) and then `user_lexicons`
  // in order. Throws Error::data for a malformed built-in table (foreign.tsv, acronyms.tsv). Lexicon
  // and foreign entries whose language fails `has_language` become warnings (no check when empty).
  explicit Pronouncer(const LanguageData& data, std::vector<Lexicon> user_lexicons = {},
                      const LanguageCheck& has_language = {});
  ~Pronouncer();
  Pronouncer(const Pronouncer&) = delete;
  Pronouncer& operator=(const Pronouncer&) = delete;
  Pronouncer(Pronouncer&&) noexcept;

  Pronounced pronounce(const SpokenText& in) const;
  // Bad lexicon lines met while loading (built-in and user), for the command line to print.
  const std::vector<std::string>& warnings() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vorlesen
