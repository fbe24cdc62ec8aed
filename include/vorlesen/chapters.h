// vorlesen — the chapters of a rendered article (part of the render stage).
//
//   Document blocks --chapterStarts()--> the blocks that open a chapter, with their titles
//   renderStream() --ChapterCollector::add(sentence, timing)--> AudioChapter list (finish())
//        --> AudioFileWriter::setChapters()  marks inside the MP3 / Ogg / Opus / FLAC / WAV file
//        --> writeFfmetadata()               `--chapters FILE`: ffmpeg's metadata text for other tools
//
// Chapters are the article's headings, the title first; an article without headings gets one per
// paragraph (a list or a quote counts as one). Start times are the first sample of the chapter's
// first spoken sentence, from the same timings that write the subtitle and JSON files; the first
// chapter starts at 0 and each ends where the next starts (the last with the audio). The Document
// must outlive the collector. Not thread-safe; one collector per rendered file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vorlesen/audio_sink.h"
#include "vorlesen/document.h"
#include "vorlesen/pipeline.h"

namespace vorlesen {

// At most this many chapters per file (Vorbis comments number them with three digits, which is
// all ffmpeg reads); a longer list is thinned evenly (every k-th start kept, the first always).
constexpr std::size_t kMaxChapters = 999;
// Title lengths in bytes, cut at a code point with "…": headings whole as a rule, paragraphs by
// their start (the same as the JSON timing file's chapter titles).
constexpr std::size_t kHeadingTitleBytes = 200;
constexpr std::size_t kParagraphTitleBytes = 80;

// The start of `text` on one line (control characters and runs of white space made one space), at
// most `limit` bytes cut at a code point boundary, with "…" when something was cut.
std::string chapterTitle(std::string_view text, std::size_t limit);

struct ChapterStart {
  std::size_t block = 0;  // index into Document::blocks
  std::string title;
};

// The blocks that open chapters, in order. With any heading: the title (a run of title blocks, such
// as a kicker and its headline, is one chapter "kicker: headline") and every heading. Without: the
// title, every paragraph and quote, and the first item of each list. Bylines open none.
std::vector<ChapterStart> chapterStarts(const Document& doc);

class ChapterCollector {
 public:
  explicit ChapterCollector(const Document& doc);
  // Called for every rendered sentence, in order.
  void add(const Sentence& sentence, const SentenceTiming& timing);
  // The chapters with their ends; `total_samples` is the length of the audio.
  std::vector<AudioChapter> finish(std::size_t total_samples) const;

 private:
  const Document& doc_;
  std::vector<ChapterStart> starts_;
  std::size_t next_start_ = 0;
  std::size_t last_block_ = static_cast<std::size_t>(-1);
  std::vector<AudioChapter> chapters_;
};

// `text` with ffmpeg's metadata escapes: a backslash before '=', ';', '#', '\' and a newline.
std::string escapeFfmetadata(std::string_view text);

// ";FFMETADATA1", the global title (when not empty), then one [CHAPTER] section per chapter with
// TIMEBASE=1/1000, START, END (milliseconds) and title.
std::string ffmetadataText(const std::string& title, const std::vector<AudioChapter>& chapters, int sample_rate);

// ffmetadataText() into `path`, atomically (temporary file, renamed). Throws Error::output.
void writeFfmetadata(const std::string& path, const std::string& title, const std::vector<AudioChapter>& chapters,
                     int sample_rate);

}  // namespace vorlesen
