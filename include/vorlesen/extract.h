// vorlesen — article extraction: the first stage, between the input and the Document.
//
//   file, stdin or link --readArticleInput()--> ArticleInput --extractArticle()--> Document --> segmenter --> ...
//                       (loadArticle() does both)
//
// Users save, pipe in or link whole web pages; only the article should be read. An input is a file,
// "-" (standard input) or an http(s) link, fetched with fetchPage() (fetch.h); every command that
// reads an article gets all three through readArticleInput(). extractArticle() sniffs the bytes
// (or takes the server's Content-Type): HTML is parsed with gumbo and its main content found
// Readability-style (html_extractor.cpp); anything else is a text dump whose clutter lines
// (breadcrumbs, ads, teasers, photo credits) are recognized by their structure and the marker words
// in voices/de/page_markers.tsv (text_extractor.cpp). Blocks come in reading order: Title, Byline,
// then Heading, Paragraph, ListItem and Quote blocks.
//
// Plain text keeps Document::text = the input and only chooses blocks (spans into it). For HTML,
// Document::text is the decoded article text and Document::source_map leads back to the bytes of
// the input. A page that is only a cookie or consent notice is an Error::input saying so.
// All functions are pure given their inputs (the marker table is loaded once, thread-safely), so
// everything here is thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "vorlesen/document.h"
#include "vorlesen/fetch.h"

namespace vorlesen {

struct ExtractOptions {
  bool raw = false;    // no extraction: the input as it is, one block per paragraph (as loadDocument)
  FetchOptions fetch;  // for links
};

// One input as read, before extraction.
struct ArticleInput {
  std::string name;        // the path or link as given; "-" for standard input
  std::string bytes;       // the file, or the page as the server sent it (content encoding undone)
  std::string media_type;  // the server's Content-Type ("text/html"); "" for files
  std::string charset;     // the server's charset; "" when it named none. It goes before the page's <meta>.
};

// Reads a file, standard input ("-") or an http(s) link. Throws Error::input naming the input and
// the problem (missing file; no such host, HTTP 404, timed out, too large, not a web page ...).
ArticleInput readArticleInput(const std::string& input, const ExtractOptions& options);

// Extracts the article from `bytes`, which are input.bytes or a head of them (a long text file is
// extracted in two steps, see cmd_play.cpp). Throws Error::input for a consent wall.
Document extractArticle(const ArticleInput& input, std::string_view bytes, const ExtractOptions& options);
// The same for bytes read from the file `path` ("-": standard input).
Document extractArticle(const std::string& path, std::string_view bytes, const ExtractOptions& options);

// readArticleInput() and extractArticle().
Document loadArticle(const std::string& input, const ExtractOptions& options);

// True when the bytes are HTML: by extension (.html .htm .xhtml) or by content (<!DOCTYPE html,
// <html, or <head/<body/<article near the start).
bool looksLikeHtml(const std::string& path, std::string_view bytes);

// The name a file made from `input` gets: a file's stem, a link's last path segment or host
// (urlFileStem()), "stdin" for "-".
std::string inputStem(const std::string& input);

const char* blockKindName(BlockKind kind);

}  // namespace vorlesen
