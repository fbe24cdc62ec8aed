#include "vorlesen/pipeline.h"

#include <algorithm>

#include "vorlesen/audio_sink.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"

namespace vorlesen {

Pipeline::Pipeline(const LanguageData& data, std::vector<Lexicon> user_lexicons, const LanguageCheck& has_language)
    : segmenter_(data), normalizer_(data), pronouncer_(data, std::move(user_lexicons), has_language) {}

std::vector<Sentence> Pipeline::prepare(const Document& doc) const {
  std::vector<Sentence> out;
  SentenceStream stream(*this, doc);
  Sentence sentence;
  while (stream.next(sentence)) out.push_back(std::move(sentence));
  return out;
}

bool SentenceStream::next(Sentence& out) {
  for (;;) {
    while (next_span_ < spans_.size()) {
      out.source = spans_[next_span_++];
      out.block = block_ - 1;
      const SpokenText normalized = pipeline_.normalizer().normalize(doc_.text, out.source);
      if (normalized.text.empty()) continue;  // nothing to say (e.g. only punctuation)
      Pronounced pronounced = pipeline_.pronouncer().pronounce(normalized);
      out.spoken = std::move(pronounced.spoken);
      out.runs = std::move(pronounced.runs);
      return true;
    }
    if (block_ >= doc_.blocks.size() || doc_.blocks[block_].span.end > end_byte_) return false;
    spans_ = pipeline_.segmenter().split(doc_.text, doc_.blocks[block_].span);
    next_span_ = 0;
    ++block_;
  }
}

std::size_t pauseAfter(const Sentence& current, const Sentence* next, const Pauses& pauses, int sample_rate) {
  if (!next) return 0;  // no trailing silence at the very end
  const int ms = next->block != current.block ? pauses.paragraph_ms : pauses.sentence_ms;
  return static_cast<std::size_t>(ms) * static_cast<std::size_t>(sample_rate) / 1000;
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

bool stopRequested(const std::atomic<bool>* stop) { return stop && stop->load(std::memory_order_relaxed); }

// The render loop both entry points share: `next` yields sentences in order. One sentence of
// look-ahead decides whether the pause after the current one is a sentence or a paragraph pause.
RenderReport renderLoop(const std::function<bool(Sentence&)>& next, Synthesizer& synth, AudioSink& sink,
                        const StreamOptions& options) {
  RenderReport report;
  report.sample_rate = synth.sampleRate();
  Sentence current, ahead;
  bool have_current = next(current);
  while (have_current) {
    if (stopRequested(options.stop)) throw Error::output(tr("interrupted"));
    SentenceTiming timing;
    timing.first_sample = report.total_samples;
    const std::size_t start = report.total_samples;
    timing.samples = synth.synthesizeRuns(current.spoken.text, current.runs, [&](const std::int16_t* pcm, std::size_t n,
                                                                                 const std::vector<WordEvent>& events) {
      for (const WordEvent& ev : events) {
        timing.words.push_back(WordTiming{start + ev.sample, current.spoken.sourceOf(ev.text.begin, ev.text.end)});
      }
      sink.write(pcm, n);
      return !stopRequested(options.stop);
    });
    if (stopRequested(options.stop)) throw Error::output(tr("interrupted"));
    report.total_samples += timing.samples;
    const bool have_ahead = next(ahead);
    timing.pause_samples = pauseAfter(current, have_ahead ? &ahead : nullptr, options.pauses, report.sample_rate);
    writeSilence(sink, timing.pause_samples);
    report.total_samples += timing.pause_samples;
    if (options.on_sentence) options.on_sentence(current, timing);
    std::swap(current, ahead);
    have_current = have_ahead;
  }
  return report;
}

}  // namespace

RenderReport renderSentences(const std::vector<Sentence>& sentences, Synthesizer& synth, AudioSink& sink,
                             const Pauses& pauses) {
  std::size_t i = 0;
  StreamOptions options;
  options.pauses = pauses;
  std::vector<SentenceTiming> timings;
  options.on_sentence = [&](const Sentence&, const SentenceTiming& t) { timings.push_back(t); };
  RenderReport report = renderLoop(
      [&](Sentence& out) {
        if (i >= sentences.size()) return false;
        out = sentences[i++];
        return true;
      },
      synth, sink, options);
  report.sentences = std::move(timings);
  return report;
}

RenderReport renderStream(SentenceStream& sentences, Synthesizer& synth, AudioSink& sink,
                          const StreamOptions& options) {
  return renderLoop([&](Sentence& out) { return sentences.next(out); }, synth, sink, options);
}

}  // namespace vorlesen
