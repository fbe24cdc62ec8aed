// Internal: the one place ICU's UErrorCode becomes a vorlesen::Error, and small RAII helpers.
#pragma once

#include <unicode/utext.h>
#include <unicode/utypes.h>

#include <memory>
#include <string>
#include <string_view>

#include "vorlesen/error.h"

namespace vorlesen::icu_util {

inline void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw Error::data(std::string("ICU: ") + what + ": " + u_errorName(status));
}

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

// A UText over UTF-8 bytes: ICU iterators then report native (byte) offsets directly.
inline UTextPtr openUtf8(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText* t = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  check(status, "utext_openUTF8");
  return UTextPtr(t);
}

}  // namespace vorlesen::icu_util
