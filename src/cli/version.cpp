#include <espeak-ng/speak_lib.h>
#include <portaudio.h>
#include <sndfile.h>
#include <unicode/uversion.h>

#include <string>

#include "cli/app.h"
#include "vorlesen/i18n.h"

namespace vorlesen::cli {

// Each library is asked for the version it is, not the one we were compiled against: a bug report
// must name what actually ran. None of these calls initializes its library (no eSpeak voice is
// loaded, no audio device is opened), so --version stays instant and works without a sound card.
std::string versionText() {
  UVersionInfo icu{};
  u_getVersion(icu);
  char icu_text[U_MAX_VERSION_STRING_LENGTH] = "";
  u_versionToString(icu, icu_text);
  const PaVersionInfo* pa = Pa_GetVersionInfo();
  const std::string portaudio =
      pa ? format("{}.{}.{} ({})", pa->versionMajor, pa->versionMinor, pa->versionSubMinor,
                  pa->versionControlRevision ? pa->versionControlRevision : "")
         : std::string(Pa_GetVersionText());
  const char* espeak = espeak_Info(nullptr);
  return format(tr("vorlesen {}\nLibraries in use: eSpeak NG {}, ICU {}, PortAudio {}, {}"), VORLESEN_VERSION,
                espeak ? espeak : "?", icu_text, portaudio, sf_version_string());
}

}  // namespace vorlesen::cli
