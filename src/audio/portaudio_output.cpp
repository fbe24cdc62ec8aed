// PortAudio output and device listing. The only file that talks to PortAudio; paError() is the one
// place a PaError becomes a vorlesen::Error.
#include <alsa/asoundlib.h>
#include <jack/jack.h>
#include <portaudio.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstring>
#include <optional>
#include <set>

#include "common/stderr.h"
#include "vorlesen/audio_output.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/text.h"

namespace vorlesen {

namespace {

const char* const kNoDeviceHint =
    N_("use 'vorlesen render FILE -o FILE.wav' to write the audio to a file, or '--device null' to play silently");

// The one place a PaError becomes an Error.
Error paError(PaError err, const std::string& what) {
  // PortAudio words its errors in English only; our sentence around them is translated.
  std::string message = format(tr("audio: {}: {}"), what, Pa_GetErrorText(err));
  if (err == paUnanticipatedHostError) {
    const PaHostErrorInfo* host = Pa_GetLastHostErrorInfo();
    if (host && host->errorText && *host->errorText) message += std::string(" (") + host->errorText + ")";
  }
  if (err == paDeviceUnavailable || err == paInvalidDevice || err == paUnanticipatedHostError) {
    message += std::string("; ") + kNoDeviceHint;
  }
  return Error::audio(message);
}

// The output buffer asked for, in seconds (the device's own low latency when that is longer).
constexpr double kOutputLatency = 0.02;

void check(PaError err, const std::string& what) {
  if (err < 0) throw paError(err, what);
}

void quietAlsa(const char*, int, const char*, int, const char*, ...) {}
void quietJack(const char*) {}

// fd 2 at /dev/null while alive: PortAudio's ALSA and JACK probing prints dozens of lines that the
// handlers above do not all catch, and PortAudio's ALSA code prints "Expression ... failed" lines
// from its own thread when a device fails mid-play. The program's own lines still reach the user.
class QuietStderr : public StderrRedirect {
 public:
  QuietStderr() : StderrRedirect("", OwnLines::ToTerminal) {}
};

// The names of PCMs that ALSA's `node` (a part of pcm.default) refers to: every string value but a
// plugin type, without arguments ("hw:0" -> "hw").
void pcmReferences(snd_config_t* node, std::set<std::string>& out) {
  if (snd_config_get_type(node) == SND_CONFIG_TYPE_COMPOUND) {
    snd_config_iterator_t i, next;
    snd_config_for_each(i, next, node) pcmReferences(snd_config_iterator_entry(i), out);
    return;
  }
  const char* id = nullptr;
  const char* value = nullptr;
  if (snd_config_get_id(node, &id) >= 0 && id && std::strcmp(id, "type") == 0) return;
  if (snd_config_get_string(node, &value) < 0 || !value) return;
  const std::string v(value);
  out.insert(v.substr(0, v.find(':')));
}

// Pa_Initialize() opens every PCM of ALSA's configuration twice (playback and capture) to list it:
// the jack plugin looks for a server, the pulse plugin connects, speex, a52, upmix and usb_stream load
// their libraries. That was 70-90 % of the start-up (400-540 ms on the loaded test machine, 65-140 ms
// without them). To play on the default device only, the plugin PCMs that pcm.default does not use
// are taken out of this process's copy of the configuration first, so PortAudio neither probes nor
// lists them; `vorlesen devices` and --device NAME still see them all.
void skipUnusedAlsaPlugins() {
  if (snd_config_update() < 0 || !snd_config) return;
  snd_config_t* pcm = nullptr;
  snd_config_t* def = nullptr;
  if (snd_config_search(snd_config, "pcm", &pcm) < 0 || snd_config_search(pcm, "default", &def) < 0) return;
  std::set<std::string> used;
  pcmReferences(def, used);
  for (const char* name : {"jack", "pulse", "pipewire", "oss", "a52", "speex", "upmix", "vdownmix", "usb_stream"}) {
    snd_config_t* node = nullptr;
    if (used.count(name) == 0 && snd_config_search(pcm, name, &node) >= 0) snd_config_delete(node);
  }
}

// Pa_Initialize / Pa_Terminate.
class PortAudioSession {
 public:
  // `default_only`: the default device is all that will be used (see skipUnusedAlsaPlugins()).
  explicit PortAudioSession(bool default_only = false) {
    snd_lib_error_set_handler(quietAlsa);
    jack_set_error_function(quietJack);
    jack_set_info_function(quietJack);
    QuietStderr quiet;
    if (default_only) skipUnusedAlsaPlugins();
    check(Pa_Initialize(), tr("cannot start PortAudio"));
  }
  ~PortAudioSession() {
    QuietStderr quiet;
    Pa_Terminate();
  }
  PortAudioSession(const PortAudioSession&) = delete;
  PortAudioSession& operator=(const PortAudioSession&) = delete;

  std::vector<AudioDeviceInfo> outputDevices() const {
    const PaDeviceIndex count = Pa_GetDeviceCount();
    check(count, tr("cannot list devices"));
    const PaDeviceIndex default_index = Pa_GetDefaultOutputDevice();
    std::vector<AudioDeviceInfo> out;
    for (PaDeviceIndex i = 0; i < count; ++i) {
      const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
      if (!info || info->maxOutputChannels <= 0) continue;
      const PaHostApiInfo* api = Pa_GetHostApiInfo(info->hostApi);
      out.push_back(AudioDeviceInfo{i, info->name ? info->name : "", api && api->name ? api->name : "",
                                    info->maxOutputChannels, info->defaultSampleRate, i == default_index});
    }
    return out;
  }
};

class PortAudioOutput final : public AudioOutput {
 public:
  PortAudioOutput(std::unique_ptr<PortAudioSession> session, AudioDeviceInfo device)
      : session_(std::move(session)), device_(std::move(device)) {}
  ~PortAudioOutput() override { stop(); }

  std::string name() const override { return device_.name; }

  void start(AudioSource& source, int sample_rate) override {
    stop();
    source_ = &source;
    sample_rate_ = sample_rate;
    rendered_ = 0;
    const PaDeviceInfo* info = Pa_GetDeviceInfo(device_.index);
    PaStreamParameters params{};
    params.device = device_.index;
    params.channelCount = 1;
    params.sampleFormat = paInt16;
    // The whole buffer is heard before anything written now: PortAudio 19.6's ALSA code fills it with
    // silence at the start and every key's new sound queues behind it. 40 ms made the first sound and
    // next/previous/repeat miss 60 ms; 20 ms met it without more underruns (PortAudio's underflow
    // flag: 1 in a 40 ms run, 0 in a 20 ms run, load 5) -- see ARCHITECTURE.md "Key to sound".
    params.suggestedLatency = std::max(info ? info->defaultLowOutputLatency : 0.05, kOutputLatency);
    quiet_.emplace();  // while the stream exists (a failure itself is reported through failure())
    PaError err = Pa_OpenStream(&stream_, nullptr, &params, sample_rate, paFramesPerBufferUnspecified, paNoFlag,
                                &PortAudioOutput::callback, this);
    if (err < 0) {
      stream_ = nullptr;
      quiet_.reset();
      throw paError(err, format(tr("cannot open '{}'"), device_.name));
    }
    last_callback_ms_ = nowMs();
    err = Pa_StartStream(stream_);
    if (err < 0) {
      Pa_CloseStream(stream_);
      stream_ = nullptr;
      quiet_.reset();
      throw paError(err, format(tr("cannot start '{}'"), device_.name));
    }
    const PaStreamInfo* stream_info = Pa_GetStreamInfo(stream_);
    latency_ = stream_info ? stream_info->outputLatency : 0;
  }

  void stop() noexcept override {
    if (!stream_) return;
    Pa_AbortStream(stream_);
    Pa_CloseStream(stream_);
    stream_ = nullptr;
    quiet_.reset();
  }

  std::uint64_t audibleFrames() const noexcept override {
    if (!stream_) return rendered_.load(std::memory_order_acquire);
    std::uint64_t before = 0;
    double dac = 0;
    for (int attempt = 0; attempt < 8; ++attempt) {
      const std::uint64_t seq = seq_.load(std::memory_order_acquire);
      if (seq & 1) continue;
      before = frames_before_.load(std::memory_order_relaxed);
      dac = dac_time_.load(std::memory_order_relaxed);
      std::atomic_thread_fence(std::memory_order_acquire);
      if (seq_.load(std::memory_order_relaxed) == seq) break;
    }
    const std::uint64_t rendered = rendered_.load(std::memory_order_acquire);
    double heard;
    if (dac > 0) {
      heard = static_cast<double>(before) + (Pa_GetStreamTime(stream_) - dac) * sample_rate_;
    } else {  // the host API gives no DAC time: assume the reported latency
      heard = static_cast<double>(rendered) - latency_ * sample_rate_;
    }
    if (!(heard > 0)) return 0;
    return std::min(rendered, static_cast<std::uint64_t>(heard));
  }

  std::optional<Error> failure() const override {
    if (!stream_) return std::nullopt;
    const PaError active = Pa_IsStreamActive(stream_);
    if (active < 0) return paError(active, "device '" + device_.name + "' failed");
    if (active == 0) return Error::audio(format(tr("audio device '{}' stopped playing"), device_.name));
    if (nowMs() - last_callback_ms_.load(std::memory_order_relaxed) > 2000) {
      return Error::audio(format(tr("audio device '{}' stopped responding"), device_.name));
    }
    return std::nullopt;
  }

 private:
  static std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }

  // Real-time thread: no locks, no allocation, no I/O.
  static int callback(const void*, void* output, unsigned long frames, const PaStreamCallbackTimeInfo* time,
                      PaStreamCallbackFlags, void* user) {
    auto* self = static_cast<PortAudioOutput*>(user);
    const std::uint64_t before = self->rendered_.load(std::memory_order_relaxed);
    self->source_->render(static_cast<std::int16_t*>(output), frames);
    self->seq_.fetch_add(1, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    self->frames_before_.store(before, std::memory_order_relaxed);
    self->dac_time_.store(time ? time->outputBufferDacTime : 0.0, std::memory_order_relaxed);
    self->seq_.fetch_add(1, std::memory_order_release);
    self->rendered_.store(before + frames, std::memory_order_release);
    self->last_callback_ms_.store(nowMs(), std::memory_order_relaxed);
    return paContinue;
  }

  std::unique_ptr<PortAudioSession> session_;
  AudioDeviceInfo device_;
  std::optional<QuietStderr> quiet_;
  PaStream* stream_ = nullptr;
  AudioSource* source_ = nullptr;
  int sample_rate_ = 22050;
  double latency_ = 0;
  std::atomic<std::uint64_t> rendered_{0};
  std::atomic<std::uint64_t> seq_{0};
  std::atomic<std::uint64_t> frames_before_{0};
  std::atomic<double> dac_time_{0};
  std::atomic<std::int64_t> last_callback_ms_{0};
};

}  // namespace

std::vector<AudioDeviceInfo> listAudioDevices() {
  const PortAudioSession session;
  return session.outputDevices();
}

std::unique_ptr<AudioOutput> openAudioOutput(const std::string& device) {
  if (device == "null") return makeNullOutput();
  auto session = std::make_unique<PortAudioSession>(device.empty());
  const std::vector<AudioDeviceInfo> devices = session->outputDevices();
  if (devices.empty()) throw Error::audio(format(tr("no audio output device found; {}"), tr(kNoDeviceHint)));
  const AudioDeviceInfo* chosen = nullptr;
  if (device.empty()) {
    for (const auto& d : devices) {
      if (d.is_default) chosen = &d;
    }
    if (!chosen) throw Error::audio(format(tr("no default audio output device; {}"), tr(kNoDeviceHint)));
  } else if (std::all_of(device.begin(), device.end(), [](unsigned char c) { return std::isdigit(c); })) {
    const long index = std::strtol(device.c_str(), nullptr, 10);
    for (const auto& d : devices) {
      if (d.index == index) chosen = &d;
    }
    if (!chosen) {
      throw Error::usage(format(tr("--device {}: no output device has this index (see 'vorlesen devices')"), device));
    }
  } else {
    std::vector<const AudioDeviceInfo*> matches;
    for (const auto& d : devices) {
      if (d.name == device) chosen = &d;
      if (lowerAscii(d.name).find(lowerAscii(device)) != std::string::npos) matches.push_back(&d);
    }
    if (!chosen && matches.size() == 1) chosen = matches.front();
    if (!chosen && matches.empty()) {
      throw Error::usage(format(tr("--device {}: no output device has this name (see 'vorlesen devices')"), device));
    }
    if (!chosen) {
      throw Error::usage(format(tr("--device {}: matches {} devices; give more of the name or the index (see "
                                   "'vorlesen devices')"),
                                device, matches.size()));
    }
  }
  return std::make_unique<PortAudioOutput>(std::move(session), *chosen);
}

}  // namespace vorlesen
