// Legacy encodings for HTML: ICU's converters, with the source offset of every converted byte kept
// so that highlighting still points into the file.
#include "extract/charset.h"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cctype>
#include <memory>

#include "extract/strings.h"
#include "vorlesen/text.h"

namespace vorlesen::extract_detail {

namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

bool isCharsetChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.';
}

// True when the bytes hold ill-formed UTF-8 and not a single well-formed multi-byte sequence: text
// in a single-byte encoding, not UTF-8 with a damaged byte.
bool looksSingleByte(std::string_view bytes) {
  bool bad = false;
  for (int32_t i = 0, n = static_cast<int32_t>(bytes.size()); i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes.data(), i, n, c);
    if (c < 0) bad = true;
    else if (i - start > 1) return false;
  }
  return bad;
}

}  // namespace

std::string declaredCharset(std::string_view bytes) {
  const std::string head = lowerAscii(bytes.substr(0, 1024));
  for (std::size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    const std::size_t end = head.find('>', at);
    const std::string_view tag = std::string_view(head).substr(at, end == std::string::npos ? std::string::npos : end - at);
    const std::size_t cs = tag.find("charset");
    if (cs == std::string_view::npos) continue;
    std::size_t i = cs + 7;
    while (i < tag.size() && (isAsciiSpace(tag[i]) || tag[i] == '=' || tag[i] == '"' || tag[i] == '\'')) ++i;
    std::size_t j = i;
    while (j < tag.size() && isCharsetChar(tag[j])) ++j;
    if (j > i) return std::string(tag.substr(i, j - i));
  }
  return {};
}

namespace {

bool isUtf8Label(std::string_view charset) {
  return charset == "utf-8" || charset == "utf8" || charset == "unicode-1-1-utf-8";
}

// As browsers do (WHATWG Encoding): Latin-1 and ASCII labels mean windows-1252.
std::string browserCharset(std::string charset) {
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii" || charset == "ascii") {
    return "windows-1252";
  }
  return charset;
}

Utf8Html convert(std::string_view bytes, const std::string& charset) {
  Utf8Html out;
  UErrorCode status = U_ZERO_ERROR;
  const ConverterPtr converter(ucnv_open(charset.c_str(), &status));
  if (U_FAILURE(status)) return out;  // an unknown label: read as UTF-8, repaired where ill-formed

  // At most one UTF-16 unit per input byte plus a surrogate pair's second half for the rare four-byte
  // sequences: two units per byte is always enough.
  std::vector<UChar> units(bytes.size() * 2 + 2);
  std::vector<int32_t> offsets(units.size());
  UChar* target = units.data();
  const char* source = bytes.data();
  ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source, bytes.data() + bytes.size(),
                 offsets.data(), true, &status);
  if (U_FAILURE(status)) return out;
  const int32_t n = static_cast<int32_t>(target - units.data());

  out.charset = charset;
  out.text.reserve(bytes.size() + bytes.size() / 8);
  out.to_file.reserve(bytes.size() + bytes.size() / 8 + 1);
  std::size_t last = 0;
  for (int32_t i = 0; i < n;) {
    const int32_t unit = i;
    UChar32 c;
    U16_NEXT(units.data(), i, n, c);
    if (offsets[unit] >= 0) last = static_cast<std::size_t>(offsets[unit]);
    const std::size_t before = out.text.size();
    appendUtf8(out.text, static_cast<char32_t>(c));
    out.to_file.insert(out.to_file.end(), out.text.size() - before, last);
  }
  out.to_file.push_back(bytes.size());
  return out;
}

}  // namespace

Utf8Html htmlToUtf8(std::string_view bytes, std::string_view header_charset) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return {};  // a byte order mark beats any declaration
  std::string charset = header_charset.empty() ? declaredCharset(bytes) : std::string(header_charset);
  if (isUtf8Label(charset)) return {};
  if (charset.empty()) {
    if (!looksSingleByte(bytes)) return {};
    charset = "windows-1252";
  }
  return convert(bytes, browserCharset(charset));
}

Utf8Html textToUtf8(std::string_view bytes, std::string_view charset) {
  if (charset.empty() || isUtf8Label(charset) || bytes.substr(0, 3) == "\xEF\xBB\xBF") return {};
  return convert(bytes, browserCharset(std::string(charset)));
}

}  // namespace vorlesen::extract_detail
