// `vorlesen extract FILE|URL|-`: prints what would be read aloud, one block per line, so users can check
// the article extraction (and report pages it gets wrong).
#include <iostream>
#include <memory>
#include <string>

#include "cli/app.h"
#include "vorlesen/error.h"
#include "vorlesen/extract.h"
#include "vorlesen/i18n.h"
#include "vorlesen/text.h"

namespace vorlesen::cli {

namespace {

struct ExtractCommandOptions {
  std::string input;
  ExtractOptions extract;
  bool kinds = false;
};

int extract(const ExtractCommandOptions& opt) {
  const Document doc = loadArticle(opt.input, opt.extract);
  warnAboutInput(doc);
  if (doc.blocks.empty()) throw Error::input(format(tr("{}: no article text found"), doc.name));
  std::string line;
  for (const Block& b : doc.blocks) {
    line.clear();
    if (opt.kinds) line.append(blockKindName(b.kind)).push_back('\t');
    // One block per line: line breaks inside a block (hard-wrapped text) become spaces.
    for (char c : doc.slice(b.span)) line.push_back(c == '\n' || c == '\r' ? ' ' : c);
    line.push_back('\n');
    blankControlCharacters(line);  // an ESC from the input must not reach the terminal
    std::cout << line;
  }
  std::cout.flush();
  if (!std::cout) throw Error::output(tr("standard output: write failed"));
  return kExitOk;
}

}  // namespace

Command addExtractCommand(CLI::App& app) {
  auto opt = std::make_shared<ExtractCommandOptions>();
  CLI::App* sub = app.add_subcommand("extract", tr("print the article that would be read, one paragraph per line"));
  sub->add_option("input", opt->input, tr("text or HTML file, a link (http/https), or - for standard input"))->required();
  addInputOptions(*sub, opt->extract);
  sub->add_flag("-k,--kinds", opt->kinds, tr("start each line with the block kind (title, byline, heading, ...) and a TAB"));
  return Command{sub, [opt] { return extract(*opt); }};
}

}  // namespace vorlesen::cli
