// vorlesen — speech synthesis (stage 4).
//
//   spoken text --Synthesizer::synthesize()--> mono int16 PCM blocks + word events (sample offsets)
//   spoken text + VoiceRuns --synthesizeRuns()--> the same, with stretches read by another language's
//                                                voice or given as eSpeak phonemes (from the Pronouncer),
//                                                and words respelled by the pronouncer's phoneme rules
//   word --EspeakSynthesizer::wordPhonemes()--> eSpeak's phonemes; text + runs --spokenIpa()--> IPA
//
// Synthesizer is the small interface the pipeline and player depend on, so they can be tested with a
// fake. EspeakSynthesizer is the real one over eSpeak NG. eSpeak NG keeps all its state in process
// globals and is not thread-safe: at most one EspeakSynthesizer exists at a time per process (a second
// one throws), and every call on it must come from one thread. Parallel rendering uses processes.
// The engine is initialized on first use and terminated at exit, never twice: eSpeak NG 1.51 deadlocks
// when re-initialized. Its output is deterministic per process, not per call: the same text gives the
// same samples in a fresh process, but state (the pitch flutter phase) carries from one message to the
// next, so lengths differ by a few samples after other text was spoken.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vorlesen/document.h"
#include "vorlesen/voice.h"

namespace vorlesen {

// A word of a text and the eSpeak NG phonemes to speak for it instead of its letters.
struct PhonemeRespelling {
  Span word;             // byte range in the text given to PhonemeRewriter::respell()
  std::string phonemes;  // eSpeak NG mnemonics, '|' between phonemes ("z|'A:|k|t|@"), spoken as [[...]]
  std::string espeak;    // eSpeak NG's own phonemes it replaces, same notation (for --explain)
  std::string because;   // the rules that changed it ("phoneme_rules.tsv:12"), for --explain
};

// eSpeak NG's own phonemes for one word in the main voice, '|' between phonemes ("z|'A:|g|t|@");
// empty when there are none to rewrite.
using PhonemeLookup = std::function<std::string(std::string_view word)>;

// How the pronouncer corrects eSpeak NG's reading of words by rule: it looks at eSpeak's own
// phonemes of each word of a stretch and says which words to speak from other phonemes. It runs
// where eSpeak runs (the synthesis thread, which alone may call eSpeak), so implementations are
// immutable and thread-safe.
class PhonemeRewriter {
 public:
  virtual ~PhonemeRewriter() = default;
  // The words of `text` to speak from phonemes, in order; `espeak` gives eSpeak NG's phonemes.
  virtual std::vector<PhonemeRespelling> respell(std::string_view text, const PhonemeLookup& espeak) const = 0;
};

// A stretch of the text to synthesize that is not read by the main voice as it is: another
// language's voice (`language`, e.g. "en", for "Start-up" inside a German sentence), eSpeak NG
// phoneme mnemonics (`phonemes`: the stretch is "[[...]]", see espeak-ng's docs/phonemes.md), or
// main-voice words that `rewriter` may respell from eSpeak's own phonemes. A synthesizer that has no
// phonemes (a test fake) reads a rewriter's stretch as text.
struct VoiceRun {
  Span text;             // byte range in the text passed to synthesizeRuns()
  std::string language;  // eSpeak language/voice name for the stretch; empty: the main voice
  bool phonemes = false;
  std::shared_ptr<const PhonemeRewriter> rewriter = nullptr;  // set: main voice, words respelled by rule
};

struct WordEvent {
  std::size_t sample = 0;  // offset from the start of this synthesize() call's audio
  Span text;               // byte range of the word in the text passed to synthesize()
};

// Receives audio in order. `events` are the word starts whose sample lies in this block.
// Return false to stop synthesis early.
using AudioCallback =
    std::function<bool(const std::int16_t* samples, std::size_t count, const std::vector<WordEvent>& events)>;

struct VoiceInfo {
  std::string name;        // what --voice accepts
  std::string language;    // e.g. "de"
  std::string identifier;  // eSpeak's file name, e.g. "gmw/de"
};

class Synthesizer {
 public:
  virtual ~Synthesizer() = default;
  virtual int sampleRate() const = 0;
  // Applies to the next synthesize() call. Throws Error::usage for an unknown voice.
  virtual void setVoice(const VoiceParams& params) = 0;
  // Synthesizes `text` (valid UTF-8) and returns the number of samples delivered.
  virtual std::size_t synthesize(std::string_view text, const AudioCallback& on_audio) = 0;
  // Like synthesize(), but `runs` (ordered, non-overlapping) are read by another voice or as
  // phonemes; word events still give byte spans of `text`. A synthesizer that cannot switch voices
  // (a test fake) reads the whole text with its main voice, which is what this default does.
  virtual std::size_t synthesizeRuns(std::string_view text, const std::vector<VoiceRun>& runs,
                                     const AudioCallback& on_audio) {
    (void)runs;
    return synthesize(text, on_audio);
  }
};

class EspeakSynthesizer final : public Synthesizer {
 public:
  EspeakSynthesizer();  // initializes eSpeak NG; throws Error::synthesis when it cannot
  ~EspeakSynthesizer() override;
  EspeakSynthesizer(const EspeakSynthesizer&) = delete;
  EspeakSynthesizer& operator=(const EspeakSynthesizer&) = delete;

  int sampleRate() const override { return sample_rate_; }
  void setVoice(const VoiceParams& params) override;
  std::size_t synthesize(std::string_view text, const AudioCallback& on_audio) override;
  // Builds an SSML message (<voice name="en+VARIANT"> around foreign runs, [[...]] for phonemes)
  // and maps eSpeak's positions in it, tags included, back to bytes of `text`.
  std::size_t synthesizeRuns(std::string_view text, const std::vector<VoiceRun>& runs,
                             const AudioCallback& on_audio) override;

  // German voices eSpeak NG offers (MBROLA voices, which need extra packages, are left out).
  std::vector<VoiceInfo> germanVoices() const;
  // Whether eSpeak NG has a voice for `language` ("en", "en-us", "fr"); for foreign-word runs.
  bool hasLanguage(const std::string& language) const;
  // Variant names usable after "+" (e.g. "f2", "m3", "klatt").
  std::vector<std::string> variants() const;

  // eSpeak NG's phonemes for one word in the main voice, as espeak_TextToPhonemes gives them
  // (mnemonics, '|' between phonemes, a leading clause pause dropped): "z|'A:|g|t|@". Cached per
  // word. Empty when eSpeak reads it as more than one word or switches language for it.
  std::string wordPhonemes(std::string_view word);
  // The IPA eSpeak NG will speak for `text` with `runs` (what synthesizeRuns() would say), as
  // espeak_TextToPhonemes reports it, each stretch in its voice: for `vorlesen normalize --ipa`.
  std::string spokenIpa(std::string_view text, const std::vector<VoiceRun>& runs);

 private:
  struct Piece;
  std::vector<Piece> resolveRuns(std::string_view text, const std::vector<VoiceRun>& runs);
  std::string translate(const std::string& text, int phoneme_mode);
  std::size_t speak(const std::string& message, unsigned int flags, std::string_view text,
                    std::vector<std::size_t> byte_of_codepoint, std::vector<Span> phoneme_runs,
                    const AudioCallback& on_audio);
  int sample_rate_ = 0;
  VoiceParams params_;
  std::map<std::string, std::string, std::less<>> word_phonemes_;  // wordPhonemes() cache
  bool translated_ = false;  // a first espeak_TextToPhonemes call was made and thrown away
};

// Makes text safe for eSpeak NG 1.51 without moving any byte: control characters become spaces (a
// \x01 would start an embedded command) and the dots in long runs of dotted single letters become
// spaces (such runs overflow a stack buffer in 1.51).
void sanitizeForEspeak(std::string& text);

// Whether eSpeak NG has a voice for `language` ("en"). The first call reads eSpeak's voice files
// (without starting the engine, so a process that forks workers may call it) and remembers the
// answer; later calls only look it up. eSpeak's voice list is process-global and shared with
// synthesis, so make the first call before any synthesis thread runs (Player's constructor does).
bool espeakHasLanguage(const std::string& language);

}  // namespace vorlesen
