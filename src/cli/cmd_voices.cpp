// `vorlesen voices`: vorlesen's voice presets, the German voices eSpeak NG offers and the variants
// usable with "+".
#include <iomanip>
#include <iostream>

#include "cli/app.h"
#include "vorlesen/language_data.h"

namespace vorlesen::cli {

Command addVoicesCommand(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("voices", "list the German voices available");
  return Command{sub, [] {
                   std::cout << std::left << std::setw(10) << "PRESET" << std::setw(8) << "VOICE" << std::setw(6)
                             << "RATE" << std::setw(7) << "PITCH" << std::setw(14) << "PAUSES (MS)" << "DESCRIPTION\n";
                   for (const VoicePreset& p : loadPresets(LanguageData::german())) {
                     std::cout << std::setw(10) << p.name << std::setw(8) << p.voice << std::setw(6) << p.rate
                               << std::setw(7) << p.pitch << std::setw(14)
                               << (std::to_string(p.paragraph_pause_ms) + "/" + std::to_string(p.sentence_pause_ms))
                               << p.description << '\n';
                   }
                   std::cout << "(pauses: after a paragraph / after a sentence)\n\n";
                   EspeakSynthesizer synth;
                   const auto voices = synth.germanVoices();
                   std::cout << std::left << std::setw(12) << "VOICE" << std::setw(10) << "LANGUAGE"
                             << "ESPEAK FILE\n";
                   for (const auto& v : voices) {
                     std::cout << std::setw(12) << v.name << std::setw(10) << v.language << v.identifier << '\n';
                   }
                   std::cout << "\nVariants (append to a voice, e.g. de+f2):";
                   for (const auto& variant : synth.variants()) std::cout << ' ' << variant;
                   std::cout << "\n\nLanguage data: " << dataDirectory() << '\n';
                   return 0;
                 }};
}

}  // namespace vorlesen::cli
