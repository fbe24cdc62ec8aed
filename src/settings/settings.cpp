#include "vorlesen/settings.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"
#include "vorlesen/text.h"

namespace vorlesen {

const char* sourceName(SettingSource source) {
  switch (source) {
    // TRANSLATORS: where a setting came from (vorlesen config --print).
    case SettingSource::Default: return N_("default");
    case SettingSource::Preset: return N_("preset");
    case SettingSource::ConfigFile: return N_("config file");
    case SettingSource::CommandLine: return N_("command line");
  }
  return "?";
}

namespace {

struct Range {
  const char* key;
  ValueRange limits;
};
constexpr Range kRate{"rate", kRateRange};
constexpr Range kPitch{"pitch", kPitchRange};
constexpr Range kVolume{"volume", kVolumeRange};
constexpr Range kSentencePause{"sentence_pause_ms", kPauseRange};
constexpr Range kParagraphPause{"paragraph_pause_ms", kPauseRange};

int parseInt(const std::string& s, const Range& range, const std::string& where) {
  char* end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || v < range.limits.min || v > range.limits.max) {
    throw Error::data(format(tr("{}: {} must be a whole number from {} to {}, not '{}'"), where, range.key,
                             range.limits.min, range.limits.max, s));
  }
  return static_cast<int>(v);
}

}  // namespace

std::vector<VoicePreset> loadPresets(const LanguageData& data) {
  std::vector<VoicePreset> out;
  const TsvTable* table = data.find("presets");
  if (!table) return out;
  for (const TsvRow& row : table->rows) {
    const std::string where = table->path + ":" + std::to_string(row.line);
    if (row.fields.size() < 6 || row.fields.size() > 7) {
      throw Error::data(where + ": expected NAME, VOICE, RATE, PITCH, PARAGRAPH_MS, SENTENCE_MS[, DESCRIPTION]");
    }
    VoicePreset p;
    p.name = row.fields[0];
    p.voice = row.fields[1];
    p.rate = parseInt(row.fields[2], kRate, where);
    p.pitch = parseInt(row.fields[3], kPitch, where);
    p.paragraph_pause_ms = parseInt(row.fields[4], kParagraphPause, where);
    p.sentence_pause_ms = parseInt(row.fields[5], kSentencePause, where);
    if (row.fields.size() == 7) p.description = row.fields[6];
    out.push_back(std::move(p));
  }
  return out;
}

namespace {

constexpr Range kPitchOffset{"pitch_offset", kPitchOffsetRange};
constexpr Range kRatePercent{"rate_percent", kRatePercentRange};
constexpr Range kPauseBefore{"pause_before_ms", kPauseRange};
constexpr Range kPauseAfter{"pause_after_ms", kPauseRange};

// A pause column of styles.tsv: "-" is the paragraph pause (-1).
int parsePause(const std::string& s, const Range& range, const std::string& where) {
  return s == "-" ? -1 : parseInt(s, range, where);
}

// An eSpeak NG variant name: letters, digits and "_" (eSpeak would silently ignore anything else).
bool isVariantName(std::string_view name) {
  return !name.empty() && name.size() <= 40 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

std::vector<StyleRow> loadStyleRows(const LanguageData& data) {
  std::vector<StyleRow> out;
  const TsvTable* table = data.find("styles");
  if (!table) return out;
  for (const TsvRow& row : table->rows) {
    const std::string where = table->path + ":" + std::to_string(row.line);
    const std::vector<std::string>& f = row.fields;
    StyleRow r;
    if (f.size() != 7 || !blockKindByName(f[1], r.kind)) {
      throw Error::data(format(tr("{}: expected PRESET, KIND (title, byline, heading, paragraph, list, quote), "
                                  "PITCH OFFSET, RATE %, VARIANT, PAUSE BEFORE and PAUSE AFTER"), where));
    }
    r.preset = f[0];
    r.style.pitch_offset = parseInt(f[2], kPitchOffset, where);
    r.style.rate_percent = parseInt(f[3], kRatePercent, where);
    if (f[4] != "-" && !isVariantName(f[4])) throw Error::data(format(tr("{}: '{}' is not a variant name"), where, f[4]));
    if (f[4] != "-") r.style.variant = f[4];
    r.style.pause_before_ms = parsePause(f[5], kPauseBefore, where);
    r.style.pause_after_ms = parsePause(f[6], kPauseAfter, where);
    out.push_back(std::move(r));
  }
  return out;
}

std::string configDirectory() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg == '/') return std::string(xdg) + "/vorlesen";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.config/vorlesen";
  return {};
}

std::string configFilePath(const std::string& name) {
  const std::string dir = configDirectory();
  return dir.empty() ? std::string() : dir + "/" + name;
}

std::vector<std::string> lexiconFiles(const std::vector<std::string>& extra) {
  std::vector<std::string> files;
  const std::string user = configFilePath("lexicon.tsv");
  std::error_code ec;
  if (!user.empty() && std::filesystem::is_regular_file(user, ec)) files.push_back(user);
  files.insert(files.end(), extra.begin(), extra.end());
  return files;
}

ConfigFile loadConfigFile(const std::string& path) {
  ConfigFile config;
  config.path = path;
  std::error_code ec;
  if (path.empty() || !std::filesystem::exists(path, ec)) return config;
  if (std::filesystem::is_directory(path, ec)) throw Error::data(format(tr("{}: is a directory, not a config file"), path));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error::fromErrno(ErrorKind::Data, path, N_("cannot open config file"), errno);
  std::ostringstream buf;
  buf << in.rdbuf();
  return parseConfig(buf.str(), path);
}

namespace {

// Reads the values of one TOML table into SettingValues; errors name FILE:LINE.
class ConfigReader {
 public:
  ConfigReader(ConfigFile& config) : config_(config), v_(config.values) {}

  void top(const toml::table& table) {
    for (const auto& entry : table) {
      const std::string_view k = entry.first.str();
      const toml::node& node = entry.second;
      if (k == "voice") v_.voice = text(node, "voice");
      else if (k == kRate.key) v_.rate = integer(node, kRate);
      else if (k == kPitch.key) v_.pitch = integer(node, kPitch);
      else if (k == kVolume.key) v_.volume = integer(node, kVolume);
      else if (k == "device") v_.device = text(node, "device");
      else if (k == "theme") v_.theme = text(node, "theme");
      else if (k == kSentencePause.key) v_.sentence_pause_ms = integer(node, kSentencePause);
      else if (k == kParagraphPause.key) v_.paragraph_pause_ms = integer(node, kParagraphPause);
      else if (k == "announce") v_.announce = boolean(node, "announce");
      else if (k == "style" && node.is_table()) style(*node.as_table());
      else unknown(node, k, "voice, rate, pitch, volume, device, theme, sentence_pause_ms, paragraph_pause_ms, announce, [style]");
    }
  }

 private:
  // [style]: enabled, list_numbers, quote_words, and a table per block kind.
  void style(const toml::table& table) {
    for (const auto& entry : table) {
      const std::string_view k = entry.first.str();
      const toml::node& node = entry.second;
      BlockKind kind;
      if (k == "enabled") v_.styles = boolean(node, "style.enabled");
      else if (k == "list_numbers") v_.list_numbers = boolean(node, "style.list_numbers");
      else if (k == "quote_words") v_.quote_words = boolean(node, "style.quote_words");
      else if (node.is_table() && blockKindByName(k, kind)) blockStyle(*node.as_table(), kind);
      else unknown(node, "style." + std::string(k), "enabled, list_numbers, quote_words, [style.title], [style.byline], "
                   "[style.heading], [style.paragraph], [style.list], [style.quote]");
    }
  }

  void blockStyle(const toml::table& table, BlockKind kind) {
    BlockStyleValues& b = v_.block_styles[static_cast<std::size_t>(kind)];
    const std::string prefix = std::string("style.") + styleName(kind) + ".";
    for (const auto& entry : table) {
      const std::string_view k = entry.first.str();
      const toml::node& node = entry.second;
      if (k == kPitchOffset.key) b.pitch_offset = integer(node, kPitchOffset, prefix);
      else if (k == kRatePercent.key) b.rate_percent = integer(node, kRatePercent, prefix);
      else if (k == kPauseBefore.key) b.pause_before_ms = integer(node, kPauseBefore, prefix);
      else if (k == kPauseAfter.key) b.pause_after_ms = integer(node, kPauseAfter, prefix);
      else if (k == "variant") b.variant = variant(node, prefix + "variant");
      else unknown(node, prefix + std::string(k), "pitch_offset, rate_percent, variant, pause_before_ms, pause_after_ms");
    }
  }

  std::string where(const toml::node& node) const {
    return config_.path + ":" + std::to_string(node.source().begin.line);
  }
  int integer(const toml::node& node, const Range& range, const std::string& prefix = "") const {
    const auto n = node.value_exact<std::int64_t>();
    if (!n || *n < range.limits.min || *n > range.limits.max) {
      throw Error::data(format(tr("{}: {} must be a whole number from {} to {}"), where(node), prefix + range.key,
                               range.limits.min, range.limits.max));
    }
    return static_cast<int>(*n);
  }
  std::string text(const toml::node& node, const std::string& name) const {
    const auto s = node.value_exact<std::string>();
    if (!s) throw Error::data(format(tr("{}: {} must be a quoted string"), where(node), name));
    return *s;
  }
  bool boolean(const toml::node& node, const std::string& name) const {
    const auto b = node.value_exact<bool>();
    if (!b) throw Error::data(format(tr("{}: {} must be true or false"), where(node), name));
    return *b;
  }
  // An empty string: the voice's own variant.
  std::string variant(const toml::node& node, const std::string& name) const {
    std::string s = text(node, name);
    if (!s.empty() && !isVariantName(s)) {
      throw Error::data(format(tr("{}: {} must be an eSpeak NG variant name such as \"m3\" (see vorlesen voices), not '{}'"),
                               where(node), name, s));
    }
    return s;
  }
  void unknown(const toml::node& node, std::string_view key, const char* known) {
    // TRANSLATORS: file:line, the key, then the keys known there (config file names, not translated).
    config_.warnings.push_back(format(tr("{}: unknown key '{}' ignored (known: {})"), where(node), key, known));
  }

  ConfigFile& config_;
  SettingValues& v_;
};

}  // namespace

ConfigFile parseConfig(std::string_view toml_text, const std::string& path) {
  ConfigFile config;
  config.path = path;
  config.exists = true;
  toml::table table;
  try {
    table = toml::parse(toml_text, path);
  } catch (const toml::parse_error& e) {
    // toml++ quotes what it saw, newline included ("saw 'n\n'"): an error is one line.
    throw Error::data(path + ":" + std::to_string(e.source().begin.line) + ": " + collapseWhiteSpace(e.description()));
  }
  ConfigReader(config).top(table);
  return config;
}

namespace {

template <class T>
void apply(Setting<T>& setting, const std::optional<T>& value, SettingSource source) {
  if (value) setting = Setting<T>{*value, source};
}

void applyAll(Settings& s, const SettingValues& v, SettingSource source) {
  apply(s.voice, v.voice, source);
  apply(s.rate, v.rate, source);
  apply(s.pitch, v.pitch, source);
  apply(s.volume, v.volume, source);
  apply(s.device, v.device, source);
  apply(s.theme, v.theme, source);
  apply(s.sentence_pause_ms, v.sentence_pause_ms, source);
  apply(s.paragraph_pause_ms, v.paragraph_pause_ms, source);
  apply(s.styles, v.styles, source);
  apply(s.list_numbers, v.list_numbers, source);
  apply(s.quote_words, v.quote_words, source);
  apply(s.announce, v.announce, source);
  for (std::size_t k = 0; k < kBlockKinds; ++k) {
    BlockStyle& b = s.block_styles[k];
    const BlockStyleValues& given = v.block_styles[k];
    b.pitch_offset = given.pitch_offset.value_or(b.pitch_offset);
    b.rate_percent = given.rate_percent.value_or(b.rate_percent);
    b.pause_before_ms = given.pause_before_ms.value_or(b.pause_before_ms);
    b.pause_after_ms = given.pause_after_ms.value_or(b.pause_after_ms);
    b.variant = given.variant.value_or(b.variant);
  }
}

// The styles.tsv rows for every voice ("*"), then those of `preset`.
void applyStyleRows(Settings& s, const std::vector<StyleRow>& rows, const std::string& preset) {
  for (const char* level : {"*", preset.c_str()}) {
    for (const StyleRow& r : rows) {
      if (r.preset == level) s.block_styles[static_cast<std::size_t>(r.kind)] = r.style;
    }
  }
}

}  // namespace

Settings resolveSettings(const std::vector<VoicePreset>& presets, const ConfigFile& config,
                         const SettingValues& command_line, const std::vector<StyleRow>& styles) {
  Settings s;
  s.config_path = config.path;
  s.config_exists = config.exists;
  // The voice decides the preset; the preset's values sit between the defaults and the config file.
  apply(s.voice, config.values.voice, SettingSource::ConfigFile);
  apply(s.voice, command_line.voice, SettingSource::CommandLine);
  s.espeak_voice = s.voice.value;
  for (const VoicePreset& p : presets) {
    if (p.name != s.voice.value) continue;
    s.preset = p.name;
    s.espeak_voice = p.voice;
    s.rate = {p.rate, SettingSource::Preset};
    s.pitch = {p.pitch, SettingSource::Preset};
    s.sentence_pause_ms = {p.sentence_pause_ms, SettingSource::Preset};
    s.paragraph_pause_ms = {p.paragraph_pause_ms, SettingSource::Preset};
  }
  applyStyleRows(s, styles, s.preset);
  applyAll(s, config.values, SettingSource::ConfigFile);
  applyAll(s, command_line, SettingSource::CommandLine);
  s.lexicons = lexiconFiles(command_line.lexicons);
  return s;
}

VoiceParams Settings::voiceParams() const {
  VoiceParams p;
  p.voice = espeak_voice;
  p.rate = rate.value;
  p.pitch = pitch.value;
  p.volume = volume.value;
  return p;
}

Pauses Settings::pauses() const {
  Pauses p;
  p.sentence_ms = sentence_pause_ms.value;
  p.paragraph_ms = paragraph_pause_ms.value;
  return p;
}

SpeechStyle Settings::speechStyle(std::shared_ptr<const SpokenWords> words) const {
  SpeechStyle style;
  style.enabled = styles.value;
  style.list_numbers = list_numbers.value;
  style.quote_words = quote_words.value;
  style.kinds = block_styles;
  style.words = std::move(words);
  return style;
}

}  // namespace vorlesen
