#include "ui/resume.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "common/atomic_file.h"
#include "common/hash.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"

namespace vorlesen::ui {

namespace {

struct Entry {
  std::string hash;
  ResumePoint point;
  long long time = 0;
  std::string name;
};

std::optional<std::size_t> parseSize(const std::string& s) {
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 18) return std::nullopt;
  return static_cast<std::size_t>(std::stoull(s));
}

std::vector<Entry> readEntries(const std::string& path) {
  std::vector<Entry> entries;
  if (path.empty()) return entries;
  std::ifstream in(path, std::ios::binary);
  if (!in) return entries;  // not written yet
  std::ostringstream buf;
  buf << in.rdbuf();
  for (const TsvRow& row : parseTsv(buf.str(), path).rows) {
    if (row.fields.size() < 4) continue;
    const auto sentence = parseSize(row.fields[1]);
    const auto offset = parseSize(row.fields[2]);
    const auto time = parseSize(row.fields[3]);
    if (row.fields[0].size() != 16 || !sentence || !offset || !time) continue;
    entries.push_back(Entry{row.fields[0], ResumePoint{*sentence, *offset}, static_cast<long long>(*time),
                            row.fields.size() > 4 ? row.fields[4] : std::string()});
  }
  return entries;
}

// A value that cannot break its row of positions.tsv: no TAB, CR or LF.
std::string tsvField(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

void writeEntries(const std::string& path, const std::vector<Entry>& entries) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) throw Error::output(format(tr("{}: cannot create its directory: {}"), path, ec.message()));
  std::ostringstream out;
  out << "# vorlesen: where each document was left (see vorlesen(1), RESUME)\n";
  for (std::size_t i = 0; i < entries.size() && i < ResumeStore::kMaxEntries; ++i) {
    const Entry& e = entries[i];
    out << e.hash << '\t' << e.point.sentence << '\t' << e.point.offset << '\t' << e.time << '\t' << tsvField(e.name)
        << '\n';
  }
  AtomicFile file(path);  // replaced whole or not at all
  file.write(out.str());
  file.commit();
}

}  // namespace

std::string contentHash(std::string_view text) {
  Fnv1a64 h;
  h.add(text);
  return h.hex();
}

std::string ResumeStore::defaultPath() {
  const char* state = std::getenv("XDG_STATE_HOME");
  if (state && *state == '/') return std::string(state) + "/vorlesen/positions.tsv";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::string(home) + "/.local/state/vorlesen/positions.tsv";
  return {};
}

std::optional<ResumePoint> ResumeStore::find(const std::string& hash) const {
  for (const Entry& e : readEntries(path_)) {
    if (e.hash == hash) return e.point;
  }
  return std::nullopt;
}

void ResumeStore::save(const std::string& hash, ResumePoint point, const std::string& name) const {
  if (path_.empty()) return;
  std::vector<Entry> entries{Entry{hash, point, static_cast<long long>(std::time(nullptr)), name}};
  for (Entry& e : readEntries(path_)) {
    if (e.hash != hash) entries.push_back(std::move(e));
  }
  writeEntries(path_, entries);
}

void ResumeStore::forget(const std::string& hash) const {
  if (path_.empty()) return;
  std::vector<Entry> entries = readEntries(path_);
  const std::size_t before = entries.size();
  entries.erase(std::remove_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.hash == hash; }),
                entries.end());
  if (entries.size() != before) writeEntries(path_, entries);
}

}  // namespace vorlesen::ui
