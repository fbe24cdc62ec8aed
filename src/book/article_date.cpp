// articleDate(): the date a byline names, for a book's metadata. Month names come from
// voices/de/months.tsv (number, name, other written forms), so the code knows only the shapes:
// "08.02.2025", "8. Februar 2025", "8. Feb. 2025", "2025-02-08".
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "vorlesen/book.h"
#include "vorlesen/language_data.h"
#include "vorlesen/text.h"

namespace vorlesen {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_digits digits at `i`; -1 (and `i` unchanged) when there are none or too many.
int number(std::string_view s, std::size_t& i, std::size_t min_digits, std::size_t max_digits) {
  std::size_t end = i;
  while (end < s.size() && isDigit(s[end])) ++end;
  if (end - i < min_digits || end - i > max_digits) return -1;
  int value = 0;
  for (std::size_t k = i; k < end; ++k) value = value * 10 + (s[k] - '0');
  i = end;
  return value;
}

bool skip(std::string_view s, std::size_t& i, char c) {
  if (i < s.size() && s[i] == c) {
    ++i;
    return true;
  }
  return false;
}

void skipSpaces(std::string_view s, std::size_t& i) {
  while (i < s.size() && s[i] == ' ') ++i;
}

// The month a written name or abbreviation stands for (1..12), or 0.
int monthByName(std::string_view word) {
  const TsvTable* months = LanguageData::german().find("months");
  if (!months) return 0;
  const std::string folded = lowerAscii(word);
  for (const TsvRow& row : months->rows) {
    if (row.fields.size() < 2) continue;
    std::string forms = row.fields[1] + (row.fields.size() > 2 ? "," + row.fields[2] : std::string());
    std::size_t begin = 0;
    while (begin <= forms.size()) {
      std::size_t end = forms.find(',', begin);
      if (end == std::string::npos) end = forms.size();
      if (lowerAscii(std::string_view(forms).substr(begin, end - begin)) == folded) return std::atoi(row.fields[0].c_str());
      begin = end + 1;
    }
  }
  return 0;
}

// A date starting at `i`, as {year, month, day}; year 0 when there is none.
struct Ymd {
  int year = 0, month = 0, day = 0;
};

Ymd dateAt(std::string_view s, std::size_t i) {
  std::size_t k = i;
  // 2025-02-08
  if (const int y = number(s, k, 4, 4); y > 0 && skip(s, k, '-')) {
    const int m = number(s, k, 2, 2);
    if (m > 0 && skip(s, k, '-')) return Ymd{y, m, number(s, k, 2, 2)};
    return {};
  }
  k = i;
  const int d = number(s, k, 1, 2);
  if (d < 0 || !skip(s, k, '.')) return {};
  skipSpaces(s, k);
  // 08.02.2025
  if (const int m = number(s, k, 1, 2); m > 0) {
    if (!skip(s, k, '.')) return {};
    skipSpaces(s, k);
    return Ymd{number(s, k, 4, 4), m, d};
  }
  // 8. Februar 2025, 8. Feb. 2025
  std::size_t end = k;
  while (end < s.size() && s[end] != ' ' && !isDigit(s[end])) ++end;
  const int m = monthByName(s.substr(k, end - k));
  k = end;
  skipSpaces(s, k);
  return m > 0 ? Ymd{number(s, k, 4, 4), m, d} : Ymd{};
}

}  // namespace

std::string articleDate(const Document& doc) {
  for (const Block& b : doc.blocks) {
    if (b.kind != BlockKind::Byline) continue;
    const std::string line = collapseWhiteSpace(doc.slice(b.span));
    for (std::size_t i = 0; i < line.size(); ++i) {
      // A date starts at a number that does not continue another one.
      if (!isDigit(line[i]) || (i > 0 && (isDigit(line[i - 1]) || line[i - 1] == '.'))) continue;
      const Ymd date = dateAt(line, i);
      if (date.year >= 1900 && date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
        return buf;
      }
    }
  }
  return {};
}

}  // namespace vorlesen
