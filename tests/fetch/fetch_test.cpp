// Links: which inputs are links, and the file names render gives them. The transfers themselves are
// tested against a local web server in tests/cli/fetch.sh.
#include <catch2/catch.hpp>

#include "vorlesen/error.h"
#include "vorlesen/extract.h"
#include "vorlesen/fetch.h"

namespace vorlesen {
namespace {

TEST_CASE("links are told from file names by their scheme", "[fetch]") {
  CHECK(isUrl("http://example.org/"));
  CHECK(isUrl("HTTPS://example.org/a.html"));
  CHECK_FALSE(isUrl("ftp://example.org/"));
  CHECK_FALSE(isUrl("http:/kaputt"));
  CHECK_FALSE(isUrl("artikel.html"));
  CHECK_FALSE(isUrl("./http://x"));
  CHECK_FALSE(isUrl("-"));
}

TEST_CASE("a link's file name: the last path segment without extension, else the host", "[fetch]") {
  CHECK(urlFileStem("https://example.org/politik/wahl-2025.html") == "wahl-2025");
  CHECK(urlFileStem("https://example.org/politik/wahl-2025/") == "wahl-2025");
  CHECK(urlFileStem("https://example.org/artikel?id=7#kommentare") == "artikel");
  CHECK(urlFileStem("https://www.example.org/") == "www.example.org");
  CHECK(urlFileStem("https://user@Example.ORG:8443") == "example.org");
  CHECK(urlFileStem("http://[::1]:8080/") == "[::1]");
  CHECK(urlFileStem("https://example.org/M%C3%BCnchen.html") == "M\u00FCnchen");
  // Escapes must not smuggle in a directory or a hidden file.
  CHECK(urlFileStem("https://example.org/a%2Fb%2F..%2Fc") == "a_b_.._c");
  CHECK(urlFileStem("https://example.org/.profil") == "_profil");
  CHECK(urlFileStem("https://example.org/..") == "example.org");
  CHECK(inputStem("https://example.org/politik/wahl.html") == "wahl");
  CHECK(inputStem("texte/Artikel 1.txt") == "Artikel 1");
  CHECK(inputStem("-") == "stdin");
}

TEST_CASE("names under .invalid fail at once, naming the link and the host", "[fetch]") {
  CHECK_THROWS_WITH(fetchPage("https://nirgends.invalid/seite", FetchOptions{}),
                    "https://nirgends.invalid/seite: cannot find the server nirgends.invalid (no such host name, or "
                    "no network)");
  try {
    fetchPage("http://a.b.INVALID./", FetchOptions{});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Input);
  }
}

}  // namespace
}  // namespace vorlesen
