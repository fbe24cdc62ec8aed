#include "extract/html_paragraph.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "vorlesen/text.h"

namespace vorlesen::extract_detail {

namespace {

// Length of the character reference starting at text[0] == '&' ("&amp;", "&#228;", "&auml"), or 0.
std::size_t referenceLength(std::string_view text) {
  std::size_t i = 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
    const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    const std::size_t digits = i;
    while (i < text.size() && (hex ? std::isxdigit(static_cast<unsigned char>(text[i])) : std::isdigit(static_cast<unsigned char>(text[i])))) ++i;
    if (i == digits) return 0;
  } else {
    const std::size_t letters = i;
    while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    if (i == letters) return 0;
  }
  if (i < text.size() && text[i] == ';') ++i;
  return i;
}

std::size_t utf8Length(char lead) {
  const unsigned char c = static_cast<unsigned char>(lead);
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

}  // namespace

bool hasWords(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (u_isalnum(static_cast<UChar32>(nextCodepoint(text, i)))) return true;
  }
  return false;
}

void Paragraph::append(std::string_view orig, std::string_view decoded, std::size_t source, bool in_link) {
  // gumbo 0.10 turns a numeric reference past INT_MAX ("&#2555555555") into a stray byte: what it
  // decoded is repaired first, so the text stays valid UTF-8 (found by fuzz/extract_html).
  const Utf8Repair repaired = repairUtf8(decoded);
  const std::string_view dec = repaired.text;
  std::size_t i = 0;  // in orig
  std::size_t j = 0;  // in dec
  while (j < dec.size()) {
    std::size_t src_len = 1;
    std::size_t dec_len = utf8Length(dec[j]);
    // White space gumbo dropped (CR of CR LF, the newline after <pre>) is skipped in the file.
    while (i < orig.size() && isAsciiSpace(orig[i]) && orig[i] != dec[j] &&
           !(orig[i] == '\r' && dec[j] == '\n' && (i + 1 == orig.size() || orig[i + 1] != '\n'))) {
      ++i;
    }
    if (i < orig.size() && orig[i] == '&' && dec.substr(j, 2) != orig.substr(i, 2)) {
      src_len = std::max<std::size_t>(1, referenceLength(orig.substr(i)));
    } else if (i < orig.size() && orig.substr(i, dec_len) == dec.substr(j, dec_len)) {
      src_len = dec_len;
    }  // else: a byte gumbo replaced by U+FFFD
    addChar(dec.substr(j, std::min(dec_len, dec.size() - j)), source + std::min(i, orig.size()), src_len, in_link);
    i += src_len;
    j += dec_len;
  }
}

void Paragraph::appendWhole(std::string_view text, std::size_t source, std::size_t source_end) {
  const Utf8Repair repaired = repairUtf8(text);
  const std::string_view t = repaired.text;
  for (std::size_t j = 0; j < t.size();) {
    const std::size_t len = std::min(utf8Length(t[j]), t.size() - j);
    // In step with the source (one anchor), never past its end: JSON escapes make the source longer.
    addChar(t.substr(j, len), std::min(source + j, source_end), 0, false);
    j += len;
  }
  source_end_ = fileOffset(source_end);
}

Span Paragraph::commitTo(Document& doc) {
  if (!doc.text.empty()) doc.text += "\n\n";
  const std::size_t base = doc.text.size();
  doc.text += text_;
  for (const SourceAnchor& a : anchors_) doc.source_map.push_back(SourceAnchor{base + a.text, a.source});
  // Anchor the end too, so that sourceSpan() of the block ends at the right byte.
  doc.source_map.push_back(SourceAnchor{base + text_.size(), source_end_});
  const Span span{base, base + text_.size()};
  clear();
  return span;
}

void Paragraph::addChar(std::string_view ch, std::size_t parsed, std::size_t parsed_len, bool in_link) {
  const std::size_t source = fileOffset(parsed);
  if (ch.size() == 1 && isAsciiSpace(ch[0])) {
    pending_space_ = !text_.empty();
    return;
  }
  if (pending_space_) {
    text_ += ' ';
    if (in_link) ++link_bytes_;
    pending_space_ = false;
  }
  const std::size_t predicted = anchors_.empty() ? SIZE_MAX : anchors_.back().source + (text_.size() - anchors_.back().text);
  if (source != predicted) anchors_.push_back(SourceAnchor{text_.size(), source});
  text_ += ch;
  if (in_link) link_bytes_ += ch.size();
  source_end_ = fileOffset(parsed + parsed_len);
}

std::size_t Paragraph::fileOffset(std::size_t parsed) const {
  if (to_file_ == nullptr) return parsed;
  return (*to_file_)[std::min(parsed, to_file_->size() - 1)];
}

}  // namespace vorlesen::extract_detail
