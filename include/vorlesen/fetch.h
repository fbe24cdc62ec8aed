// vorlesen — fetching a web page: the input stage for links, before article extraction.
//
//   "https://…" --fetchPage()--> FetchedPage { body, media_type, charset } --> extractArticle() --> …
//
// Users have links, not files. fetchPage() downloads one page with libcurl: redirects (limited),
// compressed transfers (gzip, br, zstd) undone, connect and total timeouts, a size cap that aborts
// the transfer as soon as it is exceeded, HTTPS certificates verified, and only HTML or text
// accepted. Every failure is an Error::input whose message names the URL and says what went wrong
// in words a user understands (no such host, certificate not trusted, HTTP 404, timed out, too
// large, not a web page). libcurl's error codes become messages in one place, src/fetch/fetch.cpp.
//
// Each call owns its own transfer (a curl easy handle) and returns a plain value; libcurl's global
// set-up happens once, thread-safely. Calls may run on several threads at once.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vorlesen {

struct FetchOptions {
  double timeout_seconds = 30;          // the whole transfer, redirects included
  double connect_timeout_seconds = 10;  // name lookup, TCP and TLS handshake (at most timeout_seconds)
  std::size_t max_bytes = 20 * 1024 * 1024;  // decoded body; the transfer stops when it grows past this
  long max_redirects = 10;
};

struct FetchedPage {
  std::string url;         // as asked for
  std::string final_url;   // after redirects
  std::string media_type;  // from Content-Type, lower case, without parameters ("text/html"); "" if none
  std::string charset;     // from Content-Type's charset parameter, lower case; "" if none
  std::string body;        // the page, with any content encoding (gzip, br, zstd) undone
};

// True for an http:// or https:// link (case-insensitive scheme).
bool isUrl(std::string_view input);

// Downloads `url`. Accepts only HTML, XHTML and text/* answers (or none declared). Throws
// Error::input("URL: reason") on any failure.
FetchedPage fetchPage(const std::string& url, const FetchOptions& options);

// A file name stem for what `url` points at: its last path segment without extension
// ("…/politik/wahl-2025.html" -> "wahl-2025"), else its host ("https://example.org/" ->
// "example.org"). Percent escapes are decoded; characters unsafe in file names become '_'.
std::string urlFileStem(std::string_view url);

}  // namespace vorlesen
