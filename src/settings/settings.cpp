#include "vorlesen/settings.h"

#include <toml++/toml.h>

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
  SettingValues& v = config.values;
  for (const auto& entry : table) {
    // (not a structured binding: C++17 lambdas cannot capture one, and clang says so)
    const toml::key& key = entry.first;
    const toml::node& node = entry.second;
    const std::string where = path + ":" + std::to_string(node.source().begin.line);
    const auto integer = [&](const Range& range) {
      const auto n = node.value_exact<std::int64_t>();
      if (!n || *n < range.limits.min || *n > range.limits.max) {
        throw Error::data(format(tr("{}: {} must be a whole number from {} to {}"), where, range.key,
                                 range.limits.min, range.limits.max));
      }
      return static_cast<int>(*n);
    };
    const auto text = [&](const char* name) {
      const auto s = node.value_exact<std::string>();
      if (!s) throw Error::data(format(tr("{}: {} must be a quoted string"), where, name));
      return *s;
    };
    const std::string_view k = key.str();
    if (k == "voice") v.voice = text("voice");
    else if (k == kRate.key) v.rate = integer(kRate);
    else if (k == kPitch.key) v.pitch = integer(kPitch);
    else if (k == kVolume.key) v.volume = integer(kVolume);
    else if (k == "device") v.device = text("device");
    else if (k == "theme") v.theme = text("theme");
    else if (k == kSentencePause.key) v.sentence_pause_ms = integer(kSentencePause);
    else if (k == kParagraphPause.key) v.paragraph_pause_ms = integer(kParagraphPause);
    else {
      config.warnings.push_back(format(tr("{}: unknown key '{}' ignored (known: voice, rate, pitch, volume, device, "
                                          "theme, sentence_pause_ms, paragraph_pause_ms)"),
                                       where, k));
    }
  }
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
}

}  // namespace

Settings resolveSettings(const std::vector<VoicePreset>& presets, const ConfigFile& config,
                         const SettingValues& command_line) {
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

}  // namespace vorlesen
