#include "vorlesen/language_data.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/executable.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"

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
      throw Error::data(format(tr("{}:{}: expected {} TAB-separated fields, found {}"), path, line_no, min_fields,
                               row.fields.size()));
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
  for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != ".tsv") continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) throw Error::data(format(tr("{}: cannot read language data file"), it->path().string()));
    std::ostringstream buf;
    buf << in.rdbuf();
    data.tables_.emplace(it->path().stem().string(), parseTsv(buf.str(), it->path().string()));
  }
  if (ec) throw Error::data(format(tr("{}: cannot read language data: {}"), dir, ec.message()));
  return data;
}

const LanguageData& LanguageData::german() {
  // Not destroyed at exit (see lifetime.h).
  static const LanguageData* const data = new LanguageData(load(dataDirectory() + "/de"));
  return *data;
}

const TsvTable* LanguageData::find(std::string_view name) const {
  const auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

const TsvTable& LanguageData::table(std::string_view name) const {
  if (const TsvTable* t = find(name)) return *t;
  throw Error::data(format(tr("{}/{}.tsv: language data file missing"), dir_, name));
}

namespace {

// Why `dir` cannot serve as the data directory, or "" when it can: it must hold a de/ folder that
// this user may list and read. Nothing here throws: a folder we may not enter is one more reason.
std::string unusableReason(const std::string& dir) {
  const std::string de = dir + "/de";
  std::error_code ec;
  if (!fs::is_directory(de, ec)) return ec ? ec.message() : tr("not a directory");
  if (::access(de.c_str(), R_OK | X_OK) != 0) return std::error_code(errno, std::generic_category()).message();
  return {};
}

}  // namespace

std::string dataDirectory() {
  if (const char* env = std::getenv("VORLESEN_DATA_DIR"); env && *env) {
    // An explicit setting is never second-guessed.
    std::error_code ec;
    if (!fs::is_directory(env, ec)) {
      throw Error::data(format(tr("VORLESEN_DATA_DIR={}: not a usable directory: {}"), env,
                               ec ? ec.message() : tr("not a directory")));
    }
    return env;
  }
  std::vector<std::string> candidates;
  const std::string exe_dir = executableDirectory();
  if (!exe_dir.empty()) candidates.push_back(exe_dir + "/" VORLESEN_RELATIVE_DATA_DIR);
  candidates.push_back(VORLESEN_INSTALL_DATA_DIR);
#ifdef VORLESEN_SOURCE_DATA_DIR
  candidates.push_back(VORLESEN_SOURCE_DATA_DIR);
#endif
  std::string tried;
  for (const auto& c : candidates) {
    const std::string reason = unusableReason(c);
    if (reason.empty()) {
      std::error_code ec;
      const fs::path canonical = fs::weakly_canonical(c, ec);
      return ec ? c : canonical.string();
    }
    tried += (tried.empty() ? "" : ", ") + c + " (" + reason + ")";
  }
  throw Error::data(format(tr("cannot find vorlesen's language data; tried {}; set VORLESEN_DATA_DIR"), tried));
}

}  // namespace vorlesen
