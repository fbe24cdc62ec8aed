#include "vorlesen/error.h"

#include <cstring>

namespace vorlesen {

Error Error::fromErrno(ErrorKind kind, const std::string& path, const std::string& what, int errnum) {
  std::string message = path;
  if (!what.empty()) message += ": " + what;
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
