// vorlesen — timing files written beside rendered audio (part of the render stage).
//
//   renderStream() --SentenceObserver--> SubtitleWriter   (.vtt / .srt: one cue per sentence)
//                                    \--> TimingsJsonWriter (.json: sentences, words, chapters)
//
// Both take sentences as rendering produces them and stream to a temporary file beside the target,
// renamed into place by commit() (uncommitted, it is removed), so memory does not grow with the
// document and an interrupted render leaves nothing half-written. Cue text is the original
// spelling from Document::text; source spans are byte offsets into it. Times come from sample
// counts at the synthesizer's rate. The Document must outlive the writer. Not thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "vorlesen/document.h"
#include "vorlesen/pipeline.h"

namespace vorlesen {

class AtomicFile;

enum class SubtitleFormat { Vtt, Srt };

// "vtt" or "srt"; throws Error::usage otherwise.
SubtitleFormat subtitleFormatByName(const std::string& name);
std::string subtitleExtension(SubtitleFormat format);  // ".vtt" / ".srt"

// "HH:MM:SS.mmm" (WebVTT) or "HH:MM:SS,mmm" (SubRip) for `sample` at `sample_rate`.
std::string subtitleTimestamp(std::size_t sample, int sample_rate, SubtitleFormat format);

class SubtitleWriter {
 public:
  // Throws Error::output when `path` cannot be created.
  SubtitleWriter(std::string path, SubtitleFormat format, const Document& doc, int sample_rate);
  ~SubtitleWriter();
  SubtitleWriter(const SubtitleWriter&) = delete;
  SubtitleWriter& operator=(const SubtitleWriter&) = delete;

  // One cue from the sentence's first sample to the end of its speech (the pause is not part of it).
  void add(const Sentence& sentence, const SentenceTiming& timing);
  void commit();

 private:
  void flushIfLarge();
  std::unique_ptr<AtomicFile> out_;
  SubtitleFormat format_;
  const Document& doc_;
  int sample_rate_;
  std::size_t cues_ = 0;
  std::string buffer_;
};

class TimingsJsonWriter {
 public:
  // `audio_name` is recorded as the file the times refer to. Throws Error::output when `path`
  // cannot be created.
  TimingsJsonWriter(std::string path, const std::string& audio_name, const Document& doc, int sample_rate);
  ~TimingsJsonWriter();
  TimingsJsonWriter(const TimingsJsonWriter&) = delete;
  TimingsJsonWriter& operator=(const TimingsJsonWriter&) = delete;

  void add(const Sentence& sentence, const SentenceTiming& timing);
  // Writes the chapter marks (the first sentence of each block) and the duration, then renames.
  void commit(std::size_t total_samples);

 private:
  struct Chapter {
    std::size_t sample;
    std::size_t block;
    std::size_t sentence;
  };
  void flushIfLarge();
  std::unique_ptr<AtomicFile> out_;
  const Document& doc_;
  int sample_rate_;
  std::size_t sentences_ = 0;
  std::size_t last_block_ = static_cast<std::size_t>(-1);
  std::vector<Chapter> chapters_;
  std::string buffer_;
};

}  // namespace vorlesen
