// fetchPage(): one web page over HTTP(S) with libcurl, and the one place libcurl's error codes
// become messages a user can act on (curlError()).
#include "vorlesen/fetch.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <memory>
#include <mutex>

#include "common/dynamic_library.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/text.h"

namespace vorlesen {

namespace {

// libcurl is opened when the first link is fetched, not linked: it brings some 25 libraries (TLS,
// Kerberos, LDAP, SSH ...) that were half of the time every command spent loading libraries before
// main() (perf stat of a program linked like vorlesen: 20 -> 10 ms CPU without them), though only
// links need them. Its functions are called through this table.
struct Libcurl {
  decltype(&curl_global_init) global_init;
  decltype(&curl_easy_init) easy_init;
  decltype(&curl_easy_setopt) easy_setopt;
  decltype(&curl_easy_perform) easy_perform;
  decltype(&curl_easy_getinfo) easy_getinfo;
  decltype(&curl_easy_strerror) easy_strerror;
  decltype(&curl_easy_cleanup) easy_cleanup;
  decltype(&curl_slist_append) slist_append;
  decltype(&curl_slist_free_all) slist_free_all;
};

// libcurl, opened and set up once per process (its global state is never torn down: other threads
// may fetch until the process ends). Throws an input error when it cannot be loaded.
const Libcurl& libcurl() {
  static std::once_flag once;
  static Libcurl api{};
  static std::string failure;
  std::call_once(once, [] {
    std::string missing;
    void* library = openLibrary("libcurl.so.4", missing);
    if (!library) {
      failure = format(tr("cannot load libcurl ({}); links need the libcurl4 package"), missing);
      return;
    }
    bindSymbol(library, api.global_init, "curl_global_init", missing);
    bindSymbol(library, api.easy_init, "curl_easy_init", missing);
    bindSymbol(library, api.easy_setopt, "curl_easy_setopt", missing);
    bindSymbol(library, api.easy_perform, "curl_easy_perform", missing);
    bindSymbol(library, api.easy_getinfo, "curl_easy_getinfo", missing);
    bindSymbol(library, api.easy_strerror, "curl_easy_strerror", missing);
    bindSymbol(library, api.easy_cleanup, "curl_easy_cleanup", missing);
    bindSymbol(library, api.slist_append, "curl_slist_append", missing);
    bindSymbol(library, api.slist_free_all, "curl_slist_free_all", missing);
    if (!missing.empty()) {
      failure = format(tr("cannot load libcurl ({}); links need the libcurl4 package"), missing);
    } else if (api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      failure = tr("cannot initialize libcurl");
    }
  });
  if (!failure.empty()) throw Error::input(failure);
  return api;
}

struct EasyCloser {
  void operator()(CURL* c) const { libcurl().easy_cleanup(c); }
};
struct SlistCloser {
  void operator()(curl_slist* l) const { libcurl().slist_free_all(l); }
};
using EasyPtr = std::unique_ptr<CURL, EasyCloser>;
using SlistPtr = std::unique_ptr<curl_slist, SlistCloser>;

std::string_view trimView(std::string_view s) { return trim(s); }

// "text/html; charset=ISO-8859-1" -> media type "text/html", charset "iso-8859-1".
void parseContentType(const char* header, std::string& media_type, std::string& charset) {
  media_type.clear();
  charset.clear();
  if (header == nullptr) return;
  const std::string lower = lowerAscii(std::string_view(header));
  const std::string_view all(lower);
  media_type = std::string(trimView(all.substr(0, all.find(';'))));
  const std::size_t at = all.find("charset=");
  if (at == std::string_view::npos) return;
  std::string_view value = all.substr(at + 8);
  value = trimView(value.substr(0, value.find(';')));
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) value = value.substr(1, value.size() - 2);
  charset = std::string(trimView(value));
}

// What vorlesen can read: HTML, XHTML and text of any kind, or an answer that does not say.
bool isReadableType(const std::string& media_type) {
  return media_type.empty() || media_type.rfind("text/", 0) == 0 || media_type == "application/xhtml+xml";
}

// The state of one transfer, shared with libcurl's write callback.
struct Transfer {
  Transfer(const FetchOptions& o, CURL* c) : options(o), curl(c) {}
  const FetchOptions& options;
  CURL* curl;
  std::string body;
  bool too_large = false;
  bool type_checked = false;
  std::string refused_type;  // set when the answer is no text: the transfer stopped there
  char error[CURL_ERROR_SIZE] = {};
};

// libcurl calls this for the final answer's body only (redirect and error bodies are not passed
// on). Returning less than `size * n` aborts the transfer: that is how the size cap and the type
// check stop a download at once instead of after 20 MB of video.
extern "C" std::size_t onBody(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t bytes = size * n;
  if (!t->type_checked) {
    t->type_checked = true;
    const char* type = nullptr;
    libcurl().easy_getinfo(t->curl, CURLINFO_CONTENT_TYPE, &type);
    std::string media_type, charset;
    parseContentType(type, media_type, charset);
    if (!isReadableType(media_type)) {
      t->refused_type = media_type;
      return 0;
    }
  }
  if (bytes > t->options.max_bytes - std::min(t->options.max_bytes, t->body.size())) {
    t->too_large = true;
    return 0;
  }
  t->body.append(data, bytes);
  return bytes;
}

// The host part of an http(s) URL, lower case ("" when there is none).
std::string hostOf(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  const std::size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest = rest.substr(at + 1);
  if (!rest.empty() && rest.front() == '[') return lowerAscii(rest.substr(0, rest.find(']') + 1));
  return lowerAscii(rest.substr(0, rest.find(':')));
}

// Names under .invalid never resolve (RFC 6761 asks resolvers to say so at once): answering here
// keeps an offline machine from waiting for its DNS server.
bool isReservedInvalid(const std::string& host) {
  std::string h = host;
  if (!h.empty() && h.back() == '.') h.pop_back();
  return h == "invalid" || (h.size() > 8 && h.compare(h.size() - 8, 8, ".invalid") == 0);
}

std::string httpStatusWords(long code) {
  switch (code) {
    case 400: return tr("bad request");
    case 401: return tr("a login is required");
    case 403: return tr("access forbidden");
    case 404: return tr("page not found");
    case 410: return tr("the page was removed");
    case 429: return tr("too many requests, try again later");
    case 451: return tr("unavailable for legal reasons");
    case 500: return tr("internal server error");
    case 502: return tr("bad gateway");
    case 503: return tr("service unavailable, try again later");
    case 504: return tr("gateway timeout");
    default: return code >= 500 ? tr("server error") : tr("the request was refused");
  }
}

std::string connectFailure(const std::string& url, CURL* curl) {
  long os_errno = 0;
  libcurl().easy_getinfo(curl, CURLINFO_OS_ERRNO, &os_errno);
  if (os_errno == ECONNREFUSED) {
    return format(tr("{}: cannot connect to {}: the connection was refused (no server is listening there)"), url,
                  hostOf(url));
  }
  if (os_errno == ENETUNREACH || os_errno == EHOSTUNREACH) {
    return format(tr("{}: cannot connect to {}: the network or host is unreachable"), url, hostOf(url));
  }
  return format(tr("{}: cannot connect to {}"), url, hostOf(url));
}

std::string detail(const Transfer& t, CURLcode code) {
  return t.error[0] != '\0' ? std::string(t.error) : std::string(libcurl().easy_strerror(code));
}

// The one place a CURLcode (and the transfer's own reasons to stop) becomes an Error.
Error curlError(const std::string& url, CURLcode code, const Transfer& t) {
  const FetchOptions& o = t.options;
  switch (code) {
    case CURLE_WRITE_ERROR:
      if (t.too_large) break;
      if (!t.refused_type.empty()) {
        return Error::input(format(tr("{}: this link is not a web page or text, but {}"), url, t.refused_type));
      }
      return Error::input(format(tr("{}: the download failed: {}"), url, detail(t, code)));
    case CURLE_FILESIZE_EXCEEDED: break;
    case CURLE_COULDNT_RESOLVE_HOST:
      return Error::input(format(tr("{}: cannot find the server {} (no such host name, or no network)"), url,
                                 hostOf(url)));
    case CURLE_COULDNT_RESOLVE_PROXY:
      return Error::input(format(tr("{}: cannot find the proxy server: {}"), url, detail(t, code)));
    case CURLE_COULDNT_CONNECT: return Error::input(connectFailure(url, t.curl));
    case CURLE_OPERATION_TIMEDOUT:
      return Error::input(format(tr("{}: timed out: no complete answer within {} seconds"), url,
                                 std::lround(o.timeout_seconds)));
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      return Error::input(format(tr("{}: the server's HTTPS certificate is not trusted, so the page was not read ({})"),
                                 url, detail(t, code)));
    case CURLE_SSL_CONNECT_ERROR:
      return Error::input(format(tr("{}: the secure connection (TLS) failed: {}"), url, detail(t, code)));
    case CURLE_TOO_MANY_REDIRECTS:
      return Error::input(format(tr("{}: too many redirects (more than {})"), url, o.max_redirects));
    case CURLE_HTTP_RETURNED_ERROR: {
      long status = 0;
      libcurl().easy_getinfo(t.curl, CURLINFO_RESPONSE_CODE, &status);
      return Error::input(format(tr("{}: the server answered HTTP {}: {}"), url, status, httpStatusWords(status)));
    }
    case CURLE_UNSUPPORTED_PROTOCOL:
      return Error::input(format(tr("{}: only http:// and https:// links can be read"), url));
    case CURLE_URL_MALFORMAT: return Error::input(format(tr("{}: this is not a valid link"), url));
    case CURLE_BAD_CONTENT_ENCODING:
      return Error::input(format(tr("{}: the server sent damaged compressed data"), url));
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
      return Error::input(format(tr("{}: the connection broke off before the page was complete"), url));
    default:
      return Error::input(format(tr("{}: the download failed: {}"), url, detail(t, code)));
  }
  return Error::input(format(tr("{}: the page is larger than {} MB, more than vorlesen reads"), url,
                             o.max_bytes / (1024 * 1024)));
}

long milliseconds(double seconds) { return static_cast<long>(std::max(1.0, std::ceil(seconds * 1000))); }

// Everything about the request: what to accept, how long to wait, what to verify.
void configure(CURL* curl, const std::string& url, const FetchOptions& o, curl_slist* headers, Transfer& t) {
  const Libcurl& c = libcurl();
  c.easy_setopt(curl, CURLOPT_URL, url.c_str());
  c.easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  c.easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  c.easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  c.easy_setopt(curl, CURLOPT_MAXREDIRS, o.max_redirects);
  c.easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl decodes
  c.easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  c.easy_setopt(curl, CURLOPT_USERAGENT, "vorlesen/" VORLESEN_VERSION " (reads articles aloud)");
  c.easy_setopt(curl, CURLOPT_COOKIEFILE, "");  // cookies set on the way through redirects
  c.easy_setopt(curl, CURLOPT_TIMEOUT_MS, milliseconds(o.timeout_seconds));
  c.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(std::min(o.connect_timeout_seconds, o.timeout_seconds)));
  c.easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.max_bytes));
  c.easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  c.easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  c.easy_setopt(curl, CURLOPT_FAILONERROR, 1L);
  c.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM for timeouts: other threads run
  c.easy_setopt(curl, CURLOPT_ERRORBUFFER, t.error);
  c.easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
  c.easy_setopt(curl, CURLOPT_WRITEDATA, &t);
}

}  // namespace

bool isUrl(std::string_view input) {
  const std::string head = lowerAscii(input.substr(0, 8));
  return head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0;
}

FetchedPage fetchPage(const std::string& url, const FetchOptions& options) {
  libcurl();  // fails here, before anything, when libcurl cannot be loaded
  if (isReservedInvalid(hostOf(url))) {
    throw Error::input(format(tr("{}: cannot find the server {} (no such host name, or no network)"), url, hostOf(url)));
  }
  EasyPtr curl(libcurl().easy_init());
  if (!curl) throw Error::input(format(tr("{}: cannot start a download (out of memory?)"), url));
  curl_slist* list = libcurl().slist_append(nullptr, "Accept: text/html,application/xhtml+xml,text/plain;q=0.9,text/*;q=0.8");
  list = libcurl().slist_append(list, "Accept-Language: de-DE,de;q=0.9,en;q=0.5");
  const SlistPtr headers(list);
  Transfer t(options, curl.get());
  configure(curl.get(), url, options, headers.get(), t);
  const CURLcode code = libcurl().easy_perform(curl.get());
  if (code != CURLE_OK) throw curlError(url, code, t);

  FetchedPage page;
  page.url = url;
  const char* type = nullptr;
  libcurl().easy_getinfo(curl.get(), CURLINFO_CONTENT_TYPE, &type);
  parseContentType(type, page.media_type, page.charset);
  if (!isReadableType(page.media_type)) {  // an empty body never reached the check in onBody()
    throw Error::input(format(tr("{}: this link is not a web page or text, but {}"), url, page.media_type));
  }
  const char* final_url = nullptr;
  libcurl().easy_getinfo(curl.get(), CURLINFO_EFFECTIVE_URL, &final_url);
  page.final_url = final_url ? final_url : url;
  page.body = std::move(t.body);
  return page;
}

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lowerAscii(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

std::string percentDecoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

std::string urlFileStem(std::string_view url) {
  const std::size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("?#"));
  const std::size_t slash = rest.find('/');
  std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  std::string stem = percentDecoded(path.substr(path.rfind('/') + 1));  // npos + 1 == 0
  if (stem == "." || stem == "..") stem.clear();
  for (char& c : stem) {
    if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '_';
  }
  // ".html", ".php", ".aspx": a short extension of letters and digits goes, as a file's does.
  const std::size_t dot = stem.rfind('.');
  if (dot != std::string::npos && dot > 0 && stem.size() - dot - 1 >= 1 && stem.size() - dot - 1 <= 5 &&
      std::all_of(stem.begin() + static_cast<std::ptrdiff_t>(dot) + 1, stem.end(),
                  [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; })) {
    stem.erase(dot);
  }
  if (stem.empty()) stem = hostOf(url);
  if (!stem.empty() && stem.front() == '.') stem.front() = '_';
  return stem.empty() ? std::string("page") : stem;
}

}  // namespace vorlesen
