// `vorlesen devices`: the output devices `--device` accepts.
#include <iomanip>
#include <iostream>

#include "cli/app.h"
#include "vorlesen/audio_output.h"
#include "vorlesen/i18n.h"

namespace vorlesen::cli {

Command addDevicesCommand(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("devices", tr("list the audio output devices (for --device)"));
  // TRANSLATORS: column headings of `vorlesen devices`.
  return Command{sub, [] {
                   const std::vector<AudioDeviceInfo> devices = listAudioDevices();
                   std::cout << std::left << column(tr("INDEX"), 7) << column(tr("NAME"), 42) << tr("HOST API") << '\n';
                   for (const auto& d : devices) {
                     std::cout << std::setw(7) << (std::to_string(d.index) + (d.is_default ? "*" : ""))
                               << std::setw(42) << d.name << d.host_api << '\n';
                   }
                   std::cout << std::setw(7) << "-" << std::setw(42) << "null" << tr("built in: silent, paced by the clock")
                             << '\n';
                   if (devices.empty()) {
                     std::cout << '\n'
                               << tr("No audio output device found: use 'vorlesen render FILE -o FILE.wav', or --device null.")
                               << '\n';
                   } else {
                     std::cout << '\n' << tr("* the default device. Pick one with --device INDEX or --device NAME.") << '\n';
                   }
                   return 0;
                 }};
}

}  // namespace vorlesen::cli
