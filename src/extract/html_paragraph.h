// Internal: one paragraph of an HTML article as it is collected — decoded text with white space
// collapsed, the source anchors that lead each stretch back to the file's bytes, and how much of it
// is link text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vorlesen/document.h"

namespace vorlesen::extract_detail {

// Separators left between inline elements ("·", "|") are not text to read.
bool hasWords(std::string_view text);

class Paragraph {
 public:
  // `to_file`: for a page converted from a legacy charset, the file offset of each converted byte.
  explicit Paragraph(const std::vector<std::size_t>* to_file) : to_file_(to_file) {}

  // Appends decoded text `decoded` that gumbo made from the file bytes `orig` starting at `source`.
  void append(std::string_view orig, std::string_view decoded, std::size_t source, bool in_link);
  // Appends text that has no exact origin in the file (a JSON-LD string): it is anchored to the file
  // bytes [source, source_end) it was decoded from, advancing with them.
  void appendWhole(std::string_view text, std::size_t source, std::size_t source_end);
  void space() { pending_space_ = !text_.empty(); }

  bool empty() const { return text_.empty(); }
  const std::string& text() const { return text_; }
  double linkDensity() const { return text_.empty() ? 0.0 : static_cast<double>(link_bytes_) / text_.size(); }

  // Moves the paragraph to the end of `doc.text` (after a blank line) and returns its span.
  Span commitTo(Document& doc);
  void clear() { *this = Paragraph(to_file_); }
  // An item of a numbered list (<ol>): its number, 1-based; 0 otherwise (Block::number).
  unsigned list_number = 0;

 private:
  void addChar(std::string_view ch, std::size_t parsed, std::size_t parsed_len, bool in_link);
  // From an offset in the bytes gumbo parsed to one in the file.
  std::size_t fileOffset(std::size_t parsed) const;

  const std::vector<std::size_t>* to_file_;
  std::string text_;
  std::vector<SourceAnchor> anchors_;  // text offsets relative to text_
  std::size_t source_end_ = 0;
  std::size_t link_bytes_ = 0;
  bool pending_space_ = false;
};

}  // namespace vorlesen::extract_detail
