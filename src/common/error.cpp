#include "vorlesen/error.h"

#include <cstring>

#include "vorlesen/i18n.h"

namespace vorlesen {

Error Error::fromErrno(ErrorKind kind, const std::string& path, const std::string& what, int errnum) {
  // `what` is marked with N_() by the caller; strerror() speaks the language of LC_MESSAGES.
  std::string message = path;
  if (!what.empty()) message += std::string(": ") + tr(what.c_str());
  message += ": ";
  message += std::strerror(errnum);
  return Error(kind, message);
}

int Error::exitCode() const {
  switch (kind_) {
    case ErrorKind::Usage: return kExitUsage;
    case ErrorKind::Audio: return kExitNoAudio;
    default: return kExitFailure;
  }
}

}  // namespace vorlesen
