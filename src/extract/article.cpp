// The input side of extraction: reading a file, standard input or a link (readArticleInput), and
// choosing between HTML and text-dump extraction (extractArticle).
#include <filesystem>

#include "extract/charset.h"
#include "extract/page_markers.h"
#include "extract/strings.h"
#include "vorlesen/error.h"
#include "vorlesen/extract.h"
#include "vorlesen/i18n.h"
#include "vorlesen/text.h"

namespace vorlesen {

using extract_detail::endsWith;

namespace {

// HTML by the server's word; a text/plain answer is a text dump whatever it looks like; anything
// else (no type, or another text type) is sniffed as a file is.
bool isHtmlInput(const ArticleInput& input, std::string_view bytes) {
  if (input.media_type == "text/html" || input.media_type == "application/xhtml+xml") return true;
  if (input.media_type == "text/plain") return false;
  return looksLikeHtml(input.name, bytes);
}

std::string displayName(const std::string& input) { return input == "-" ? "<stdin>" : input; }

}  // namespace

ArticleInput readArticleInput(const std::string& input, const ExtractOptions& options) {
  ArticleInput in;
  in.name = input;
  if (!isUrl(input)) {
    in.bytes = readInput(input);
    return in;
  }
  FetchedPage page = fetchPage(input, options.fetch);
  in.bytes = std::move(page.body);
  in.media_type = std::move(page.media_type);
  in.charset = std::move(page.charset);
  return in;
}

Document extractArticle(const ArticleInput& input, std::string_view bytes, const ExtractOptions& options) {
  const std::string name = displayName(input.name);
  // Text served in a legacy charset becomes UTF-8 first (HTML is converted inside extractHtml(),
  // which keeps the offsets into the original bytes).
  const bool html = !options.raw && isHtmlInput(input, bytes);
  const extract_detail::Utf8Html text = html ? extract_detail::Utf8Html{} : extract_detail::textToUtf8(bytes, input.charset);
  if (!text.to_file.empty()) bytes = text.text;
  if (options.raw) return documentFromText(name, bytes);
  const PageMarkers& markers = PageMarkers::german();
  if (!html) return extractPlainText(name, bytes, markers);
  Document doc = extractHtml(name, bytes, markers, input.charset);
  if (isConsentWall(doc, markers, bytes)) {
    throw Error::input(format(tr("{}: the page shows only a cookie or consent notice, not the article "
                                 "(it has to be accepted in a web browser)"), name));
  }
  return doc;
}

Document extractArticle(const std::string& path, std::string_view bytes, const ExtractOptions& options) {
  ArticleInput input;
  input.name = path;
  return extractArticle(input, bytes, options);
}

Document loadArticle(const std::string& input, const ExtractOptions& options) {
  const ArticleInput in = readArticleInput(input, options);
  return extractArticle(in, in.bytes, options);
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

std::string inputStem(const std::string& input) {
  if (input == "-") return "stdin";
  if (isUrl(input)) return urlFileStem(input);
  return std::filesystem::path(input).stem().string();
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
