// The player engine against an in-memory output: what it delivers, sample for sample, equals what
// renderSentences() writes for the same text and settings, and commands move the position as
// player.h specifies.
#include <catch2/catch.hpp>
#include <sndfile.h>

#include <cstdlib>
#include <fstream>

#include <algorithm>
#include <chrono>
#include <future>
#include <thread>

#include "vorlesen/audio_sink.h"
#include "vorlesen/error.h"
#include "vorlesen/language_data.h"
#include "vorlesen/player.h"
#include "player/label_synthesizer.h"

using namespace vorlesen;
using vorlesen::testing::LabelSynthesizer;
using vorlesen::testing::labels;

namespace {

// Five sentences in three blocks: 0 1 | 2 3 | 4.
const char* const kText =
    "Das ist der erste Satz. Hier kommt der zweite.\n\n"
    "Ein neuer Absatz beginnt. Er hat ebenfalls zwei Sätze.\n\n"
    "Der letzte Absatz ist kurz.";

struct Reference {
  std::vector<std::int16_t> samples;
  RenderReport report;
};

std::shared_ptr<const Document> testDocument() {
  return std::make_shared<const Document>(documentFromText("test.txt", kText));
}

using vorlesen::testing::waitUntil;

std::vector<std::int16_t> tail(const MemoryOutput& out, std::size_t from) {
  return std::vector<std::int16_t>(out.samples().begin() + static_cast<std::ptrdiff_t>(from), out.samples().end());
}

std::vector<std::int16_t> slice(const std::vector<std::int16_t>& v, std::size_t from, std::size_t n) {
  return std::vector<std::int16_t>(v.begin() + static_cast<std::ptrdiff_t>(from),
                                   v.begin() + static_cast<std::ptrdiff_t>(std::min(v.size(), from + n)));
}

// "" when equal, else where they differ: keeps failure output readable.
std::string difference(const std::vector<std::int16_t>& a, const std::vector<std::int16_t>& b) {
  const auto m = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  if (m.first == a.end() && m.second == b.end()) return "";
  return "sizes " + std::to_string(a.size()) + " and " + std::to_string(b.size()) + ", first difference at " +
         std::to_string(m.first - a.begin());
}

Reference renderLabels(const Document& doc, const VoiceParams& voice) {
  const Pipeline pipeline(LanguageData::german());
  LabelSynthesizer synth;
  synth.setVoice(voice);
  MemorySink sink;
  Reference ref;
  ref.report = renderSentences(pipeline.prepare(doc), synth, sink);
  ref.samples = sink.samples();
  return ref;
}

std::size_t sentenceStart(const Reference& ref, std::size_t i) { return ref.report.sentences.at(i).first_sample; }

}  // namespace

// `vorlesen render` of the same text in its own process: a fresh eSpeak NG, as in this test.
std::vector<std::int16_t> renderInOtherProcess(const std::string& text) {
  const std::string dir = "player_test_render";
  std::system(("rm -rf " + dir + " && mkdir " + dir).c_str());
  std::ofstream(dir + "/in.txt") << text;
  // Quoted: the build tree may have a space in its path (a clone in "/root/Neuer Ordner").
  const std::string command = "'" + std::string(VORLESEN_BINARY) + "' render " + dir + "/in.txt -o " + dir + "/out.wav";
  REQUIRE(std::system(command.c_str()) == 0);
  SF_INFO info{};
  SNDFILE* f = sf_open((dir + "/out.wav").c_str(), SFM_READ, &info);
  REQUIRE(f != nullptr);
  std::vector<std::int16_t> samples(static_cast<std::size_t>(info.frames));
  sf_read_short(f, samples.data(), info.frames);
  sf_close(f);
  std::system(("rm -rf " + dir).c_str());
  return samples;
}

// Bit for bit, this needs a fresh eSpeak NG in this process: ctest runs each test case alone, and
// this is the only test case here that uses eSpeak NG (1.51 hangs in espeak_ng_Terminate() after a
// second initialization in one process). The others use LabelSynthesizer.
TEST_CASE("player delivers exactly the samples vorlesen render writes", "[player]") {
  const std::vector<std::int16_t> rendered = renderInOtherProcess(kText);
  REQUIRE(rendered.size() > 22050);
  // Playback starts with the first sound: the zero samples eSpeak NG opens its first message with
  // are not played (nor after a key). Everything after them is the same, sample for sample.
  std::size_t lead = 0;
  while (lead < rendered.size() && rendered[lead] == 0) ++lead;
  CHECK(lead > 100);

  MemoryOutput out;  // outlives the player, whose destructor stops it
  Player player(testDocument(), LanguageData::german(), PlayerOptions{});
  player.start(out);
  out.pullUntilDrained(1);
  CHECK(difference(out.samples(), slice(rendered, lead, rendered.size() - lead)) == "");
  const PlayerSnapshot s = waitUntil(player, [](const PlayerSnapshot& x) { return x.state == PlayerState::Finished; });
  CHECK(s.state == PlayerState::Finished);
  CHECK(s.sentence == 4);
  CHECK(s.sentence_count == 5);
  CHECK(s.all_prepared);
  CHECK(s.underrun_frames == 0);
  CHECK(player.document()->slice(s.sentence_source) == "Der letzte Absatz ist kurz.");
}

// The test document played with LabelSynthesizer into a MemoryOutput, and its rendered reference.
struct LabelPlayback {
  explicit LabelPlayback(PlayerOptions options = {})
      : doc(testDocument()), ref(renderLabels(*doc, VoiceParams{})),
        player(doc, LanguageData::german(), std::move(options), labels()) {
    player.start(out);
  }
  std::shared_ptr<const Document> doc;
  Reference ref;
  MemoryOutput out;  // declared before the player, destroyed after it
  Player player;
};

TEST_CASE("player reports the sentence and word heard", "[player]") {
  LabelPlayback p;
  const auto& doc = p.doc;
  const Reference& ref = p.ref;
  Player& player = p.player;
  MemoryOutput& out = p.out;
  // Into the second sentence, past its first word.
  const auto& timing = ref.report.sentences[1];
  REQUIRE(timing.words.size() >= 3);
  const std::size_t target = timing.words[2].sample + 10;
  while (out.samples().size() < target) out.pull(std::min<std::size_t>(512, target - out.samples().size()));
  const PlayerSnapshot s = waitUntil(player, [&](const PlayerSnapshot& x) { return x.word_source == timing.words[2].source; });
  CHECK(s.state == PlayerState::Playing);
  CHECK(s.sentence == 1);
  CHECK(doc->slice(s.sentence_source) == "Hier kommt der zweite.");
  CHECK(s.word_source == timing.words[2].source);
  CHECK(doc->slice(s.word_source) == "der");
  CHECK(s.underrun_frames == 0);
  CHECK(s.elapsed_seconds > 0);
  CHECK(s.total_seconds >= s.elapsed_seconds);
}

TEST_CASE("next, previous, repeat and paragraph jumps play the target sentence from its start", "[player]") {
  LabelPlayback p;
  const Reference& ref = p.ref;
  Player& player = p.player;
  MemoryOutput& out = p.out;
  out.pull(4096);

  struct Step {
    PlayerCommand command;
    std::size_t expected;
  };
  // From sentence 0: next -> 1, next block -> 2, next -> 3, repeat -> 3, previous block -> 2 (start
  // of its block), previous block -> 0, next block -> 2, previous -> 1, next block -> 2, next block -> 4.
  const std::vector<Step> steps = {
      {PlayerCommand::NextSentence, 1}, {PlayerCommand::NextBlock, 2}, {PlayerCommand::NextSentence, 3},
      {PlayerCommand::Repeat, 3},       {PlayerCommand::PrevBlock, 2}, {PlayerCommand::PrevBlock, 0},
      {PlayerCommand::NextBlock, 2},    {PlayerCommand::PrevSentence, 1}, {PlayerCommand::NextBlock, 2},
      {PlayerCommand::NextBlock, 4},
  };
  for (const Step& step : steps) {
    player.send(step.command);
    const std::size_t mark = out.samples().size();
    out.pull(3000);
    INFO("command " << static_cast<int>(step.command) << " expected sentence " << step.expected);
    const auto expected = slice(ref.samples, sentenceStart(ref, step.expected), 3000);
    CHECK(difference(slice(tail(out, mark), 0, expected.size()), expected) == "");
    const PlayerSnapshot s = waitUntil(player, [&](const PlayerSnapshot& x) { return x.sentence == step.expected; });
    CHECK(s.sentence == step.expected);
  }
  // Past the last sentence: finished.
  player.send(PlayerCommand::NextSentence);
  out.pull(1024);
  const PlayerSnapshot s = waitUntil(player, [](const PlayerSnapshot& x) { return x.state == PlayerState::Finished; });
  CHECK(s.state == PlayerState::Finished);
  // A jump plays again.
  player.jumpTo(1);
  const std::size_t mark = out.samples().size();
  out.pull(2000);
  CHECK(difference(tail(out, mark), slice(ref.samples, sentenceStart(ref, 1), 2000)) == "");
  CHECK(waitUntil(player, [](const PlayerSnapshot& x) { return x.state == PlayerState::Playing; }).state ==
        PlayerState::Playing);
}

TEST_CASE("after a key the sentence starts with its first sound, its words where they are heard", "[player]") {
  // Messages that open with 300 zero samples, as eSpeak NG's do: the start and a jump skip them.
  constexpr std::size_t kLead = 300;
  const auto doc = testDocument();
  const Pipeline pipeline(LanguageData::german());
  LabelSynthesizer synth(kLead);
  MemorySink sink;
  const RenderReport report = renderSentences(pipeline.prepare(*doc), synth, sink);
  MemoryOutput out;
  Player player(doc, LanguageData::german(), PlayerOptions{}, labels(kLead));
  player.start(out);
  out.pull(1000);
  CHECK(difference(tail(out, 0), slice(sink.samples(), kLead, 1000)) == "");
  REQUIRE(waitUntil(player, [](const PlayerSnapshot& x) { return x.all_prepared; }).all_prepared);
  player.jumpTo(2);
  const std::size_t mark = out.samples().size();
  const auto& timing = report.sentences[2];
  // The first sample after the key is the sentence's first sound; its third word starts where the
  // reference has it, less the zeros.
  REQUIRE(timing.words.size() >= 3);
  const std::size_t word = timing.words[2].sample - timing.first_sample - kLead;
  out.pull(word + 10);
  CHECK(difference(tail(out, mark), slice(sink.samples(), timing.first_sample + kLead, word + 10)) == "");
  const PlayerSnapshot s = waitUntil(player, [&](const PlayerSnapshot& x) { return x.word_source == timing.words[2].source; });
  CHECK(s.sentence == 2);
  CHECK(s.word_source == timing.words[2].source);
}

TEST_CASE("pause plays silence without consuming, resume continues where it stopped", "[player]") {
  LabelPlayback p;
  const Reference& ref = p.ref;
  Player& player = p.player;
  MemoryOutput& out = p.out;
  out.pull(5000);
  player.send(PlayerCommand::Pause);
  CHECK(waitUntil(player, [](const PlayerSnapshot& x) { return x.state == PlayerState::Paused; }).state ==
        PlayerState::Paused);
  out.pull(22050);
  CHECK(std::all_of(out.samples().begin() + 5000, out.samples().end(), [](std::int16_t v) { return v == 0; }));
  player.send(PlayerCommand::TogglePause);
  out.pullUntilDrained(1);
  // Without the second of silence the stream is exactly the rendered one.
  std::vector<std::int16_t> heard = out.samples();
  heard.erase(heard.begin() + 5000, heard.begin() + 5000 + 22050);
  CHECK(difference(heard, ref.samples) == "");
  CHECK(player.snapshot().underrun_frames == 0);
}

TEST_CASE("a jump while paused shows its target at once and plays it on resume", "[player]") {
  LabelPlayback p;
  const Reference& ref = p.ref;
  Player& player = p.player;
  MemoryOutput& out = p.out;
  out.pull(3000);
  player.send(PlayerCommand::Pause);
  REQUIRE(waitUntil(player, [](const PlayerSnapshot& x) { return x.state == PlayerState::Paused; }).sentence == 0);
  // Moving through the text with the sound stopped: the position follows each step, still paused.
  player.send(PlayerCommand::NextBlock);
  PlayerSnapshot s = waitUntil(player, [](const PlayerSnapshot& x) { return x.sentence == 2; });
  CHECK(s.sentence == 2);
  CHECK(s.block == 1);
  CHECK(s.state == PlayerState::Paused);
  CHECK(s.word_source.empty());
  player.send(PlayerCommand::NextSentence);
  s = waitUntil(player, [](const PlayerSnapshot& x) { return x.sentence == 3; });
  CHECK(s.sentence == 3);
  // Longer than the 2 s after which an unheard target is dropped while playing: kept while paused.
  out.pull(22050);
  std::this_thread::sleep_for(std::chrono::milliseconds(2200));
  CHECK(player.snapshot().sentence == 3);
  CHECK(std::all_of(out.samples().begin() + 3000, out.samples().end(), [](std::int16_t v) { return v == 0; }));
  player.send(PlayerCommand::Resume);
  const std::size_t mark = out.samples().size();
  out.pull(3000);
  CHECK(difference(tail(out, mark), slice(ref.samples, sentenceStart(ref, 3), 3000)) == "");
  s = waitUntil(player, [](const PlayerSnapshot& x) { return x.state == PlayerState::Playing; });
  CHECK(s.sentence == 3);
}

// The head of kText: its first two blocks, and the player may read only the first of them.
std::shared_ptr<const Document> headDocument() {
  const std::string text = kText;
  return std::make_shared<const Document>(documentFromText("test.txt", text.substr(0, text.find("\n\nDer letzte"))));
}

TEST_CASE("a head document extended by the whole one plays as the whole one", "[player]") {
  const auto whole = testDocument();
  const Reference ref = renderLabels(*whole, VoiceParams{});
  const auto head = headDocument();
  REQUIRE(head->blocks.size() == 2);
  PlayerOptions options;
  options.head_until = head->blocks[0].span.end;  // block 1 (sentences 2, 3) only from the whole
  MemoryOutput out;
  Player player(head, LanguageData::german(), options, labels());
  player.start(out);
  out.pull(2000);
  // Waits for the whole document at the end of the part of the head it may read.
  CHECK(waitUntil(player, [](const PlayerSnapshot& x) { return x.sentence_count == 2; }).sentence_count == 2);
  CHECK_FALSE(player.snapshot().all_prepared);
  std::thread late([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    player.extend(whole);
  });
  out.pullUntilDrained(1);
  late.join();
  CHECK(difference(out.samples(), ref.samples) == "");
  CHECK(player.document() == whole);
  CHECK(player.sentenceCount() == 5);
}

TEST_CASE("a head document without a whole one is read to its end", "[player]") {
  const auto head = headDocument();
  PlayerOptions options;
  options.head_until = head->blocks[0].span.end;
  MemoryOutput out;
  Player player(head, LanguageData::german(), options, labels());
  player.start(out);
  player.extend(nullptr);
  out.pullUntilDrained(1);
  CHECK(player.sentenceCount() == 4);
  CHECK(difference(out.samples(), renderLabels(*head, VoiceParams{}).samples) == "");
}

TEST_CASE("where a whole document differs from its head, reading goes on after the text read", "[player]") {
  // The head's second block ("Hier kommt der zweite.") is a paragraph of its own there, but part of
  // the first block in the whole: the whole goes on at its first block after the text read.
  const auto head = std::make_shared<const Document>(documentFromText("test.txt", "Das ist der erste Satz.\n\nHier kommt der zweite.\n\nNoch einer."));
  const auto whole = std::make_shared<const Document>(documentFromText("test.txt", "Das ist der erste Satz.\n\nHier kommt der zweite.\n\nNoch einer.\n\nDas Ende."));
  auto changed = std::make_shared<Document>(*whole);
  changed->blocks[0].span.end = changed->blocks[1].span.end;  // blocks 0 and 1 merged
  changed->blocks.erase(changed->blocks.begin() + 1);
  PlayerOptions options;
  options.head_until = head->blocks[1].span.end;  // sentences 0 and 1 from the head
  MemoryOutput out;
  Player player(head, LanguageData::german(), options, labels());
  player.start(out);
  player.extend(changed);
  out.pullUntilDrained(1);
  REQUIRE(player.sentenceCount() == 4);
  std::vector<std::string> read;
  for (std::size_t i = 0; i < 4; ++i) read.emplace_back(whole->slice(player.sentence(i)->source));
  CHECK(read == std::vector<std::string>{"Das ist der erste Satz.", "Hier kommt der zweite.", "Noch einer.", "Das Ende."});
}

TEST_CASE("a rate change applies from the next sentence without a gap", "[player]") {
  const auto doc = testDocument();
  VoiceParams normal;
  VoiceParams faster;
  faster.rate = normal.rate + kRateStep;
  const Reference slow = renderLabels(*doc, normal);
  const Reference fast = renderLabels(*doc, faster);

  MemoryOutput out;  // outlives the player, whose destructor stops it
  Player player(doc, LanguageData::german(), PlayerOptions{}, labels());
  player.start(out);
  out.pull(4000);  // inside sentence 0, while later sentences are already synthesized
  player.send(PlayerCommand::RateUp);
  // A real output plays in real time; this one would race through the rest of sentence 0 before
  // the synthesis thread has even woken up. Give it the time real playback would.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  out.pullUntilDrained(1);

  const std::size_t first_end = sentenceStart(slow, 1);
  std::vector<std::int16_t> expected = slice(slow.samples, 0, first_end);
  const auto rest = slice(fast.samples, sentenceStart(fast, 1), fast.samples.size());
  expected.insert(expected.end(), rest.begin(), rest.end());
  CHECK(difference(out.samples(), expected) == "");
  const PlayerSnapshot s = waitUntil(player, [](const PlayerSnapshot& x) { return x.state == PlayerState::Finished; });
  CHECK(s.rate == faster.rate);
  CHECK(s.underrun_frames == 0);
}

namespace {

// A rate change's setting: the document rendered at the normal and the faster rate, and its first
// sentence as the player reads it.
struct RateChange {
  explicit RateChange(std::shared_ptr<const Document> d)
      : doc(std::move(d)), faster(fasterVoice()), slow(renderLabels(*doc, VoiceParams{})), fast(renderLabels(*doc, faster)),
        s0(Pipeline(LanguageData::german()).prepare(*doc).at(0)) {}
  static VoiceParams fasterVoice() {
    VoiceParams v;
    v.rate += kRateStep;
    return v;
  }
  // Where the word beginning at source byte `source` begins in the first sentence's spoken text.
  std::size_t spokenByte(std::size_t source) const {
    for (std::size_t b = 0; b < s0.spoken.text.size(); ++b) {
      const Span from = s0.spoken.sourceOf(b, b + 1);
      if (from.begin == source && from.end > from.begin) return b;
    }
    return std::string::npos;
  }
  // The first sentence's rest from spoken byte `byte`, as the faster voice says it alone.
  std::vector<std::int16_t> restAtFaster(std::size_t byte, std::vector<std::size_t>* word_starts = nullptr) const {
    LabelSynthesizer synth;
    synth.setVoice(faster);
    std::vector<std::int16_t> samples;
    synth.synthesize(std::string_view(s0.spoken.text).substr(byte),
                     [&](const std::int16_t* pcm, std::size_t n, const std::vector<WordEvent>& events) {
                       for (const WordEvent& ev : events) {
                         if (word_starts) word_starts->push_back(ev.sample);
                       }
                       samples.insert(samples.end(), pcm, pcm + n);
                       return true;
                     });
    return samples;
  }
  std::shared_ptr<const Document> doc;
  VoiceParams faster;
  Reference slow, fast;
  Sentence s0;
};

// `rc`'s document playing, + pressed in the first sentence's second word while the rest is already
// synthesized at the old rate, and the synthesis thread given the time to react.
struct RateUpInSecondWord {
  explicit RateUpInSecondWord(const RateChange& rc)
      : first(rc.slow.report.sentences.at(0)), player(rc.doc, LanguageData::german(), PlayerOptions{}, labels()) {
    REQUIRE(first.words.size() >= 4);
    player.start(out);
    out.pull(first.words[1].sample + 10);
    player.send(PlayerCommand::RateUp);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  const SentenceTiming& first;
  MemoryOutput out;  // outlives the player, whose destructor stops it
  Player player;
};

}  // namespace

TEST_CASE("a rate change mid-sentence is heard from the next word, none lost or repeated", "[player]") {
  const RateChange rc(testDocument());
  RateUpInSecondWord playing(rc);
  const SentenceTiming& first = playing.first;
  MemoryOutput& out = playing.out;
  Player& player = playing.player;

  // Heard: the old rate up to the third word, then the sentence from the third word at the new rate
  // (its own message), the pause after it, and the rest as the faster render has it.
  const std::size_t cut = first.words[2].sample;
  const std::size_t cut_byte = rc.spokenByte(first.words[2].source.begin);
  REQUIRE(cut_byte != std::string::npos);
  std::vector<std::size_t> tail_words;  // where each word of the tail begins in it
  const std::vector<std::int16_t> rest_of_first = rc.restAtFaster(cut_byte, &tail_words);
  REQUIRE(tail_words.size() >= 2);
  std::vector<std::int16_t> expected = slice(rc.slow.samples, 0, cut);
  expected.insert(expected.end(), rest_of_first.begin(), rest_of_first.end());
  expected.insert(expected.end(), first.pause_samples, 0);
  const auto rest = slice(rc.fast.samples, sentenceStart(rc.fast, 1), rc.fast.samples.size());
  expected.insert(expected.end(), rest.begin(), rest.end());

  // The highlight follows: in the tail's second word, the fourth word of the sentence is heard.
  out.pull(cut + tail_words[1] + 10 - out.samples().size());
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  const PlayerSnapshot mid = player.snapshot();
  CHECK(mid.sentence == 0);
  CHECK(rc.doc->slice(mid.word_source) == rc.doc->slice(first.words[3].source));

  out.pullUntilDrained(1);
  CHECK(difference(out.samples(), expected) == "");
  const PlayerSnapshot end = waitUntil(player, [](const PlayerSnapshot& x) { return x.state == PlayerState::Finished; });
  CHECK(end.rate == rc.faster.rate);
  CHECK(end.underrun_frames == 0);
}

TEST_CASE("a second rate change before the first cut is heard keeps the rest of the sentence", "[player]") {
  // Keys pressed in quick succession ("+++"): the second comes while the output is still before the
  // first cut, in the last word of the cut record. It lost the rest of the sentence (the player went
  // on with the next one); it must read that rest again from the cut, at the newest rate.
  const RateChange rc(testDocument());
  RateUpInSecondWord playing(rc);  // cut at the third word, the rest read faster
  const SentenceTiming& first = playing.first;
  MemoryOutput& out = playing.out;
  Player& player = playing.player;
  const std::size_t cut = first.words[2].sample;
  // Still before the cut, nearer than the 20 ms margin: no word of the cut record is left to cut at.
  REQUIRE(out.samples().size() + 1 < cut);
  REQUIRE(cut - out.samples().size() < 22050 / 50);
  // The output gives a splice its verdict when it renders: one frame accepts the first cut, then the
  // rest of the sentence is read faster.
  out.pull(1);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  player.send(PlayerCommand::RateDown);
  // Frame by frame towards the cut, slowly, so that the second splice (at the cut) is judged before
  // the output reaches it however slowly the synthesis thread runs (sanitizers, a loaded machine).
  while (out.samples().size() + 1 < cut) {
    out.pull(1);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  out.pullUntilDrained(1);

  // Heard: the old rate up to the cut, the rest of the sentence from the third word at the rate the
  // second key set (the normal one, as a message of its own), its pause, then the normal render.
  const std::size_t cut_byte = rc.spokenByte(first.words[2].source.begin);
  REQUIRE(cut_byte != std::string::npos);
  LabelSynthesizer synth;
  synth.setVoice(VoiceParams{});
  std::vector<std::int16_t> expected = slice(rc.slow.samples, 0, cut);
  synth.synthesize(std::string_view(rc.s0.spoken.text).substr(cut_byte),
                   [&](const std::int16_t* pcm, std::size_t n, const std::vector<WordEvent>&) {
                     expected.insert(expected.end(), pcm, pcm + n);
                     return true;
                   });
  expected.insert(expected.end(), first.pause_samples, 0);
  const auto rest = slice(rc.slow.samples, sentenceStart(rc.slow, 1), rc.slow.samples.size());
  expected.insert(expected.end(), rest.begin(), rest.end());
  CHECK(difference(out.samples(), expected) == "");
  const PlayerSnapshot end = waitUntil(player, [](const PlayerSnapshot& x) { return x.state == PlayerState::Finished; });
  CHECK(end.rate == VoiceParams{}.rate);
}

TEST_CASE("a rate change in a long word says that word again at the new rate, at once", "[player]") {
  const RateChange rc(std::make_shared<const Document>(documentFromText(
      "test.txt", "Heute tagte die Donaudampfschifffahrtselektrizitaetenhauptbetriebswerkbauunterbeamtengesellschaft lange.\n")));
  const SentenceTiming& first = rc.slow.report.sentences.at(0);
  const auto longest = std::max_element(first.words.begin(), first.words.end(), [&](const WordTiming& a, const WordTiming& b) {
    return a.source.size() < b.source.size();
  });
  REQUIRE(longest + 1 != first.words.end());
  REQUIRE((longest + 1)->sample - longest->sample > 22050 / 8 + 22050 / 50);  // the next word is over 120 ms off

  MemoryOutput out;
  Player player(rc.doc, LanguageData::german(), PlayerOptions{}, labels());
  player.start(out);
  const std::size_t read = longest->sample + 10;
  out.pull(read);
  player.send(PlayerCommand::RateUp);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  out.pullUntilDrained(1);

  // The long word is cut 20 ms after what the output had taken and said from its start at the new
  // rate, with the rest of the sentence.
  const std::size_t word_byte = rc.spokenByte(longest->source.begin);
  REQUIRE(word_byte != std::string::npos);
  std::vector<std::int16_t> expected = slice(rc.slow.samples, 0, read + 22050 / 50);
  const std::vector<std::int16_t> rest = rc.restAtFaster(word_byte);
  expected.insert(expected.end(), rest.begin(), rest.end());
  expected.insert(expected.end(), first.pause_samples, 0);
  CHECK(difference(out.samples(), expected) == "");
}

TEST_CASE("volume changes scale the samples at once", "[player]") {
  LabelPlayback p;
  const Reference& ref = p.ref;
  Player& player = p.player;
  MemoryOutput& out = p.out;
  out.pull(3000);
  player.send(PlayerCommand::VolumeUp);
  out.pull(3000);
  const auto scaled = [&](std::size_t from, int volume) {
    std::vector<std::int16_t> v = slice(ref.samples, from, out.samples().size() - from);
    for (auto& x : v) x = static_cast<std::int16_t>(std::clamp(x * (volume * 256 / 100) / 256, -32768, 32767));
    return v;
  };
  CHECK(difference(slice(out.samples(), 0, 3000), slice(ref.samples, 0, 3000)) == "");
  CHECK(difference(tail(out, 3000), scaled(3000, 110)) == "");
  CHECK(waitUntil(player, [](const PlayerSnapshot& x) { return x.volume == 110; }).volume == 110);
  for (int i = 0; i < 3; ++i) player.send(PlayerCommand::VolumeDown);
  const std::size_t mark = out.samples().size();
  out.pull(1000);
  CHECK(difference(tail(out, mark), scaled(mark, 80)) == "");
  for (int i = 0; i < 30; ++i) player.send(PlayerCommand::VolumeDown);
  CHECK(waitUntil(player, [](const PlayerSnapshot& x) { return x.volume == 0; }).volume == 0);
}

TEST_CASE("quit and a failing device end playback; wait() returns", "[player]") {
  const auto doc = testDocument();
  {
    MemoryOutput out;  // outlives the player, whose destructor stops it
    Player player(doc, LanguageData::german(), PlayerOptions{}, labels());
    player.start(out);
    out.pull(2000);
    player.send(PlayerCommand::Quit);
    player.wait();
    CHECK(player.snapshot().state == PlayerState::Finished);
  }
  {
    MemoryOutput out;  // outlives the player, whose destructor stops it
    Player player(doc, LanguageData::german(), PlayerOptions{}, labels());
    player.start(out);
    out.pull(2000);
    out.fail("audio device 'test' stopped responding");
    player.wait();
    const PlayerSnapshot s = player.snapshot();
    CHECK(s.state == PlayerState::Error);
    REQUIRE(s.error.has_value());
    CHECK(s.error->kind() == ErrorKind::Audio);
    CHECK(std::string(s.error->what()) == "audio device 'test' stopped responding");
  }
}

TEST_CASE("start() reports a document with nothing to read", "[player]") {
  MemoryOutput out;
  {
    auto empty = std::make_shared<const Document>(documentFromText("leer.txt", " \n\n  \n"));
    Player player(empty, LanguageData::german(), PlayerOptions{}, labels());
    CHECK_THROWS_WITH(player.start(out), Catch::Contains("leer.txt: nothing to read aloud"));
  }
}

TEST_CASE("playback can start at any sentence", "[player]") {
  PlayerOptions options;
  options.first_sentence = 3;
  LabelPlayback p(options);
  p.out.pullUntilDrained(1);
  CHECK(difference(p.out.samples(), slice(p.ref.samples, sentenceStart(p.ref, 3), p.ref.samples.size())) == "");
}

TEST_CASE("every command is numbered, and the snapshot that shows it names the values the player has", "[player]") {
  LabelPlayback p;
  Player& player = p.player;
  p.out.pull(2000);
  // jumpTo() clamps to the sentences prepared (at a low priority, which takes a while on a busy machine).
  REQUIRE(waitUntil(player, [](const PlayerSnapshot& x) { return x.all_prepared; }).sentence_count == 5);
  // Faster than the watch thread publishes: each confirmation must still name the value set then.
  int rate = PlayerOptions{}.voice.rate;
  int volume = PlayerOptions{}.voice.volume;
  std::uint64_t last = 0;
  const auto check = [&](PlayerCommand command, int expected_rate, int expected_volume) {
    const std::uint64_t number = player.send(command);
    CHECK(number > last);
    last = number;
    const PlayerSnapshot s = player.waitForApplied(number, std::chrono::seconds(2));
    CHECK(s.applied >= number);
    CHECK(s.rate == expected_rate);
    CHECK(s.volume == expected_volume);
  };
  for (int i = 0; i < 15; ++i) check(PlayerCommand::RateUp, rate = kRateRange.clamp(rate + kRateStep), volume);
  CHECK(rate == kRateRange.max);  // the limit holds
  for (int i = 0; i < 25; ++i) check(PlayerCommand::RateDown, rate = kRateRange.clamp(rate - kRateStep), volume);
  CHECK(rate == kRateRange.min);
  for (int i = 0; i < 12; ++i) check(PlayerCommand::VolumeUp, rate, volume = kVolumeRange.clamp(volume + kVolumeStep));
  CHECK(volume == kVolumeRange.max);
  for (int i = 0; i < 25; ++i) check(PlayerCommand::VolumeDown, rate, volume = kVolumeRange.clamp(volume - kVolumeStep));
  CHECK(volume == kVolumeRange.min);
  // Pause and resume: the snapshot that shows the command shows the state it set.
  CHECK(player.waitForApplied(player.send(PlayerCommand::Pause), std::chrono::seconds(2)).state == PlayerState::Paused);
  CHECK(player.waitForApplied(player.send(PlayerCommand::TogglePause), std::chrono::seconds(2)).state ==
        PlayerState::Playing);
  // A jump: the snapshot that shows it is at the target.
  const PlayerSnapshot s = player.waitForApplied(player.jumpTo(3), std::chrono::seconds(2));
  CHECK(s.sentence == 3);
}

TEST_CASE("warnings given to the player are counted in the snapshot and listed in order", "[player]") {
  LabelPlayback p;
  Player& player = p.player;
  const PlayerSnapshot before = player.snapshot();
  player.warn("erste Warnung");
  player.warn("zweite Warnung");
  const PlayerSnapshot s = waitUntil(player, [](const PlayerSnapshot& x) { return x.warnings == 2; });
  CHECK(s.warnings == 2);
  CHECK(s.version > before.version);
  CHECK(player.warnings() == std::vector<std::string>{"erste Warnung", "zweite Warnung"});
  CHECK(player.warnings(1) == std::vector<std::string>{"zweite Warnung"});
  CHECK(player.warnings(2).empty());
}

TEST_CASE("a failure from outside ends playback with its typed error", "[player]") {
  {
    LabelPlayback p;
    p.out.pull(2000);
    p.player.fail(Error::input("test.txt: the rest cannot be read"));
    p.player.wait();
    const PlayerSnapshot s = p.player.snapshot();
    CHECK(s.state == PlayerState::Error);
    REQUIRE(s.error.has_value());
    CHECK(s.error->kind() == ErrorKind::Input);
    CHECK(std::string(s.error->what()) == "test.txt: the rest cannot be read");
    // The first error wins.
    p.player.fail(Error::synthesis("later"));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // several periods of the watch thread
    CHECK(std::string(p.player.snapshot().error->what()) == "test.txt: the rest cannot be read");
  }
  {
    // Before the first sentence is ready, start() throws it instead of waiting. The head may read
    // nothing, so the player would wait for the whole document forever.
    PlayerOptions options;
    options.head_until = 0;
    MemoryOutput out;
    Player player(testDocument(), LanguageData::german(), options, labels());
    player.fail(Error::input("test.txt: the rest cannot be read"));
    CHECK_THROWS_WITH(player.start(out), "test.txt: the rest cannot be read");
  }
}

TEST_CASE("a first sentence longer than the ring starts playing (it used to wait for room forever)", "[player]") {
  const auto doc = testDocument();
  const Reference ref = renderLabels(*doc, VoiceParams{});
  REQUIRE(sentenceStart(ref, 1) > 4096);  // sentence 0 and its pause do not fit
  PlayerOptions options;
  options.ring_frames = 4096;
  MemoryOutput out;
  Player player(doc, LanguageData::german(), options, labels());
  auto started = std::async(std::launch::async, [&] { player.start(out); });
  const bool in_time = started.wait_for(std::chrono::seconds(5)) == std::future_status::ready;
  if (!in_time) player.fail(Error::synthesis("start() waited for room in the ring"));  // ends the wait
  REQUIRE(in_time);
  started.get();
  out.pullUntilDrained(1);
  CHECK(difference(out.samples(), ref.samples) == "");
}

namespace {

// The snapshot once the watch thread has seen everything pulled so far (it looks every 10 ms).
// The snapshot once it has stopped changing for 100 ms, or after 1 s (synthesis going on refines the
// time estimates): the watch thread publishes every 10 ms, but under a sanitizer on a loaded machine
// it lagged more than the 60 ms once simply slept here.
PlayerSnapshot settled(const Player& player) {
  PlayerSnapshot s = player.snapshot();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (std::chrono::steady_clock::now() < deadline) {
    const PlayerSnapshot next = player.waitForChange(s.version, std::chrono::milliseconds(100));
    if (next.version == s.version) return next;
    s = next;
  }
  return s;
}

double left(const PlayerSnapshot& s) { return s.total_seconds - s.elapsed_seconds; }

}  // namespace

TEST_CASE("time elapsed and left: steady through pause and resume, rate keys move only what is left", "[player]") {
  LabelPlayback p;
  Player& player = p.player;
  MemoryOutput& out = p.out;
  out.pull(sentenceStart(p.ref, 1) + 2000);  // into sentence 1; later ones are synthesized meanwhile
  const PlayerSnapshot a = settled(player);
  REQUIRE(a.sentence == 1);
  CHECK(a.elapsed_seconds > 0);
  CHECK(left(a) > 0);

  // Paused, the times stand still however long the pause lasts; resumed, they go on from there.
  player.waitForApplied(player.send(PlayerCommand::Pause), std::chrono::seconds(1));
  out.pull(22050);
  const PlayerSnapshot paused = settled(player);
  CHECK(paused.elapsed_seconds == Approx(a.elapsed_seconds).margin(0.01));
  CHECK(left(paused) == Approx(left(a)).margin(0.01));
  player.waitForApplied(player.send(PlayerCommand::Resume), std::chrono::seconds(1));
  out.pull(1000);
  const PlayerSnapshot resumed = settled(player);
  CHECK(resumed.elapsed_seconds >= paused.elapsed_seconds);
  CHECK(resumed.elapsed_seconds - paused.elapsed_seconds < 0.1);
  CHECK(left(resumed) <= left(paused));
  CHECK(left(paused) - left(resumed) < 0.1);

  // Faster: elapsed stays, what is left shrinks by about the rates' ratio; back to the old rate, it
  // is what it was (the speed measured at one rate holds for the other).
  player.waitForApplied(player.send(PlayerCommand::RateUp), std::chrono::seconds(1));
  const PlayerSnapshot faster = settled(player);
  CHECK(faster.elapsed_seconds == Approx(resumed.elapsed_seconds).margin(0.01));
  CHECK(left(faster) < left(resumed));
  CHECK(left(faster) > left(resumed) * 0.8);
  player.waitForApplied(player.send(PlayerCommand::RateDown), std::chrono::seconds(1));
  const PlayerSnapshot back = settled(player);
  CHECK(back.elapsed_seconds == Approx(resumed.elapsed_seconds).margin(0.01));
  CHECK(left(back) == Approx(left(resumed)).epsilon(0.05));

  // Played on to the end, elapsed never goes back and what is left never grows.
  PlayerSnapshot last = back;
  for (int i = 0; i < 200 && last.state != PlayerState::Finished; ++i) {
    out.pull(500);
    const PlayerSnapshot s = settled(player);
    CHECK(s.elapsed_seconds >= last.elapsed_seconds);
    CHECK(left(s) <= left(last) + 0.05);
    last = s;
  }
  CHECK(left(last) < 0.5);
}

TEST_CASE("time elapsed follows a jump back", "[player]") {
  LabelPlayback p;
  p.out.pull(sentenceStart(p.ref, 3) + 1000);
  const PlayerSnapshot late = settled(p.player);
  REQUIRE(late.sentence == 3);
  p.player.send(PlayerCommand::PrevBlock);  // to sentence 2
  p.player.send(PlayerCommand::PrevBlock);  // to sentence 0
  p.out.pull(500);
  const PlayerSnapshot early = settled(p.player);
  CHECK(early.sentence == 0);
  CHECK(early.elapsed_seconds < late.elapsed_seconds);
  CHECK(left(early) > left(late));
}
