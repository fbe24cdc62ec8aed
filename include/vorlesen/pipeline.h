// vorlesen — the text half of the pipeline, and rendering a document to a sink.
//
//   Document --Pipeline::prepare()--> Sentences --renderSentences()--> Synthesizer --> AudioSink
//   Document --SentenceStream (block by block)--> renderStream() --> Synthesizer --> AudioSink
//                                                        \--> SentenceObserver (timings, subtitles)
//   (each sentence: segmented, normalized, pronounced)
//
// A Pipeline owns the language data views it needs (Segmenter, Normalizer, Pronouncer). prepare() is
// cheap next to synthesis and runs ahead of it, but holds every sentence of the document;
// SentenceStream normalizes one sentence at a time, so rendering a 20 MB article needs memory for the
// document and one block's sentence spans, not for all its spoken text and timings. Pipeline and
// SentenceStream are not thread-safe (the Segmenter reuses an ICU iterator); the Synthesizer contract
// applies to the render functions.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "vorlesen/document.h"
#include "vorlesen/normalizer.h"
#include "vorlesen/pronouncer.h"
#include "vorlesen/segmenter.h"
#include "vorlesen/style.h"
#include "vorlesen/synthesizer.h"
#include "vorlesen/voice.h"

namespace vorlesen {

class AudioSink;
class LanguageData;

struct Sentence {
  Span source;             // in Document::text, original spelling
  std::size_t block = 0;   // index into Document::blocks
  BlockKind kind = BlockKind::Paragraph;  // that block's kind
  SpokenText spoken;       // what the synthesizer reads, aligned back to source
  std::vector<VoiceRun> runs;  // stretches of spoken.text for the English voice or as phonemes
};

class Pipeline {
 public:
  // `user_lexicons` (the user's config-directory lexicon, then --lexicon files) override the built-in one.
  // `has_language` tells the pronouncer which foreign voices the synthesizer has (see pronouncer.h).
  explicit Pipeline(const LanguageData& data, std::vector<Lexicon> user_lexicons = {},
                    const LanguageCheck& has_language = {});
  // Every sentence of `doc` at once (SentenceStream drained into a vector).
  std::vector<Sentence> prepare(const Document& doc) const;
  const Segmenter& segmenter() const { return segmenter_; }
  const Normalizer& normalizer() const { return normalizer_; }
  // For `normalize --explain`: pronouncer().pronounce(normalized).decisions says what it changed.
  const Pronouncer& pronouncer() const { return pronouncer_; }

 private:
  Segmenter segmenter_;
  Normalizer normalizer_;
  Pronouncer pronouncer_;
};

// The sentences of a document in reading order, produced on demand: a block is split into sentence
// spans when reached, each sentence is normalized when asked for. Sentences with nothing to say
// (only punctuation) are left out. `pipeline` and `doc` must outlive the stream.
// With an enabled SpeechStyle the structure is also said in words (style.h): "erstens, " before the
// first sentence of item 1 of a numbered list (instead of its "1."), "Zitat: … Zitat Ende." around
// a quote when asked for, "Von" before a byline without it; a byline block repeating an earlier one
// is left out. These words map to no source (word events in them highlight nothing).
class SentenceStream {
 public:
  // From block `first_block` on; blocks ending after byte `end_byte` of the text, and all after
  // them, are left out (the player reads the head of a document that is still being extracted).
  // `style` (may be null: no style) must outlive the stream.
  SentenceStream(const Pipeline& pipeline, const Document& doc, std::size_t first_block = 0,
                 std::size_t end_byte = SIZE_MAX, const SpeechStyle* style = nullptr)
      : pipeline_(pipeline), doc_(doc), end_byte_(end_byte), block_(first_block),
        style_(style && style->enabled ? style : nullptr) {}
  // Fills `out` with the next sentence; false at the end of the document (or of what it may read).
  bool next(Sentence& out);
  // The blocks [0, blocksDone()) have been split; once next() returned false, all were read.
  std::size_t blocksDone() const { return block_; }

 private:
  const Pipeline& pipeline_;
  const Document& doc_;
  std::size_t end_byte_;
  std::size_t block_ = 0;           // next block to split
  std::vector<Span> spans_;         // sentence spans of block_ - 1
  std::size_t next_span_ = 0;
  const SpeechStyle* style_;        // null: no structure words
  std::string prefix_;              // said before the block's next sentence (list number, "Zitat:")
  std::vector<std::string> bylines_;  // the byline blocks read so far, folded (each is read once)

  bool startBlock(std::size_t block);  // false: leave the block out
  void markSentence(Sentence& s, bool last_in_block);
};

// The silence after `current`, in samples at `sample_rate`: none when nothing follows (`next` is
// null: the end of the document), the pause between the two blocks' kinds (blockPauseMs(): the
// paragraph pause without a style) before a sentence of another block, else the sentence pause.
// The renderer and the player both place their pauses with it.
std::size_t pauseAfter(const Sentence& current, const Sentence* next, const Pauses& pauses, int sample_rate,
                       const SpeechStyle& style = SpeechStyle{});

struct WordTiming {
  std::size_t sample = 0;  // from the start of the document's audio
  Span source;             // in Document::text
};

struct SentenceTiming {
  std::size_t first_sample = 0;  // from the start of the document's audio
  std::size_t samples = 0;       // synthesized speech, without the pause after it
  std::size_t pause_samples = 0; // silence written after it
  std::vector<WordTiming> words;
};

struct RenderReport {
  int sample_rate = 0;
  std::size_t total_samples = 0;
  std::vector<SentenceTiming> sentences;  // parallel to the prepared sentences
};

// Synthesizes every sentence in order and streams the audio (with pauses) into `sink`.
RenderReport renderSentences(const std::vector<Sentence>& sentences, Synthesizer& synth, AudioSink& sink,
                             const Pauses& pauses = {});

// Told about each sentence once its audio and the pause after it are in the sink.
using SentenceObserver = std::function<void(const Sentence&, const SentenceTiming&)>;

struct StreamOptions {
  Pauses pauses;
  // With an enabled style each sentence is read with styledVoice(voice, style, its kind) (the
  // synthesizer is set only when that changes; `voice` is what the caller set it to), and the
  // pauses between blocks follow the style. Disabled: the synthesizer's voice is left alone.
  SpeechStyle style;
  VoiceParams voice;
  SentenceObserver on_sentence;             // optional
  const std::atomic<bool>* stop = nullptr;  // optional; when it becomes true, rendering throws
};

// Like renderSentences over a stream; timings go to `on_sentence` instead of being collected, so
// the returned report has sample_rate and total_samples only. Throws Error::output("... interrupted")
// when *options.stop is set (checked between audio blocks), leaving the sink incomplete.
RenderReport renderStream(SentenceStream& sentences, Synthesizer& synth, AudioSink& sink,
                          const StreamOptions& options);

}  // namespace vorlesen
