// Test helper for article extraction: a document against its golden file ("kind<TAB>text" per
// block, '#' comments), and all its blocks as one string.
#pragma once

#include <catch2/catch.hpp>

#include "read_file.h"

#include <string>

#include "vorlesen/document.h"
#include "vorlesen/extract.h"
#include "vorlesen/language_data.h"

namespace vorlesen {

inline std::string joinedBlocks(const Document& doc) {
  std::string out;
  for (const Block& b : doc.blocks) out += std::string(doc.slice(b.span)) + "\n";
  return out;
}

inline void checkGolden(const Document& doc, const std::string& golden_path) {
  const TsvTable golden = parseTsv(readFile(golden_path), golden_path, 2);
  REQUIRE(doc.blocks.size() == golden.rows.size());
  for (std::size_t i = 0; i < golden.rows.size(); ++i) {
    INFO(golden_path << ":" << golden.rows[i].line);
    CHECK(blockKindName(doc.blocks[i].kind) == golden.rows[i].fields[0]);
    CHECK(std::string(doc.slice(doc.blocks[i].span)) == golden.rows[i].fields[1]);
  }
}

}  // namespace vorlesen
