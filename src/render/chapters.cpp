#include "vorlesen/chapters.h"

#include <algorithm>

#include "audio/chapter_marks.h"
#include "common/atomic_file.h"
#include "vorlesen/text.h"

namespace vorlesen {

namespace {

// At most `limit` bytes of `text`, cut at a code point boundary.
std::string_view utf8Prefix(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

bool opensChapter(BlockKind kind, BlockKind before, bool has_headings) {
  switch (kind) {
    case BlockKind::Title:
      return before != BlockKind::Title;
    case BlockKind::Heading:
      return true;
    case BlockKind::Paragraph:
    case BlockKind::Quote:
      return !has_headings;
    case BlockKind::ListItem:
      return !has_headings && before != BlockKind::ListItem;
    case BlockKind::Byline:
      return false;
  }
  return false;
}

std::size_t titleLimit(BlockKind kind) {
  return kind == BlockKind::Title || kind == BlockKind::Heading ? kHeadingTitleBytes : kParagraphTitleBytes;
}

// Every k-th start (the first always) when there are more than kMaxChapters.
std::vector<ChapterStart> thinned(std::vector<ChapterStart> starts) {
  if (starts.size() <= kMaxChapters) return starts;
  const std::size_t k = (starts.size() + kMaxChapters - 1) / kMaxChapters;
  std::vector<ChapterStart> out;
  for (std::size_t i = 0; i < starts.size(); i += k) out.push_back(std::move(starts[i]));
  return out;
}

}  // namespace

std::string chapterTitle(std::string_view text, std::size_t limit) {
  // Only the start is needed: never copy a whole (possibly huge) block.
  const std::string_view head = utf8Prefix(text, 4 * limit);
  std::string flat(head);
  for (char& c : flat) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';  // NUL, tabs, line breaks, escapes
  }
  const std::string line = collapseWhiteSpace(flat);
  const std::string_view title = utf8Prefix(line, limit);
  const bool cut = head.size() < text.size() || title.size() < line.size();
  return cut ? std::string(title) + "\u2026" : std::string(title);
}

std::vector<ChapterStart> chapterStarts(const Document& doc) {
  const bool has_headings = std::any_of(doc.blocks.begin(), doc.blocks.end(),
                                        [](const Block& b) { return b.kind == BlockKind::Heading; });
  std::vector<ChapterStart> starts;
  std::string title_run;  // the texts of a run of title blocks, joined
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& block = doc.blocks[i];
    const BlockKind before = i > 0 ? doc.blocks[i - 1].kind : BlockKind::Byline;  // nothing before: no run
    if (block.kind == BlockKind::Title) {
      title_run = before == BlockKind::Title ? title_run + ": " : std::string();
      title_run += chapterTitle(doc.slice(block.span), kHeadingTitleBytes);
    }
    if (opensChapter(block.kind, before, has_headings)) {
      starts.push_back(ChapterStart{i, chapterTitle(doc.slice(block.span), titleLimit(block.kind))});
    } else if (block.kind == BlockKind::Title && !starts.empty()) {
      starts.back().title = chapterTitle(title_run, kHeadingTitleBytes);  // a headline after its kicker
    }
  }
  return thinned(std::move(starts));
}

ChapterCollector::ChapterCollector(const Document& doc) : doc_(doc), starts_(chapterStarts(doc)) {}

void ChapterCollector::add(const Sentence& sentence, const SentenceTiming& timing) {
  if (sentence.block == last_block_) return;  // only a block's first sentence can open a chapter
  last_block_ = sentence.block;
  // The latest start at or before this block: a heading with nothing spoken still names the text after it.
  const ChapterStart* start = nullptr;
  while (next_start_ < starts_.size() && starts_[next_start_].block <= sentence.block) start = &starts_[next_start_++];
  if (start) {
    chapters_.push_back(AudioChapter{chapters_.empty() ? 0 : timing.first_sample, 0, start->title});
  } else if (chapters_.empty()) {
    // Text before the first start (no title, a byline first): a chapter of its own from 0.
    const Block& block = doc_.blocks[sentence.block];
    chapters_.push_back(AudioChapter{0, 0, chapterTitle(doc_.slice(block.span), titleLimit(block.kind))});
  }
}

std::vector<AudioChapter> ChapterCollector::finish(std::size_t total_samples) const {
  std::vector<AudioChapter> out;
  for (std::size_t i = 0; i < chapters_.size(); ++i) {
    AudioChapter c = chapters_[i];
    c.end = i + 1 < chapters_.size() ? chapters_[i + 1].start : total_samples;
    if (c.end > c.start) out.push_back(std::move(c));
  }
  return out;
}

std::string escapeFfmetadata(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '=' || c == ';' || c == '#' || c == '\\' || c == '\n') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string ffmetadataText(const std::string& title, const std::vector<AudioChapter>& chapters, int sample_rate) {
  std::string out = ";FFMETADATA1\n";
  if (!title.empty()) out += "title=" + escapeFfmetadata(title) + "\n";
  for (const AudioChapter& c : chapters) {
    out += "\n[CHAPTER]\nTIMEBASE=1/1000\n";
    out += "START=" + std::to_string(audio::chapterMilliseconds(c.start, sample_rate)) + "\n";
    out += "END=" + std::to_string(audio::chapterMilliseconds(c.end, sample_rate)) + "\n";
    out += "title=" + escapeFfmetadata(c.title) + "\n";
  }
  return out;
}

void writeFfmetadata(const std::string& path, const std::string& title, const std::vector<AudioChapter>& chapters,
                     int sample_rate) {
  AtomicFile out(path);
  out.write(ffmetadataText(title, chapters, sample_rate));
  out.commit();
}

}  // namespace vorlesen
