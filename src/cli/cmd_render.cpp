// `vorlesen render IN -o OUT`: the whole pipeline, from a file (or stdin) to an audio file.
#include <iostream>
#include <memory>

#include "cli/app.h"
#include "vorlesen/audio_sink.h"
#include "vorlesen/error.h"
#include "vorlesen/language_data.h"
#include "vorlesen/pipeline.h"

namespace vorlesen::cli {

namespace {

struct RenderOptions {
  std::string input;
  std::string output;
  VoiceOptions voice;
};

int render(const RenderOptions& opt) {
  const AudioFormat format = audioFormatForPath(opt.output);
  const Document doc = loadDocument(opt.input);
  if (doc.bad_utf8 > 0) {
    warn(doc.name + ": invalid UTF-8 at byte " + std::to_string(doc.first_bad_utf8_offset) + " (" +
         std::to_string(doc.bad_utf8) + " sequence(s) replaced by U+FFFD)");
  }
  const Settings settings = resolveSettings(opt.voice);
  EspeakSynthesizer synth;
  applyVoice(synth, settings);
  const std::unique_ptr<Pipeline> pipeline = makePipeline(settings, synth);
  const std::vector<Sentence> sentences = pipeline->prepare(doc);
  if (sentences.empty()) throw Error::input(doc.name + ": nothing to read aloud (the file is empty or has no words)");

  AudioFileWriter writer(opt.output, synth.sampleRate(), format);
  renderSentences(sentences, synth, writer, settings.pauses());
  writer.commit();
  return kExitOk;
}

}  // namespace

Command addRenderCommand(CLI::App& app) {
  auto opt = std::make_shared<RenderOptions>();
  CLI::App* sub = app.add_subcommand("render", "read a German article into an audio file");
  sub->add_option("input", opt->input, "text file to read, or - for standard input")->required();
  sub->add_option("-o,--output", opt->output, "audio file to write (.wav)")->required();
  addVoiceOptions(*sub, opt->voice);
  return Command{sub, [opt] { return render(*opt); }};
}

}  // namespace vorlesen::cli
