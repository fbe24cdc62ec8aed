#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "common/atomic_file.h"
#include "common/lifetime.h"
#include "render/temp_files.h"
#include "vorlesen/error.h"

namespace fs = std::filesystem;
using namespace vorlesen;
using vorlesen::testing::readAll;
using vorlesen::testing::TempDir;

TEST_CASE("commit replaces the target whole and leaves no temporary", "[common]") {
  TempDir dir;
  const fs::path target = dir.path / "out.txt";
  std::ofstream(target) << "old";
  AtomicFile f(target.string());
  f.write("new contents");
  CHECK(readAll(target) == "old");  // untouched until commit
  f.commit();
  CHECK(readAll(target) == "new contents");
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("commit takes the file a library wrote in place of the temporary", "[common]") {
  // libzip and TagLib write a new file and rename it onto the temporary's name: what is synced and
  // moved into place is that file, not the one behind the descriptor.
  TempDir dir;
  const fs::path target = dir.path / "book.zip";
  AtomicFile f(target.string());
  f.write("first version");
  const fs::path replacement = dir.path / "replacement";
  std::ofstream(replacement) << "the library's version";
  fs::rename(replacement, f.temporaryPath());
  f.commit();
  CHECK(readAll(target) == "the library's version");
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("commit of a temporary that vanished is an error naming the file", "[common]") {
  TempDir dir;
  const fs::path target = dir.path / "gone.txt";
  AtomicFile f(target.string());
  fs::remove(f.temporaryPath());
  try {
    f.commit();
    FAIL("commit succeeded");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("gone.txt") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(target));
}

TEST_CASE("keepUntilExit keeps what it is given after the caller lets go", "[common]") {
  std::weak_ptr<const int> watch;
  {
    const auto p = keepUntilExit(std::make_shared<const int>(42));
    watch = p;
    CHECK(*p == 42);
  }
  REQUIRE_FALSE(watch.expired());
  CHECK(*watch.lock() == 42);
}
