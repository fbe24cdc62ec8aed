// `vorlesen segment [FILE]`: one sentence per line, in the original spelling, as the player will
// read them (paragraphs as documentFromText() finds them, sentences as the Segmenter splits them).
#include <iostream>
#include <memory>
#include <string>

#include "cli/app.h"
#include "vorlesen/document.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"
#include "vorlesen/segmenter.h"
#include "vorlesen/text.h"

namespace vorlesen::cli {

namespace {

struct SegmentOptions {
  std::string input = "-";
  bool offsets = false;
};

// Appends the sentence on one line: every run of white space that holds a line break becomes one
// space; other spacing stays as written.
void appendOneLine(std::string& out, std::string_view sentence) {
  auto blank = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  for (;;) {
    std::size_t line_break = 0;
    while (line_break < sentence.size() && !(blank(sentence[line_break]) && sentence[line_break] != ' ' &&
                                             sentence[line_break] != '\t')) {
      ++line_break;
    }
    if (line_break == sentence.size()) {
      out.append(sentence);
      return;
    }
    std::size_t begin = line_break;
    while (begin > 0 && blank(sentence[begin - 1])) --begin;
    std::size_t end = line_break;
    while (end < sentence.size() && blank(sentence[end])) ++end;
    out.append(sentence.substr(0, begin));
    out += ' ';
    sentence.remove_prefix(end);
  }
}

int segment(const SegmentOptions& opt) {
  const Document doc = loadDocument(opt.input);
  if (doc.bad_utf8 > 0) {
    warn(format(trn("{}: invalid UTF-8 at byte {} ({} sequence replaced by U+FFFD)",
                    "{}: invalid UTF-8 at byte {} ({} sequences replaced by U+FFFD)", doc.bad_utf8),
                doc.name, doc.first_bad_utf8_offset, doc.bad_utf8));
  }
  const Segmenter segmenter(LanguageData::german());
  std::string out;
  for (const Block& block : doc.blocks) {
    for (const Span& s : segmenter.split(doc.text, block.span)) {
      if (opt.offsets) out += std::to_string(s.begin) + '\t' + std::to_string(s.end) + '\t';
      appendOneLine(out, doc.slice(s));
      out += '\n';
    }
    if (out.size() >= (1u << 16)) {
      blankControlCharacters(out);  // an ESC from the input must not reach the terminal; offsets stay
      std::cout << out;
      out.clear();
    }
  }
  blankControlCharacters(out);
  std::cout << out << std::flush;
  if (!std::cout) throw Error::output(tr("<stdout>: cannot write the sentences"));
  return kExitOk;
}

}  // namespace

Command addSegmentCommand(CLI::App& app) {
  auto opt = std::make_shared<SegmentOptions>();
  CLI::App* sub = app.add_subcommand("segment", tr("print the sentences of a German text, one per line"));
  sub->add_option("input", opt->input, tr("text file to read, or - for standard input (the default)"));
  sub->add_flag("--offsets", opt->offsets, tr("start each line with the sentence's byte offsets: BEGIN<TAB>END<TAB>"));
  return Command{sub, [opt] { return segment(*opt); }};
}

}  // namespace vorlesen::cli
