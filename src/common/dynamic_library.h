// Internal: a shared library opened when it is first needed (dlopen), not at start-up.
//
// For libraries only some commands use (libcurl for links, libzip for talking books): linked
// normally, they and the libraries they pull in (TLS, Kerberos, LDAP; libcrypto, bzip2) are loaded
// and relocated at every start of every command, before main(). Their functions are called through
// a table of pointers filled here; the package names them as dependencies (CMakeLists.txt).
#pragma once

#include <dlfcn.h>

#include <string>

namespace vorlesen {

// dlopen(soname); nullptr and `why` set (dlerror()) when it cannot be loaded.
inline void* openLibrary(const char* soname, std::string& why) {
  void* library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char* error = dlerror();
    why = error ? error : "?";
  }
  return library;
}

// Points `function` at `name` in `library`; the first name not found goes into `missing`.
template <typename F>
void bindSymbol(void* library, F& function, const char* name, std::string& missing) {
  function = reinterpret_cast<F>(dlsym(library, name));
  if (!function && missing.empty()) missing = std::string(name) + ": not found";
}

}  // namespace vorlesen
