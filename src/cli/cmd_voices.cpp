// `vorlesen voices`: vorlesen's voice presets, the German voices eSpeak NG offers and the variants
// usable with "+".
#include <iomanip>
#include <iostream>

#include "cli/app.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"

namespace vorlesen::cli {

Command addVoicesCommand(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("voices", tr("list the German voices available"));
  return Command{sub, [] {
                   // TRANSLATORS: column headings of `vorlesen voices`.
                   std::cout << std::left << column(tr("PRESET"), 10) << column(tr("VOICE"), 8) << column(tr("RATE"), 6)
                             << column(tr("PITCH"), 7) << column(tr("PAUSES (MS)"), 14) << tr("DESCRIPTION") << '\n';
                   for (const VoicePreset& p : loadPresets(LanguageData::german())) {
                     std::cout << std::setw(10) << p.name << std::setw(8) << p.voice << std::setw(6) << p.rate
                               << std::setw(7) << p.pitch << std::setw(14)
                               << (std::to_string(p.paragraph_pause_ms) + "/" + std::to_string(p.sentence_pause_ms))
                               << p.description << '\n';
                   }
                   std::cout << tr("(pauses: after a paragraph / after a sentence)") << "\n\n";
                   EspeakSynthesizer synth;
                   const auto voices = synth.germanVoices();
                   std::cout << column(tr("VOICE"), 12) << column(tr("LANGUAGE"), 10) << tr("ESPEAK FILE") << '\n';
                   for (const auto& v : voices) {
                     std::cout << std::setw(12) << v.name << std::setw(10) << v.language << v.identifier << '\n';
                   }
                   std::cout << '\n' << tr("Variants (append to a voice, e.g. de+f2):");
                   for (const auto& variant : synth.variants()) std::cout << ' ' << variant;
                   std::cout << "\n\n" << format(tr("Language data: {}"), dataDirectory()) << '\n';
                   return 0;
                 }};
}

}  // namespace vorlesen::cli
