/* LD_PRELOAD shim for daisy-player in tests/cli/render_book_daisy.sh (machines without a sound card).
 *
 * daisy-player 13 stops unless /proc/asound/cards can be read (it lists the ALSA cards there) and the
 * process is in the group "audio". CI machines and containers have neither. This shim shows it an
 * empty card list (/dev/null) and reports the "audio" group as the effective group. It also finds
 * its settings and bookmarks through getpwuid(), not $HOME: the shim points that at $HOME, so the
 * test stays in its scratch folder. Everything else, including playing through ALSA's default device
 * (routed to the test's PulseAudio null sink), is daisy-player's own. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

FILE* fopen(const char* path, const char* mode) {
  static FILE* (*real_fopen)(const char*, const char*);
  if (!real_fopen) real_fopen = (FILE * (*)(const char*, const char*)) dlsym(RTLD_NEXT, "fopen");
  if (path && strcmp(path, "/proc/asound/cards") == 0) path = "/dev/null";
  return real_fopen(path, mode);
}

gid_t getegid(void) {
  const struct group* audio = getgrnam("audio");
  return audio ? audio->gr_gid : 0;
}

struct passwd* getpwuid(uid_t uid) {
  static struct passwd* (*real_getpwuid)(uid_t);
  static struct passwd copy;
  if (!real_getpwuid) real_getpwuid = (struct passwd * (*)(uid_t)) dlsym(RTLD_NEXT, "getpwuid");
  struct passwd* pw = real_getpwuid(uid);
  const char* home = getenv("HOME");
  if (!pw || !home) return pw;
  copy = *pw;
  copy.pw_dir = (char*)home;
  return &copy;
}
