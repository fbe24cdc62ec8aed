#include "vorlesen/pipeline.h"

#include "vorlesen/audio_sink.h"
#include "vorlesen/language_data.h"

namespace vorlesen {

Pipeline::Pipeline(const LanguageData& data, std::vector<Lexicon> user_lexicons, const LanguageCheck& has_language)
    : segmenter_(data), normalizer_(data), pronouncer_(data, std::move(user_lexicons), has_language) {}

std::vector<Sentence> Pipeline::prepare(const Document& doc) const {
  std::vector<Sentence> out;
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    for (const Span& s : segmenter_.split(doc.text, doc.blocks[b].span)) {
      Sentence sentence;
      sentence.source = s;
      sentence.block = b;
      const SpokenText normalized = normalizer_.normalize(doc.text, s);
      if (normalized.text.empty()) continue;  // nothing to say (e.g. only punctuation)
      Pronounced pronounced = pronouncer_.pronounce(normalized);
      sentence.spoken = std::move(pronounced.spoken);
      sentence.runs = std::move(pronounced.runs);
      out.push_back(std::move(sentence));
    }
  }
  return out;
}

namespace {

void writeSilence(AudioSink& sink, std::size_t samples) {
  static const std::int16_t zeros[4096] = {};
  while (samples > 0) {
    const std::size_t n = std::min<std::size_t>(samples, 4096);
    sink.write(zeros, n);
    samples -= n;
  }
}

}  // namespace

RenderReport renderSentences(const std::vector<Sentence>& sentences, Synthesizer& synth, AudioSink& sink,
                             const Pauses& pauses) {
  RenderReport report;
  report.sample_rate = synth.sampleRate();
  const auto ms_to_samples = [&](int ms) { return static_cast<std::size_t>(ms) * report.sample_rate / 1000; };
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    SentenceTiming timing;
    timing.first_sample = report.total_samples;
    const std::size_t start = report.total_samples;
    timing.samples = synth.synthesizeRuns(s.spoken.text, s.runs, [&](const std::int16_t* pcm, std::size_t n,
                                                         const std::vector<WordEvent>& events) {
      for (const WordEvent& ev : events) {
        timing.words.push_back(WordTiming{start + ev.sample, s.spoken.sourceOf(ev.text.begin, ev.text.end)});
      }
      sink.write(pcm, n);
      return true;
    });
    report.total_samples += timing.samples;
    const bool last_in_block = i + 1 == sentences.size() || sentences[i + 1].block != s.block;
    timing.pause_samples = ms_to_samples(last_in_block ? pauses.paragraph_ms : pauses.sentence_ms);
    if (i + 1 == sentences.size()) timing.pause_samples = 0;  // no trailing silence at the very end
    writeSilence(sink, timing.pause_samples);
    report.total_samples += timing.pause_samples;
    report.sentences.push_back(std::move(timing));
  }
  return report;
}

}  // namespace vorlesen
