#include "render/epub/zip_writer.h"

#include <zip.h>

#include <algorithm>
#include <ctime>
#include <stdexcept>

namespace leitbild {

namespace {

// Takes over `error` (a local one, finished here).
[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
  const std::string message = what + ": " + zip_error_strerror(error);
  zip_error_fini(error);
  throw std::runtime_error(message);
}

[[noreturn]] void fail_reading(zip_source_t* source) {
  throw std::runtime_error(std::string("cannot read the ZIP archive back: ") + zip_error_strerror(zip_source_error(source)));
}

}  // namespace

DosTimestamp dos_timestamp_utc(long long unix_seconds) {
  constexpr long long kFirst = 315532800;    // 1980-01-01T00:00:00Z
  constexpr long long kLast = 4354819198;    // 2107-12-31T23:59:58Z
  const std::time_t t = static_cast<std::time_t>(std::clamp(unix_seconds, kFirst, kLast));
  std::tm utc{};
  gmtime_r(&t, &utc);
  DosTimestamp out;
  out.time = static_cast<unsigned short>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2));
  out.date = static_cast<unsigned short>(((utc.tm_year - 80) << 9) | ((utc.tm_mon + 1) << 5) | utc.tm_mday);
  return out;
}

void ZipWriter::SourceFree::operator()(zip_source* source) const { zip_source_free(source); }
void ZipWriter::ArchiveDiscard::operator()(zip* archive) const { zip_discard(archive); }

ZipWriter::ZipWriter(DosTimestamp timestamp) : timestamp_(timestamp) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) fail("cannot create a ZIP buffer", &error);
  buffer_.reset(buffer);
  zip_source_keep(buffer);  // the archive releases its reference on close; ours reads the result
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(buffer);  // the reference the archive would have taken over
    fail("cannot open a ZIP archive in memory", &error);
  }
  archive_.reset(archive);
  zip_error_fini(&error);
}

ZipWriter::~ZipWriter() = default;

void ZipWriter::add(const std::string& name, std::string bytes, Compression compression) {
  if (!archive_) throw std::logic_error("ZipWriter::add after finish");
  const std::string& stored = contents_.emplace_back(std::move(bytes));
  zip_source_t* source = zip_source_buffer(archive_.get(), stored.data(), stored.size(), 0);
  if (!source) throw std::runtime_error("cannot add " + name + ": " + zip_strerror(archive_.get()));
  const zip_int64_t index = zip_file_add(archive_.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    throw std::runtime_error("cannot add " + name + ": " + zip_strerror(archive_.get()));
  }
  const auto i = static_cast<zip_uint64_t>(index);
  // zlib's default level: level 9 took twice the time for about 1% smaller books.
  constexpr zip_uint32_t kDeflateLevel = 6;
  const bool ok = zip_set_file_compression(archive_.get(), i, compression == Compression::store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                           compression == Compression::store ? 0 : kDeflateLevel) == 0 &&
                  zip_file_set_dostime(archive_.get(), i, timestamp_.time, timestamp_.date, 0) == 0;
  if (!ok) throw std::runtime_error("cannot set up " + name + ": " + zip_strerror(archive_.get()));
}

std::string ZipWriter::finish() {
  if (!archive_) throw std::logic_error("ZipWriter::finish twice");
  if (zip_close(archive_.get()) != 0) throw std::runtime_error(std::string("cannot write the ZIP archive: ") + zip_strerror(archive_.get()));
  (void)archive_.release();  // zip_close freed it
  zip_source_t* buffer = buffer_.get();
  if (zip_source_open(buffer) != 0) fail_reading(buffer);
  std::string out;
  zip_source_seek(buffer, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  if (size > 0) {
    out.resize(static_cast<std::size_t>(size));
    if (zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size)) != size) {
      zip_source_close(buffer);
      fail_reading(buffer);
    }
  }
  zip_source_close(buffer);
  contents_.clear();
  return out;
}

}  // namespace leitbild
