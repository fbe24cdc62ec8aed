// vorlesen — the Document: what the first stage (input) hands to every later one.
//
//   input bytes --loadDocument()--> Document { text, blocks } --> segmenter --> normalizer --> ...
//
// `text` is the input made valid UTF-8 (ill-formed bytes replaced by U+FFFD). Every later stage
// refers back into it with byte Spans, so the screen can highlight the original "am 8. Mai" while
// the synthesizer hears "am achten Mai". A Document is a plain value: copyable, no shared state.
//
// `text` need not be the file's bytes: article extraction (extract.h) builds it from decoded HTML.
// `source_map` then leads from offsets in `text` back to byte offsets in the original file; it is
// empty, meaning identity, when `text` is the input itself (plain text).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vorlesen {

// A half-open byte range [begin, end) in Document::text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool contains(std::size_t offset) const { return begin <= offset && offset < end; }
  friend bool operator==(const Span& a, const Span& b) { return a.begin == b.begin && a.end == b.end; }
  friend bool operator!=(const Span& a, const Span& b) { return !(a == b); }
};

enum class BlockKind { Title, Byline, Heading, Paragraph, ListItem, Quote };

// One paragraph-like unit of the article, in reading order. `span` never includes the
// surrounding blank lines and never starts or ends with white space.
struct Block {
  BlockKind kind = BlockKind::Paragraph;
  Span span;
  unsigned number = 0;  // a ListItem of a numbered list (HTML <ol>) whose text lacks it: 1, 2, ...; else 0
};

// Where a stretch of Document::text came from: from `text` on, text and source advance together
// until the next anchor.
struct SourceAnchor {
  std::size_t text = 0;    // offset in Document::text
  std::size_t source = 0;  // byte offset in the original file
};

struct Document {
  std::string name;           // file name as given, or "-" / "<stdin>"
  std::string text;           // the whole input, valid UTF-8
  std::vector<Block> blocks;  // what will be read, in order
  std::size_t bad_utf8 = 0;   // ill-formed sequences replaced while loading
  std::size_t first_bad_utf8_offset = 0;
  std::vector<SourceAnchor> source_map;  // sorted by `text`; empty = identity

  // Byte offset in the original file of offset `text_offset` in `text` (identity without a map).
  std::size_t sourceOffset(std::size_t text_offset) const;
  // The original bytes a span of `text` was made from. Extraction anchors the end of every stretch
  // it copies, so this is exact for block and word spans.
  Span sourceSpan(Span s) const;

  std::string_view slice(Span s) const { return std::string_view(text).substr(s.begin, s.size()); }
};

// Reads a file ("-" for stdin) completely. Throws Error::input naming the file when it is missing,
// a directory, unreadable or not a regular stream. Invalid UTF-8 is repaired, not fatal: the caller
// decides how to warn (Document::bad_utf8).
std::string readInput(const std::string& path);

// Builds a Document from text: blank lines separate blocks; inside a block each line is its own
// paragraph unless it looks hard-wrapped (see splitPlainTextBlocks in src/document/).
Document documentFromText(std::string name, std::string_view bytes);

Document loadDocument(const std::string& path);

// "NAME: invalid UTF-8 at byte N (K sequence(s) replaced by U+FFFD)" for a document with repairs.
std::string describeRepairs(const Document& doc);

}  // namespace vorlesen
