// Test helper: a synthesizer whose output is known exactly, for player and playback tests.
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "vorlesen/player.h"
#include "vorlesen/synthesizer.h"

namespace vorlesen::testing {

// A synthesizer whose output is known exactly and tells where it came from: sample k of a message
// is a nonzero value derived from the text and k (silence stays distinguishable), there are
// 7000/rate samples per byte (so the rate shows in the length), and a word event starts each word.
class LabelSynthesizer final : public Synthesizer {
 public:
  // `lead_zeros`: each message starts with that many zero samples, as eSpeak NG's do.
  explicit LabelSynthesizer(std::size_t lead_zeros = 0) : lead_zeros_(lead_zeros) {}
  int sampleRate() const override { return 22050; }
  void setVoice(const VoiceParams& params) override { rate_ = params.rate; }
  std::size_t synthesize(std::string_view text, const AudioCallback& on_audio) override {
    const std::size_t per_byte = static_cast<std::size_t>(7000 / rate_);
    const std::size_t label = std::hash<std::string_view>()(text) % 1000;
    std::vector<std::int16_t> block(per_byte);
    std::size_t total = lead_zeros_;
    const std::vector<std::int16_t> zeros(lead_zeros_, 0);
    if (lead_zeros_ > 0 && !on_audio(zeros.data(), zeros.size(), {})) return 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      std::vector<WordEvent> events;
      if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) {
        const std::size_t end = std::min(text.find(' ', i), text.size());
        events.push_back(WordEvent{total, Span{i, end}});
      }
      for (std::size_t k = 0; k < per_byte; ++k) {
        std::uint64_t x = label * 0x9E3779B97F4A7C15u + total + k;  // a hash of (text, sample)
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9u;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBu;
        block[k] = static_cast<std::int16_t>(1 + (x ^ (x >> 31)) % 30000);
      }
      if (!on_audio(block.data(), block.size(), events)) break;
      total += block.size();
    }
    return total;
  }

 private:
  std::size_t lead_zeros_;
  int rate_ = 175;
};

// The newest snapshot once `pred` holds for it, or after 3 s.
template <typename Pred>
PlayerSnapshot waitUntil(const Player& player, Pred pred) {
  PlayerSnapshot s = player.snapshot();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (!pred(s) && std::chrono::steady_clock::now() < deadline) {
    s = player.waitForChange(s.version, std::chrono::milliseconds(50));
  }
  return s;
}

inline Player::SynthesizerFactory labels(std::size_t lead_zeros = 0) {
  return [lead_zeros] { return std::make_unique<LabelSynthesizer>(lead_zeros); };
}

}  // namespace vorlesen::testing
