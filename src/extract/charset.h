// Internal: HTML in a legacy encoding, made UTF-8 for gumbo (which reads only UTF-8).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vorlesen::extract_detail {

struct Utf8Html {
  std::string text;                  // the page in UTF-8 (empty when `bytes` could be used as is)
  std::vector<std::size_t> to_file;  // byte i of `text` came from byte to_file[i] of the file; one
                                     // entry more for the end. Empty when the file was UTF-8.
  std::string charset;               // the encoding converted from, e.g. "windows-1252"
};

// The charset a page declares in its first kilobyte (<meta charset=...> or http-equiv), lower case,
// or "" when it declares none.
std::string declaredCharset(std::string_view bytes);

// Converts `bytes` to UTF-8 when the page's charset is not UTF-8: the server's (`header_charset`,
// lower case, "" if none) before the page's own declaration, and windows-1252 (as browsers in German
// locales assume) for an undeclared page that is not UTF-8. Otherwise, and for a page starting with
// a UTF-8 byte order mark, returns an empty Utf8Html: use `bytes` directly. Unknown charsets are
// read as UTF-8.
Utf8Html htmlToUtf8(std::string_view bytes, std::string_view header_charset = {});

// Text served with a charset other than UTF-8 (`charset`, lower case), converted; an empty Utf8Html
// when no conversion is needed.
Utf8Html textToUtf8(std::string_view bytes, std::string_view charset);

}  // namespace vorlesen::extract_detail
