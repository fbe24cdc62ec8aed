#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "ui/resume.h"
#include "vorlesen/error.h"

using namespace vorlesen::ui;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("vorlesen-resume-" + std::to_string(::getpid()));
  TempDir() { fs::remove_all(path); }
  ~TempDir() { fs::remove_all(path); }
};

std::string readAll(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("content hash is stable FNV-1a and differs for edited text", "[ui]") {
  CHECK(contentHash("") == "cbf29ce484222325");
  CHECK(contentHash("a") == "af63dc4c8601ec8c");
  CHECK(contentHash("Die Brücke.") != contentHash("Die Brücke!"));
}

TEST_CASE("positions are saved per document, replaced, and forgotten", "[ui]") {
  TempDir dir;
  const ResumeStore store((dir.path / "state" / "positions.tsv").string());
  CHECK_FALSE(store.find("0123456789abcdef").has_value());  // no file yet

  store.save("0123456789abcdef", ResumePoint{12, 345}, "artikel.txt");
  store.save("fedcba9876543210", ResumePoint{3, 40}, "name\twith tab");
  store.save("0123456789abcdef", ResumePoint{13, 400}, "artikel.txt");

  const auto a = store.find("0123456789abcdef");
  REQUIRE(a.has_value());
  CHECK(a->sentence == 13);
  CHECK(a->offset == 400);
  const auto b = store.find("fedcba9876543210");
  REQUIRE(b.has_value());
  CHECK(b->sentence == 3);

  const std::string file = readAll(dir.path / "state" / "positions.tsv");
  CHECK(file.find("name with tab") != std::string::npos);
  CHECK(file.find("0123456789abcdef\t13\t400\t") < file.find("fedcba9876543210"));  // newest first

  store.forget("0123456789abcdef");
  CHECK_FALSE(store.find("0123456789abcdef").has_value());
  CHECK(store.find("fedcba9876543210").has_value());
  for (const auto& entry : fs::directory_iterator(dir.path / "state")) {
    CHECK(entry.path().filename() == "positions.tsv");  // no temporary file left behind
  }
}

TEST_CASE("a damaged state file is read around, not fatal", "[ui]") {
  TempDir dir;
  fs::create_directories(dir.path);
  const fs::path file = dir.path / "positions.tsv";
  std::ofstream(file) << "garbage\nnot-a-hash\t1\t2\t3\tx\n0123456789abcdef\tzwölf\t1\t2\tx\n"
                         "fedcba9876543210\t7\t70\t1700000000\tok.txt\n";
  const ResumeStore store(file.string());
  CHECK_FALSE(store.find("0123456789abcdef").has_value());
  const auto ok = store.find("fedcba9876543210");
  REQUIRE(ok.has_value());
  CHECK(ok->sentence == 7);
}

TEST_CASE("an unwritable state directory is an output error naming the file", "[ui]") {
  TempDir dir;
  fs::create_directories(dir.path);
  std::ofstream(dir.path / "blocker") << "a file where a directory should be";
  const ResumeStore store((dir.path / "blocker" / "positions.tsv").string());
  CHECK_THROWS_WITH(store.save("0123456789abcdef", ResumePoint{1, 1}, "x"), Catch::Contains("blocker"));
}

TEST_CASE("the default path follows XDG_STATE_HOME, then HOME", "[ui]") {
  const char* old_state = std::getenv("XDG_STATE_HOME");
  const std::string saved = old_state ? old_state : "";
  ::setenv("XDG_STATE_HOME", "/tmp/xdg-state", 1);
  CHECK(ResumeStore::defaultPath() == "/tmp/xdg-state/vorlesen/positions.tsv");
  ::setenv("XDG_STATE_HOME", "relative/ignored", 1);  // the spec says relative paths are invalid
  CHECK(ResumeStore::defaultPath().find("/.local/state/vorlesen/positions.tsv") != std::string::npos);
  if (old_state) ::setenv("XDG_STATE_HOME", saved.c_str(), 1); else ::unsetenv("XDG_STATE_HOME");
}
