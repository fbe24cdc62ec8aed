// Test helper: documents with blocks of given kinds, and the German speech style as shipped.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "vorlesen/document.h"
#include "vorlesen/language_data.h"
#include "vorlesen/settings.h"
#include "vorlesen/style.h"

namespace vorlesen::testing {

// A document of the given blocks, separated by blank lines.
inline Document structuredDocument(const std::vector<std::pair<BlockKind, std::string>>& parts) {
  Document doc;
  doc.name = "test";
  for (const auto& [kind, text] : parts) {
    if (!doc.text.empty()) doc.text += "\n\n";
    const std::size_t begin = doc.text.size();
    doc.text += text;
    doc.blocks.push_back(Block{kind, Span{begin, doc.text.size()}});
  }
  return doc;
}

// The style of voices/de/styles.tsv for the default voice, speaking voices/de/spoken_words.tsv.
inline SpeechStyle germanStyle() {
  const LanguageData& data = LanguageData::german();
  const Settings s = resolveSettings({}, ConfigFile{}, SettingValues{}, loadStyleRows(data));
  return s.speechStyle(std::make_shared<const SpokenWords>(loadSpokenWords(data)));
}

}  // namespace vorlesen::testing
