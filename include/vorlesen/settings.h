// vorlesen — personal settings: voice presets and the config file, resolved before any stage runs.
//
//   defaults < voice preset < config file < command line --resolveSettings()--> Settings
//                                                     (VoiceParams, Pauses, device, theme, lexicons)
//
// The config file is $XDG_CONFIG_HOME/vorlesen/config.toml (default ~/.config/vorlesen/config.toml),
// TOML, keys as in docs/vorlesen.1 (voice, rate, pitch, volume, device, theme, sentence_pause_ms,
// paragraph_pause_ms, announce, and the tables [style] and [style.KIND] of style.h). A preset (voices/de/presets.tsv) named by `voice` supplies the eSpeak voice and
// the rate, pitch and pauses that the config file and command line leave unset. Every value remembers
// where it came from, for `vorlesen config --print`. A syntax error or a bad value is an Error::data
// naming FILE:LINE; an unknown key is a warning. Everything here is a plain value; the functions are
// thread-safe (they read only the files and environment they are given).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vorlesen/style.h"
#include "vorlesen/voice.h"

namespace vorlesen {

class LanguageData;

enum class SettingSource { Default, Preset, ConfigFile, CommandLine };
const char* sourceName(SettingSource source);  // "default", "preset", "config file", "command line"

template <class T>
struct Setting {
  T value;
  SettingSource source = SettingSource::Default;
};

struct VoicePreset {
  std::string name;         // what --voice accepts, e.g. "frau"
  std::string voice;        // eSpeak voice and variant, e.g. "de+f2"
  int rate = 175;
  int pitch = 50;
  int paragraph_pause_ms = 600;
  int sentence_pause_ms = 250;
  std::string description;  // optional last column
};

// The presets of voices/de/presets.tsv; Error::data naming FILE:LINE for a malformed row.
std::vector<VoicePreset> loadPresets(const LanguageData& data);

// One row of voices/de/styles.tsv: how KIND sounds with PRESET ("*": every voice).
struct StyleRow {
  std::string preset;
  BlockKind kind = BlockKind::Paragraph;
  BlockStyle style;
};

// The rows of voices/de/styles.tsv; Error::data naming FILE:LINE for a malformed row.
std::vector<StyleRow> loadStyleRows(const LanguageData& data);

// A [style.KIND] table of config.toml: only the keys it sets.
struct BlockStyleValues {
  std::optional<int> pitch_offset, rate_percent, pause_before_ms, pause_after_ms;
  std::optional<std::string> variant;
};

// Values set at one level; unset ones leave the lower level's value.
struct SettingValues {
  std::optional<std::string> voice;
  std::optional<int> rate, pitch, volume;
  std::optional<std::string> device, theme;
  std::optional<int> sentence_pause_ms, paragraph_pause_ms;
  std::vector<std::string> lexicons;  // command line only: --lexicon FILE, in order
  // Structure by voice: [style] enabled (--plain-style: false), list_numbers, quote_words, and
  // the [style.KIND] tables; `announce` (--announce): spoken confirmations in play.
  std::optional<bool> styles, list_numbers, quote_words, announce;
  std::array<BlockStyleValues, kBlockKinds> block_styles;
};

struct ConfigFile {
  std::string path;
  bool exists = false;
  SettingValues values;
  std::vector<std::string> warnings;  // "FILE:LINE: unknown key 'x' ..."
};

// $XDG_CONFIG_HOME/vorlesen, else $HOME/.config/vorlesen; empty when neither is set.
std::string configDirectory();
// The file `name` ("config.toml", "lexicon.tsv") in the config directory; empty when there is none.
std::string configFilePath(const std::string& name);
// The lexicons to load, in order: the user's lexicon.tsv in the config directory when it exists,
// then `extra` (the --lexicon files).
std::vector<std::string> lexiconFiles(const std::vector<std::string>& extra);
// Reads a TOML config file; a missing file is not an error (exists = false).
ConfigFile loadConfigFile(const std::string& path);
// The config file's text, read as loadConfigFile() does; `path` names it in messages.
ConfigFile parseConfig(std::string_view text, const std::string& path);

struct Settings {
  Setting<std::string> voice{"de"};  // a preset name or an eSpeak voice, as the user wrote it
  Setting<int> rate{175};
  Setting<int> pitch{50};
  Setting<int> volume{100};
  Setting<std::string> device{""};  // PortAudio output device name; empty: the default device
  Setting<std::string> theme{"default"};
  Setting<int> sentence_pause_ms{250};
  Setting<int> paragraph_pause_ms{600};
  std::string espeak_voice = "de";  // the preset's voice, or `voice` itself
  std::string preset;               // the preset `voice` named, if any
  std::vector<std::string> lexicons;  // user lexicon (if it exists), then --lexicon files
  Setting<bool> styles{true};
  Setting<bool> list_numbers{true};
  Setting<bool> quote_words{false};
  Setting<bool> announce{false};
  std::array<BlockStyle, kBlockKinds> block_styles{};  // styles.tsv (* then the preset's), then config
  std::string config_path;
  bool config_exists = false;

  VoiceParams voiceParams() const;
  Pauses pauses() const;
  // The speech style these settings ask for, speaking `words` (loadSpokenWords()).
  SpeechStyle speechStyle(std::shared_ptr<const SpokenWords> words) const;
};

Settings resolveSettings(const std::vector<VoicePreset>& presets, const ConfigFile& config,
                         const SettingValues& command_line, const std::vector<StyleRow>& styles = {});

}  // namespace vorlesen
