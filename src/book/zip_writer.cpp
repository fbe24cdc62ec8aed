#include "book/zip_writer.h"

#include <zip.h>

#include "common/atomic_file.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"

namespace vorlesen {

namespace {

// The one place a libzip error becomes an Error.
Error zipError(const std::string& path, const std::string& what, zip_error_t* error) {
  return Error::output(format(tr("{}: {}: {}"), path, what, zip_error_strerror(error)));
}

Error zipError(const std::string& path, const std::string& what, int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  Error e = zipError(path, what, &error);
  zip_error_fini(&error);
  return e;
}

}  // namespace

ZipWriter::ZipWriter(std::string path, std::time_t mtime)
    : path_(std::move(path)), reserved_(std::make_unique<AtomicFile>(path_)), mtime_(mtime) {
  int code = 0;
  archive_ = zip_open(reserved_->temporaryPath().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (!archive_) throw zipError(path_, tr("cannot create the archive"), code);
}

ZipWriter::~ZipWriter() {
  if (archive_) zip_discard(archive_);
}

void ZipWriter::addSource(const std::string& name, zip_source_t* source, Compression compression) {
  if (!source) throw zipError(path_, name, zip_get_error(archive_));
  const zip_int64_t index = zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    throw zipError(path_, name, zip_get_error(archive_));
  }
  const auto i = static_cast<zip_uint64_t>(index);
  const zip_int32_t method = compression == Compression::Store ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
  if (zip_set_file_compression(archive_, i, method, 9) != 0 || zip_file_set_mtime(archive_, i, mtime_, 0) != 0) {
    throw zipError(path_, name, zip_get_error(archive_));
  }
}

void ZipWriter::add(const std::string& name, std::string content, Compression compression) {
  contents_.push_back(std::move(content));
  const std::string& kept = contents_.back();
  addSource(name, zip_source_buffer(archive_, kept.data(), kept.size(), 0), compression);
}

void ZipWriter::addFile(const std::string& name, const std::string& file) {
  addSource(name, zip_source_file(archive_, file.c_str(), 0, -1), Compression::Store);
}

void ZipWriter::setComment(const std::string& comment) {
  if (zip_set_archive_comment(archive_, comment.c_str(), static_cast<zip_uint16_t>(comment.size())) != 0) {
    throw zipError(path_, tr("cannot set the archive comment"), zip_get_error(archive_));
  }
}

void ZipWriter::commit() {
  if (zip_close(archive_) != 0) throw zipError(path_, tr("cannot write the archive"), zip_get_error(archive_));
  archive_ = nullptr;
  reserved_->commit();
  contents_.clear();
}

std::string zipComment(const std::string& path) {
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (!archive) return {};
  int length = 0;
  const char* comment = zip_get_archive_comment(archive, &length, ZIP_FL_ENC_RAW);
  std::string out = comment ? std::string(comment, static_cast<std::size_t>(length)) : std::string();
  zip_discard(archive);
  return out;
}

}  // namespace vorlesen
