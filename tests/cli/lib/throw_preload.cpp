// Test helper for tests/cli/no_abort.sh, loaded with LD_PRELOAD: replaces PortAudio's
// Pa_GetVersionInfo (which `vorlesen --version` calls) by one that throws, so the test sees what the
// program does with an exception nothing in it expects. No hook in the program itself: this is how
// any escaped exception (a bug) reaches main(). VORLESEN_TEST_THROW=int throws an int instead of a
// std::exception.
#include <cstdlib>
#include <cstring>
#include <stdexcept>

struct PaVersionInfo;

extern "C" const PaVersionInfo* Pa_GetVersionInfo() {
  const char* kind = std::getenv("VORLESEN_TEST_THROW");
  if (kind && std::strcmp(kind, "int") == 0) throw 42;
  throw std::runtime_error("injected by the test into Pa_GetVersionInfo");
}
