// vorlesen — article extraction: the first stage, between the input bytes and the Document.
//
//   file bytes --loadArticle()--> Document { text, blocks, source_map } --> segmenter --> ...
//
// Users save or pipe in whole web pages; only the article should be read. loadArticle() sniffs the
// input: HTML is parsed with gumbo and its main content found Readability-style (html_extractor.cpp);
// anything else is a text dump whose clutter lines (breadcrumbs, ads, teasers, photo credits) are
// recognized by their structure and the marker words in voices/de/page_markers.tsv
// (text_extractor.cpp). Blocks come in reading order: Title, Byline, then Heading, Paragraph,
// ListItem and Quote blocks.
//
// Plain text keeps Document::text = the file and only chooses blocks (spans into it). For HTML,
// Document::text is the decoded article text and Document::source_map leads back to the bytes of
// the original file. All functions are pure given their inputs; PageMarkers is immutable after
// construction, so everything here is thread-safe.
#pragma once

#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "vorlesen/document.h"

namespace vorlesen {

class LanguageData;

struct ExtractOptions {
  bool raw = false;  // no extraction: the file as it is, one block per paragraph (loadDocument)
};

// The German marker words of page clutter, from the table "page_markers" (see that file's header).
class PageMarkers {
 public:
  explicit PageMarkers(const LanguageData& data);

  enum class Kind { Line, Block, End, Home, Credit, Byline, Month, ClassDrop, ClassKeep, ClassByline };
  // Whether the whole `line` (trimmed, case-insensitive, a trailing ':' or '.' ignored) is one of
  // the phrases of `kind`.
  bool lineIs(Kind kind, std::string_view line) const;
  // A picture caption or credit: ends in a credit marker and a short source ("… Foto: dpa").
  bool isCaption(std::string_view line) const;
  // The phrases of one kind, lower case.
  const std::vector<std::string>& phrases(Kind kind) const;
  // The byte length of the longest phrase of one kind (0 when it has none). Case folding shrinks
  // text at most threefold (U+212A KELVIN SIGN -> "k"): a line over three times as long cannot fold
  // to a phrase, and need not be folded.
  std::size_t longest(Kind kind) const { return longest_[static_cast<std::size_t>(kind)]; }
  // A date with an optional time, as bylines end ("08.02.2025 - 15:57 Uhr", "12. März 2025"), the
  // month names from the table; case-insensitive.
  const std::regex& bylineDate() const { return byline_date_; }

 private:
  std::vector<std::vector<std::string>> phrases_;
  std::vector<std::size_t> longest_;
  std::regex byline_date_;
};


// Case-folded UTF-8 (ICU full case folding: "Straße" and "STRASSE" meet), for marker comparisons.
std::string foldCase(std::string_view text);

// True when the bytes are HTML: by extension (.html .htm .xhtml) or by content (<!DOCTYPE html,
// <html, or <head/<body/<article near the start).
bool looksLikeHtml(const std::string& path, std::string_view bytes);

Document extractHtml(std::string name, std::string_view bytes, const PageMarkers& markers);
Document extractPlainText(std::string name, std::string_view bytes, const PageMarkers& markers);

// Reads `path` ("-" = stdin) and extracts the article (options.raw: loadDocument()). Throws
// Error::input as readInput() does.
Document loadArticle(const std::string& path, const ExtractOptions& options);
// The same for bytes already read from `path`.
Document extractArticle(const std::string& path, std::string_view bytes, const ExtractOptions& options);

const char* blockKindName(BlockKind kind);

}  // namespace vorlesen
