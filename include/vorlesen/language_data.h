// vorlesen — German language knowledge, loaded from files under voices/<lang>/.
//
// Code holds mechanisms; words live in data files (abbreviations.tsv, units.tsv, months.tsv, ...).
// LanguageData reads every `*.tsv` of a language folder once, at start-up, into immutable tables;
// after loading it is read-only and safe to share between threads.
//
// TSV format (all files): UTF-8, one record per line, fields separated by a TAB, `#` starts a comment
// line, blank lines are ignored. A malformed line is an Error::data naming the file and line number.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vorlesen {

struct TsvRow {
  std::size_t line = 0;             // 1-based line in the file, for messages
  std::vector<std::string> fields;  // at least one
};

struct TsvTable {
  std::string path;
  std::vector<TsvRow> rows;
};

// Parses TSV text. `min_fields` rows shorter than that are an Error::data naming path:line.
TsvTable parseTsv(std::string_view text, const std::string& path, std::size_t min_fields = 1);

class LanguageData {
 public:
  // Loads every *.tsv in `dir` (e.g. ".../voices/de"). Throws Error::data when `dir` is unreadable.
  static LanguageData load(const std::string& dir);
  // The German data that ships with vorlesen (found via dataDirectory()).
  static const LanguageData& german();

  // The table "name" (file name without .tsv), or nullptr.
  const TsvTable* find(std::string_view name) const;
  // Like find() but throws Error::data when the table is missing.
  const TsvTable& table(std::string_view name) const;
  const std::string& directory() const { return dir_; }

 private:
  std::string dir_;
  std::map<std::string, TsvTable, std::less<>> tables_;
};

// Where voices/ lives: $VORLESEN_DATA_DIR, else next to the installed binary
// (<prefix>/share/vorlesen/voices), else the configured install prefix, else the source tree the
// binary was built from. Throws Error::data listing the places tried when none exists.
std::string dataDirectory();

}  // namespace vorlesen
