#include "vorlesen/language_data.h"

#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "vorlesen/error.h"

namespace fs = std::filesystem;

namespace vorlesen {

TsvTable parseTsv(std::string_view text, const std::string& path, std::size_t min_fields) {
  TsvTable table;
  table.path = path;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    TsvRow row;
    row.line = line_no;
    std::size_t start = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', start);
      row.fields.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (row.fields.size() < min_fields) {
      throw Error::data(path + ":" + std::to_string(line_no) + ": expected " + std::to_string(min_fields) +
                        " TAB-separated fields, found " + std::to_string(row.fields.size()));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

LanguageData LanguageData::load(const std::string& dir) {
  LanguageData data;
  data.dir_ = dir;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) throw Error::data(dir + ": cannot read language data: " + ec.message());
  for (const auto& entry : it) {
    if (entry.path().extension() != ".tsv") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    if (!in) throw Error::data(entry.path().string() + ": cannot read language data file");
    std::ostringstream buf;
    buf << in.rdbuf();
    data.tables_.emplace(entry.path().stem().string(), parseTsv(buf.str(), entry.path().string()));
  }
  return data;
}

const LanguageData& LanguageData::german() {
  static const LanguageData data = load(dataDirectory() + "/de");
  return data;
}

const TsvTable* LanguageData::find(std::string_view name) const {
  const auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

const TsvTable& LanguageData::table(std::string_view name) const {
  if (const TsvTable* t = find(name)) return *t;
  throw Error::data(dir_ + "/" + std::string(name) + ".tsv: language data file missing");
}

namespace {

std::string executableDirectory() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  buf[n] = '\0';
  return fs::path(buf).parent_path().string();
}

}  // namespace

std::string dataDirectory() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("VORLESEN_DATA_DIR"); env && *env) {
    // An explicit setting is never second-guessed.
    if (fs::is_directory(env)) return env;
    throw Error::data(std::string("VORLESEN_DATA_DIR=") + env + ": not a directory");
  }
  const std::string exe_dir = executableDirectory();
  if (!exe_dir.empty()) candidates.push_back(exe_dir + "/" VORLESEN_RELATIVE_DATA_DIR);
  candidates.push_back(VORLESEN_INSTALL_DATA_DIR);
  candidates.push_back(VORLESEN_SOURCE_DATA_DIR);
  for (const auto& c : candidates) {
    if (fs::is_directory(c + "/de")) return fs::weakly_canonical(c).string();
  }
  std::string tried;
  for (const auto& c : candidates) tried += (tried.empty() ? "" : ", ") + c;
  throw Error::data("cannot find vorlesen's language data (tried " + tried + "); set VORLESEN_DATA_DIR");
}

}  // namespace vorlesen
