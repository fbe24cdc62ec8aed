// The speech options every speaking command shares, and turning them plus the config file into Settings.
#include <iostream>

#include "cli/app.h"
#include "common/lifetime.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"

namespace vorlesen::cli {

void addVoiceOptions(CLI::App& sub, VoiceOptions& o) {
  o.voice_opt = sub.add_option("-v,--voice", o.voice,
                               tr("voice preset (e.g. frau, mann) or eSpeak NG voice, optionally +variant "
                               "(see 'vorlesen voices'); default: de or the config file's"));
  o.rate_opt = sub.add_option("-s,--rate", o.rate, tr("speaking rate in words per minute (default 175)"))
                   ->check(CLI::Range(kRateRange.min, kRateRange.max));
  o.pitch_opt = sub.add_option("-p,--pitch", o.pitch, tr("pitch (default 50)"))
                    ->check(CLI::Range(kPitchRange.min, kPitchRange.max));
  o.volume_opt = sub.add_option("-a,--volume", o.volume, tr("volume (amplitude; above 100 may clip; default 100)"))
                     ->check(CLI::Range(kVolumeRange.min, kVolumeRange.max));
  o.sentence_pause_opt = sub.add_option("--sentence-pause", o.sentence_pause_ms,
                                        tr("silence after a sentence, in milliseconds (default 250)"))
                             ->check(CLI::Range(kPauseRange.min, kPauseRange.max));
  o.paragraph_pause_opt = sub.add_option("--paragraph-pause", o.paragraph_pause_ms,
                                         tr("silence after a paragraph, in milliseconds (default 600)"))
                              ->check(CLI::Range(kPauseRange.min, kPauseRange.max));
  o.plain_style_opt = sub.add_flag("--plain-style", o.plain_style,
                                   tr("read every block as a paragraph: no structure by voice (headings, lists, "
                                      "quotes sound like the text around them)"));
  sub.add_option("--lexicon", o.lexicons,
                 tr("pronunciation lexicon (TSV, format in voices/de/lexicon.tsv); repeatable, later ones win"))
      ->type_name("FILE")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

namespace {

template <class T>
void ifGiven(std::optional<T>& target, const CLI::Option* opt, const T& value) {
  if (opt && opt->count() > 0) target = value;
}

}  // namespace

Settings resolveSettings(const VoiceOptions& o) {
  SettingValues given;
  ifGiven(given.voice, o.voice_opt, o.voice);
  ifGiven(given.rate, o.rate_opt, o.rate);
  ifGiven(given.pitch, o.pitch_opt, o.pitch);
  ifGiven(given.volume, o.volume_opt, o.volume);
  ifGiven(given.sentence_pause_ms, o.sentence_pause_opt, o.sentence_pause_ms);
  ifGiven(given.paragraph_pause_ms, o.paragraph_pause_opt, o.paragraph_pause_ms);
  if (o.plain_style_opt && o.plain_style_opt->count() > 0) given.styles = false;
  given.lexicons = o.lexicons;
  const ConfigFile config = loadConfigFile(configFilePath("config.toml"));
  for (const std::string& w : config.warnings) warn(w);
  const LanguageData& data = LanguageData::german();
  return vorlesen::resolveSettings(loadPresets(data), config, given, loadStyleRows(data));
}

std::shared_ptr<const Pipeline> pipelineFor(const Settings& settings) {
  std::vector<Lexicon> lexicons;
  for (const std::string& path : settings.lexicons) lexicons.push_back(Lexicon::load(path));
  // Kept to the end of the process: not taken apart at exit (see lifetime.h).
  auto pipeline =
      keepUntilExit(std::make_shared<const Pipeline>(LanguageData::german(), std::move(lexicons), espeakHasLanguage));
  for (const std::string& w : pipeline->pronouncer().warnings()) warn(w);
  return pipeline;
}

}  // namespace vorlesen::cli
