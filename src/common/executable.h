// Internal: the directory of the running binary, from which the language data and the message
// catalogues are looked up (a moved install, a build tree). "" when /proc/self/exe cannot be read.
#pragma once

#include <unistd.h>

#include <climits>
#include <filesystem>
#include <string>

namespace vorlesen {

inline std::string executableDirectory() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  buf[n] = '\0';
  return std::filesystem::path(buf).parent_path().string();
}

}  // namespace vorlesen
