// `vorlesen config --print`: the effective settings and where each came from; `--path`: the config file.
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/app.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"

namespace vorlesen::cli {

namespace {

struct ConfigOptions {
  bool print = false;
  bool path = false;
  VoiceOptions voice;
};

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

template <class T>
void line(const char* key, const Setting<T>& s, const std::string& preset) {
  std::ostringstream value;
  if constexpr (std::is_same_v<T, std::string>) {
    value << quoted(s.value);
  } else if constexpr (std::is_same_v<T, bool>) {
    value << (s.value ? "true" : "false");
  } else {
    value << s.value;
  }
  std::string from = tr(sourceName(s.source));
  if (s.source == SettingSource::Preset) from += " " + preset;
  std::cout << std::left << std::setw(34) << (std::string(key) + " = " + value.str()) << "# " << from << '\n';
}

// [style] and one inline table per block kind (styles.tsv < config file; only `enabled` names its source).
void printStyles(const Settings& s) {
  std::cout << "[style]\n";
  line("enabled", s.styles, s.preset);
  line("list_numbers", s.list_numbers, s.preset);
  line("quote_words", s.quote_words, s.preset);
  for (std::size_t k = 0; k < kBlockKinds; ++k) {
    const BlockStyle& b = s.block_styles[k];
    std::cout << styleName(static_cast<BlockKind>(k)) << " = { pitch_offset = " << b.pitch_offset
              << ", rate_percent = " << b.rate_percent << ", variant = " << quoted(b.variant)
              << ", pause_before_ms = " << b.pause_before_ms << ", pause_after_ms = " << b.pause_after_ms
              << " }  # -1: the paragraph pause\n";
  }
}

int printSettings(const ConfigOptions& opt) {
  const Settings s = resolveSettings(opt.voice);
  // The lines are TOML with comments: only the comments are translated.
  std::cout << "# " << tr("effective settings: default < preset < config file < command line") << '\n'
            << "# "
            << (s.config_path.empty() ? std::string(tr("config file: (no $XDG_CONFIG_HOME or $HOME)"))
                : s.config_exists     ? format(tr("config file: {}"), s.config_path)
                                      : format(tr("config file: {} (not found)"), s.config_path))
            << '\n';
  line("voice", s.voice, s.preset);
  if (!s.preset.empty()) {
    std::cout << "# " << format(tr("preset {} speaks with eSpeak voice {}"), s.preset, s.espeak_voice) << '\n';
  }
  line("rate", s.rate, s.preset);
  line("pitch", s.pitch, s.preset);
  line("volume", s.volume, s.preset);
  line("device", s.device, s.preset);
  line("theme", s.theme, s.preset);
  line("sentence_pause_ms", s.sentence_pause_ms, s.preset);
  line("paragraph_pause_ms", s.paragraph_pause_ms, s.preset);
  line("announce", s.announce, s.preset);
  printStyles(s);
  for (const std::string& lex : s.lexicons) std::cout << "# " << format(tr("lexicon: {}"), lex) << '\n';
  return kExitOk;
}

}  // namespace

Command addConfigCommand(CLI::App& app) {
  auto opt = std::make_shared<ConfigOptions>();
  CLI::App* sub = app.add_subcommand("config", tr("show the settings in effect and where each came from (same as --print)"));
  sub->add_flag("--print", opt->print, tr("print the effective settings and where each came from"));
  sub->add_flag("--path", opt->path, tr("print the config file's path"));
  addVoiceOptions(*sub, opt->voice);
  return Command{sub, [opt] {
                   if (opt->path) {
                     std::cout << configFilePath("config.toml") << '\n';
                     if (!opt->print) return kExitOk;
                   }
                   return printSettings(*opt);
                 }};
}

}  // namespace vorlesen::cli
