// Test helper: a Playback that needs no sound card and no eSpeak NG.
#pragma once

#include <memory>

#include "player/label_synthesizer.h"
#include "vorlesen/language_data.h"
#include "vorlesen/playback.h"

namespace vorlesen::testing {

// Makes `o` play into a MemoryOutput (`out` points at it once the Playback opened it; the Playback
// owns it) with LabelSynthesizer and the built-in pipeline.
inline void useFakeOutputAndSynth(PlaybackOptions& o, MemoryOutput*& out) {
  o.open_output = [&out] {
    auto memory = std::make_unique<MemoryOutput>();
    out = memory.get();
    return memory;
  };
  o.make_pipeline = [] { return std::make_shared<const Pipeline>(LanguageData::german()); };
  o.make_synth = labels();
}

}  // namespace vorlesen::testing
