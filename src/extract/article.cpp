// loadArticle(): choosing between HTML and text-dump extraction, and the marker-word table.
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>

#include "extract/strings.h"
#include "vorlesen/error.h"
#include "vorlesen/extract.h"
#include "vorlesen/language_data.h"
#include "vorlesen/text.h"

namespace vorlesen {

using extract_detail::countWords;
using extract_detail::endsWith;
using extract_detail::lowerAscii;

namespace {

struct KindName {
  const char* name;
  PageMarkers::Kind kind;
};
constexpr KindName kKindNames[] = {
    {"line", PageMarkers::Kind::Line},
    {"block", PageMarkers::Kind::Block},
    {"end", PageMarkers::Kind::End},
    {"home", PageMarkers::Kind::Home},
    {"credit", PageMarkers::Kind::Credit},
    {"byline", PageMarkers::Kind::Byline},
    {"month", PageMarkers::Kind::Month},
    {"class-drop", PageMarkers::Kind::ClassDrop},
    {"class-keep", PageMarkers::Kind::ClassKeep},
    {"class-byline", PageMarkers::Kind::ClassByline},
};
constexpr std::size_t kKinds = sizeof kKindNames / sizeof kKindNames[0];

// Picture captions run to a sentence or two; a longer line is text.
constexpr std::size_t kMaxCaptionWords = 60;

}  // namespace

std::string foldCase(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string out;
  u.foldCase().toUTF8String(out);
  return out;
}

PageMarkers::PageMarkers(const LanguageData& data) : phrases_(kKinds) {
  const TsvTable& table = data.table("page_markers");
  for (const TsvRow& row : table.rows) {
    if (row.fields.size() != 2 || trim(row.fields[1]).empty()) {
      throw Error::data(table.path + ":" + std::to_string(row.line) + ": expected kind<TAB>phrase");
    }
    const auto it = std::find_if(std::begin(kKindNames), std::end(kKindNames),
                                 [&](const KindName& k) { return row.fields[0] == k.name; });
    if (it == std::end(kKindNames)) {
      throw Error::data(table.path + ":" + std::to_string(row.line) + ": unknown marker kind '" + row.fields[0] + "'");
    }
    phrases_[static_cast<std::size_t>(it->kind)].push_back(foldCase(trim(row.fields[1])));
  }
}

const std::vector<std::string>& PageMarkers::phrases(Kind kind) const { return phrases_[static_cast<std::size_t>(kind)]; }

bool PageMarkers::lineIs(Kind kind, std::string_view line) const {
  line = trim(line);
  while (!line.empty() && (line.back() == ':' || line.back() == '.')) line.remove_suffix(1);
  const std::string folded = foldCase(trim(line));
  const auto& list = phrases(kind);
  return std::find(list.begin(), list.end(), folded) != list.end();
}

bool PageMarkers::isCaption(std::string_view line) const {
  const std::string folded = foldCase(line);
  for (const std::string& c : phrases(Kind::Credit)) {
    const std::string key = c + ":";
    const std::size_t at = folded.rfind(key);
    if (at == std::string::npos) continue;
    if (at > 0 && !extract_detail::isSpace(folded[at - 1]) && folded[at - 1] != '(' && folded[at - 1] != '.') {
      continue;
    }
    const std::string_view credit = trim(std::string_view(folded).substr(at + key.size()));
    // A source is a name or two ("dpa", "AFP/Getty Images"), not a sentence, and a caption is
    // not a long paragraph.
    const std::size_t words = countWords(credit);
    const bool sentence_inside = credit.find(". ") != std::string_view::npos ||
                                 credit.find("! ") != std::string_view::npos ||
                                 credit.find("? ") != std::string_view::npos;
    const std::size_t line_words = countWords(folded);
    if (!credit.empty() && words <= 6 && !sentence_inside && line_words <= kMaxCaptionWords) return true;
  }
  return false;
}

bool looksLikeHtml(const std::string& path, std::string_view bytes) {
  const std::string lower_path = lowerAscii(path);
  for (const char* ext : {".html", ".htm", ".xhtml"}) {
    if (endsWith(lower_path, ext)) return true;
  }
  // Content: skip a BOM and white space, then look at the first kilobyte.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const std::string head = lowerAscii(trim(bytes.substr(0, 1024)));
  if (head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 || head.rfind("<?xml", 0) == 0) {
    return head.find("<html") != std::string::npos || head.rfind("<!doctype html", 0) == 0;
  }
  if (head.empty() || head.front() != '<') return false;
  for (const char* tag : {"<head", "<body", "<article", "<meta", "<title"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  return false;
}

Document loadArticle(const std::string& path, const ExtractOptions& options) {
  if (options.raw) return loadDocument(path);
  const std::string name = path == "-" ? "<stdin>" : path;
  const std::string bytes = readInput(path);
  static const PageMarkers markers(LanguageData::german());
  if (looksLikeHtml(path, bytes)) return extractHtml(name, bytes, markers);
  return extractPlainText(name, bytes, markers);
}

const char* blockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::Title: return "title";
    case BlockKind::Byline: return "byline";
    case BlockKind::Heading: return "heading";
    case BlockKind::Paragraph: return "paragraph";
    case BlockKind::ListItem: return "item";
    case BlockKind::Quote: return "quote";
  }
  return "paragraph";
}

}  // namespace vorlesen
