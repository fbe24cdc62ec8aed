#pragma once
#include <cstdio>
#include <cstdlib>
#include <ctime>
inline void traceStart(const char* what) {
  static FILE* f = [] { const char* p = std::getenv("VORLESEN_TRACE"); return p ? std::fopen(p, "a") : nullptr; }();
  if (!f) return;
  timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
  std::fprintf(f, "%.3f %s\n", ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6, what); std::fflush(f);
}
