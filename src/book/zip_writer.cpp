#include "book/zip_writer.h"

#include <zip.h>

#include <mutex>

#include "common/atomic_file.h"
#include "common/dynamic_library.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"

namespace vorlesen {

namespace {

// libzip is opened when the first book is written or checked, not linked: with libcrypto and bzip2
// it was 2 ms of every command's start (an empty program linked like vorlesen, perf stat), for the
// books only. Its functions are called through this table.
struct Libzip {
  decltype(&zip_open) open;
  decltype(&zip_close) close;
  decltype(&zip_discard) discard;
  decltype(&zip_get_error) get_error;
  decltype(&zip_error_init_with_code) error_init_with_code;
  decltype(&zip_error_strerror) error_strerror;
  decltype(&zip_error_fini) error_fini;
  decltype(&zip_file_add) file_add;
  decltype(&zip_set_file_compression) set_file_compression;
  decltype(&zip_file_set_mtime) file_set_mtime;
  decltype(&zip_source_buffer) source_buffer;
  decltype(&zip_source_file) source_file;
  decltype(&zip_source_free) source_free;
  decltype(&zip_set_archive_comment) set_archive_comment;
  decltype(&zip_get_archive_comment) get_archive_comment;
};

// libzip, opened once per process. Throws an output error when it cannot be loaded.
const Libzip& libzip() {
  static std::once_flag once;
  static Libzip api{};
  static std::string failure;
  std::call_once(once, [] {
    std::string missing;
    void* library = openLibrary("libzip.so.4", missing);
    if (library) {
      bindSymbol(library, api.open, "zip_open", missing);
      bindSymbol(library, api.close, "zip_close", missing);
      bindSymbol(library, api.discard, "zip_discard", missing);
      bindSymbol(library, api.get_error, "zip_get_error", missing);
      bindSymbol(library, api.error_init_with_code, "zip_error_init_with_code", missing);
      bindSymbol(library, api.error_strerror, "zip_error_strerror", missing);
      bindSymbol(library, api.error_fini, "zip_error_fini", missing);
      bindSymbol(library, api.file_add, "zip_file_add", missing);
      bindSymbol(library, api.set_file_compression, "zip_set_file_compression", missing);
      bindSymbol(library, api.file_set_mtime, "zip_file_set_mtime", missing);
      bindSymbol(library, api.source_buffer, "zip_source_buffer", missing);
      bindSymbol(library, api.source_file, "zip_source_file", missing);
      bindSymbol(library, api.source_free, "zip_source_free", missing);
      bindSymbol(library, api.set_archive_comment, "zip_set_archive_comment", missing);
      bindSymbol(library, api.get_archive_comment, "zip_get_archive_comment", missing);
    }
    if (!missing.empty()) failure = format(tr("cannot load libzip ({}); books need the libzip4 package"), missing);
  });
  if (!failure.empty()) throw Error::output(failure);
  return api;
}

// The one place a libzip error becomes an Error.
Error zipError(const std::string& path, const std::string& what, zip_error_t* error) {
  return Error::output(format(tr("{}: {}: {}"), path, what, libzip().error_strerror(error)));
}

Error zipError(const std::string& path, const std::string& what, int code) {
  zip_error_t error;
  libzip().error_init_with_code(&error, code);
  Error e = zipError(path, what, &error);
  libzip().error_fini(&error);
  return e;
}

}  // namespace

ZipWriter::ZipWriter(std::string path, std::time_t mtime)
    : path_(std::move(path)), reserved_(std::make_unique<AtomicFile>(path_)), mtime_(mtime) {
  int code = 0;
  archive_ = libzip().open(reserved_->temporaryPath().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (!archive_) throw zipError(path_, tr("cannot create the archive"), code);
}

ZipWriter::~ZipWriter() {
  if (archive_) libzip().discard(archive_);
}

void ZipWriter::addSource(const std::string& name, zip_source_t* source, Compression compression) {
  const Libzip& zip = libzip();
  if (!source) throw zipError(path_, name, zip.get_error(archive_));
  const zip_int64_t index = zip.file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip.source_free(source);
    throw zipError(path_, name, zip.get_error(archive_));
  }
  const auto i = static_cast<zip_uint64_t>(index);
  const zip_int32_t method = compression == Compression::Store ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
  if (zip.set_file_compression(archive_, i, method, 9) != 0 || zip.file_set_mtime(archive_, i, mtime_, 0) != 0) {
    throw zipError(path_, name, zip.get_error(archive_));
  }
}

void ZipWriter::add(const std::string& name, std::string content, Compression compression) {
  contents_.push_back(std::move(content));
  const std::string& kept = contents_.back();
  addSource(name, libzip().source_buffer(archive_, kept.data(), kept.size(), 0), compression);
}

void ZipWriter::addFile(const std::string& name, const std::string& file) {
  addSource(name, libzip().source_file(archive_, file.c_str(), 0, -1), Compression::Store);
}

void ZipWriter::setComment(const std::string& comment) {
  if (libzip().set_archive_comment(archive_, comment.c_str(), static_cast<zip_uint16_t>(comment.size())) != 0) {
    throw zipError(path_, tr("cannot set the archive comment"), libzip().get_error(archive_));
  }
}

void ZipWriter::commit() {
  if (libzip().close(archive_) != 0) {
    throw zipError(path_, tr("cannot write the archive"), libzip().get_error(archive_));
  }
  archive_ = nullptr;
  reserved_->commit();
  contents_.clear();
}

std::string zipComment(const std::string& path) {
  int code = 0;
  zip_t* archive = libzip().open(path.c_str(), ZIP_RDONLY, &code);
  if (!archive) return {};
  int length = 0;
  const char* comment = libzip().get_archive_comment(archive, &length, ZIP_FL_ENC_RAW);
  std::string out = comment ? std::string(comment, static_cast<std::size_t>(length)) : std::string();
  libzip().discard(archive);
  return out;
}

}  // namespace vorlesen
