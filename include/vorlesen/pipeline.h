// vorlesen — the text half of the pipeline, and rendering a document to a sink.
//
//   Document --Pipeline::prepare()--> Sentences --renderDocument()--> Synthesizer --> AudioSink
//   (prepare: segment, normalize, pronounce each sentence)
//
// A Pipeline owns the language data views it needs (Segmenter, Normalizer, Pronouncer). prepare() is cheap next
// to synthesis and runs ahead of it. Pipeline is not thread-safe (the Segmenter reuses an ICU
// iterator); the Synthesizer contract applies to renderDocument().
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "vorlesen/document.h"
#include "vorlesen/normalizer.h"
#include "vorlesen/pronouncer.h"
#include "vorlesen/segmenter.h"
#include "vorlesen/synthesizer.h"

namespace vorlesen {

class AudioSink;
class LanguageData;

struct Sentence {
  Span source;             // in Document::text, original spelling
  std::size_t block = 0;   // index into Document::blocks
  SpokenText spoken;       // what the synthesizer reads, aligned back to source
  std::vector<VoiceRun> runs;  // stretches of spoken.text for the English voice or as phonemes
};

class Pipeline {
 public:
  // `user_lexicons` (the user's config-directory lexicon, then --lexicon files) override the built-in one.
  // `has_language` tells the pronouncer which foreign voices the synthesizer has (see pronouncer.h).
  explicit Pipeline(const LanguageData& data, std::vector<Lexicon> user_lexicons = {},
                    const LanguageCheck& has_language = {});
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

struct Pauses {
  int sentence_ms = 250;   // silence after each sentence
  int paragraph_ms = 600;  // silence after the last sentence of a block (instead of sentence_ms)
};

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

}  // namespace vorlesen
