#include "vorlesen/pipeline.h"

#include <algorithm>
#include <cctype>

#include "vorlesen/audio_sink.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"
#include "vorlesen/text.h"

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
      out.kind = doc_.blocks[out.block].kind;
      const SpokenText normalized = pipeline_.normalizer().normalize(doc_.text, out.source);
      if (normalized.text.empty()) continue;  // nothing to say (e.g. only punctuation)
      Pronounced pronounced = pipeline_.pronouncer().pronounce(normalized);
      out.spoken = std::move(pronounced.spoken);
      out.runs = std::move(pronounced.runs);
      if (style_) markSentence(out, next_span_ == spans_.size());
      return true;
    }
    if (block_ >= doc_.blocks.size() || doc_.blocks[block_].span.end > end_byte_) return false;
    const std::size_t block = block_++;
    spans_.clear();
    next_span_ = 0;
    if (style_ && !startBlock(block)) continue;
    spans_ = pipeline_.segmenter().split(doc_.text, doc_.blocks[block].span);
  }
}

namespace {

// The number of a numbered list item's "N." or "N)" marker and the bytes it takes with the space
// after it; 0 when the item starts with none.
std::size_t listMarker(std::string_view item, std::size_t& number) {
  std::size_t i = 0;
  number = 0;
  while (i < item.size() && i < 3 && item[i] >= '0' && item[i] <= '9') number = number * 10 + static_cast<std::size_t>(item[i++] - '0');
  if (i == 0 || i >= item.size() || (item[i] != '.' && item[i] != ')')) return 0;
  ++i;
  if (i < item.size() && !isAsciiSpace(item[i])) return 0;
  while (i < item.size() && isAsciiSpace(item[i])) ++i;
  return i;
}

// Puts words before and after what a sentence says; they come from no source.
void addWords(Sentence& s, const std::string& before, const std::string& after) {
  const std::size_t shift = before.size();
  if (shift > 0) {
    s.spoken.text.insert(0, before);
    for (AlignedPiece& p : s.spoken.pieces) {
      p.spoken.begin += shift;
      p.spoken.end += shift;
    }
    for (VoiceRun& r : s.runs) {
      r.text.begin += shift;
      r.text.end += shift;
    }
  }
  if (!after.empty()) s.spoken.text += " " + after;
}

bool startsWithAny(std::string_view text, const std::vector<std::string>& words) {
  const std::string folded = toLower(text.substr(0, 40));
  for (const std::string& w : words) {
    const std::string fw = toLower(w);
    if (folded.compare(0, fw.size(), fw) == 0 && (folded.size() == fw.size() || !std::isalpha(static_cast<unsigned char>(folded[fw.size()])))) {
      return true;
    }
  }
  return false;
}

}  // namespace

// Decides the words said before a block's first sentence; false for a byline read before.
bool SentenceStream::startBlock(std::size_t block) {
  prefix_.clear();
  const Block& b = doc_.blocks[block];
  const BlockKind prev = block > 0 ? doc_.blocks[block - 1].kind : BlockKind::Paragraph;
  const SpokenWords* words = style_->words.get();
  if (b.kind == BlockKind::Byline) {
    std::string folded = toLower(collapseWhiteSpace(doc_.slice(b.span)));
    if (std::find(bylines_.begin(), bylines_.end(), folded) != bylines_.end()) return false;
    const bool first = bylines_.empty();
    bylines_.push_back(std::move(folded));
    if (first && words && !words->byline_prefix.empty() && !startsWithAny(doc_.slice(b.span), words->byline_starts)) {
      prefix_ = words->byline_prefix + " ";
    }
  } else if (b.kind == BlockKind::Quote && prev != BlockKind::Quote && style_->quote_words && words &&
             !words->quote_begin.empty()) {
    prefix_ = words->quote_begin + " ";
  }
  return true;
}

// A list item's number instead of its marker, the words before and after a sentence.
void SentenceStream::markSentence(Sentence& s, bool last_in_block) {
  const Block& b = doc_.blocks[s.block];
  const SpokenWords* words = style_->words.get();
  std::string before = std::move(prefix_);
  prefix_.clear();
  std::size_t number = 0;
  const bool first = s.source.begin == b.span.begin;
  const std::size_t marker = first ? listMarker(doc_.slice(s.source), number) : 0;
  const bool numbered = b.kind == BlockKind::ListItem && style_->list_numbers && words;
  if (numbered && first && b.number >= 1 && b.number <= words->list_numbers.size()) {
    before = words->list_numbers[b.number - 1] + ", " + before;  // an <ol> item: its text has no number
  } else if (numbered && marker > 0 && number >= 1 && number <= words->list_numbers.size() &&
             marker < s.source.size()) {
    // Read from after the marker: the number is said as a word.
    Sentence rest = s;
    rest.source.begin += marker;
    const SpokenText normalized = pipeline_.normalizer().normalize(doc_.text, rest.source);
    if (!normalized.text.empty()) {
      Pronounced pronounced = pipeline_.pronouncer().pronounce(normalized);
      s.source = rest.source;
      s.spoken = std::move(pronounced.spoken);
      s.runs = std::move(pronounced.runs);
      before = words->list_numbers[number - 1] + ", " + before;
    }
  }
  std::string after;
  const bool quote_ends = s.block + 1 >= doc_.blocks.size() || doc_.blocks[s.block + 1].kind != BlockKind::Quote;
  if (b.kind == BlockKind::Quote && last_in_block && quote_ends && style_->quote_words && words) after = words->quote_end;
  addWords(s, before, after);
}

std::size_t pauseAfter(const Sentence& current, const Sentence* next, const Pauses& pauses, int sample_rate,
                       const SpeechStyle& style) {
  if (!next) return 0;  // no trailing silence at the very end
  const int ms = next->block != current.block ? blockPauseMs(style, pauses, current.kind, next->kind) : pauses.sentence_ms;
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
  VoiceParams voice = options.voice;  // what the synthesizer was set to
  while (have_current) {
    if (stopRequested(options.stop)) throw Error::output(tr("interrupted"));
    if (options.style.enabled) {
      const VoiceParams wanted = styledVoice(options.voice, options.style, current.kind);
      if (wanted != voice) synth.setVoice(voice = wanted);
    }
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
    timing.pause_samples = pauseAfter(current, have_ahead ? &ahead : nullptr, options.pauses, report.sample_rate,
                                    options.style);
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
