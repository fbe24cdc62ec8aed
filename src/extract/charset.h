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

// Converts `bytes` to UTF-8 when the page declares a charset other than UTF-8, or declares none and
// is not UTF-8 (then windows-1252 is assumed, as browsers in German locales do). Otherwise returns
// an empty Utf8Html: use `bytes` directly. Unknown charsets are read as UTF-8.
Utf8Html htmlToUtf8(std::string_view bytes);

}  // namespace vorlesen::extract_detail
