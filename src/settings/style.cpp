#include "vorlesen/style.h"

#include <algorithm>
#include <cstdlib>

#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"

namespace vorlesen {

namespace {

constexpr std::array<const char*, kBlockKinds> kStyleNames = {"title", "byline", "heading", "paragraph", "list", "quote"};

}  // namespace

const char* styleName(BlockKind kind) { return kStyleNames[static_cast<std::size_t>(kind)]; }

bool blockKindByName(std::string_view name, BlockKind& kind) {
  for (std::size_t i = 0; i < kBlockKinds; ++i) {
    if (name == kStyleNames[i]) {
      kind = static_cast<BlockKind>(i);
      return true;
    }
  }
  return false;
}

const std::string& SpokenWords::phrase(std::string_view key) const {
  static const std::string none;
  for (const auto& p : phrases) {
    if (p.first == key) return p.second;
  }
  return none;
}

SpokenWords loadSpokenWords(const LanguageData& data) {
  SpokenWords words;
  const TsvTable* table = data.find("spoken_words");
  if (!table) return words;
  for (const TsvRow& row : table->rows) {
    const std::string where = table->path + ":" + std::to_string(row.line);
    const std::string& key = row.fields[0];
    if (key == "list-number") {
      const std::size_t n = row.fields.size() == 3 ? std::strtoul(row.fields[1].c_str(), nullptr, 10) : 0;
      if (n != words.list_numbers.size() + 1 || row.fields[2].empty()) {
        throw Error::data(format(tr("{}: expected list-number, the next number ({}) and its word"), where,
                                 words.list_numbers.size() + 1));
      }
      words.list_numbers.push_back(row.fields[2]);
      continue;
    }
    if (row.fields.size() != 2 || row.fields[1].empty()) {
      throw Error::data(format(tr("{}: expected a key and the words to say, separated by a TAB"), where));
    }
    const std::string& text = row.fields[1];
    if (key == "quote-begin") words.quote_begin = text;
    else if (key == "quote-end") words.quote_end = text;
    else if (key == "byline-prefix") words.byline_prefix = text;
    else if (key == "byline-start") words.byline_starts.push_back(text);
    else words.phrases.emplace_back(key, text);
  }
  return words;
}

VoiceParams styledVoice(const VoiceParams& base, const SpeechStyle& style, BlockKind kind) {
  if (!style.enabled) return base;
  const BlockStyle& s = style.of(kind);
  VoiceParams v = base;
  v.pitch = kPitchRange.clamp(base.pitch + s.pitch_offset);
  v.rate = kRateRange.clamp(base.rate * s.rate_percent / 100);
  if (!s.variant.empty()) v.voice = base.voice.substr(0, base.voice.find('+')) + "+" + s.variant;
  return v;
}

int blockPauseMs(const SpeechStyle& style, const Pauses& pauses, BlockKind from, BlockKind to) {
  if (!style.enabled) return pauses.paragraph_ms;
  const auto ms = [&](int value) { return value < 0 ? pauses.paragraph_ms : value; };
  const int after = ms(style.of(from).pause_after_ms);
  return from == to ? after : std::max(after, ms(style.of(to).pause_before_ms));
}

}  // namespace vorlesen
