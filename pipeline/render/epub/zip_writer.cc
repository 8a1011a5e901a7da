#include "render/epub/zip_writer.h"

#include <libdeflate.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
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

struct CompressorFree {
  void operator()(libdeflate_compressor* compressor) const { libdeflate_free_compressor(compressor); }
};

// zlib's default level: level 9 took twice the time for about 1% smaller books. One compressor per
// thread, kept: allocating one costs hundreds of KiB of fresh pages.
libdeflate_compressor* thread_compressor() {
  constexpr int kDeflateLevel = 6;
  thread_local std::unique_ptr<libdeflate_compressor, CompressorFree> compressor(libdeflate_alloc_compressor(kDeflateLevel));
  if (!compressor) throw std::runtime_error("cannot set up the deflate compressor (out of memory)");
  return compressor.get();
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

long long ZipWriter::read_deflated(void* state, void* data, unsigned long long length, int command) {
  Deflated& entry = *static_cast<Deflated*>(state);
  switch (static_cast<zip_source_cmd_t>(command)) {
    case ZIP_SOURCE_OPEN:
      entry.read_offset = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      const auto n = std::min<unsigned long long>(length, entry.bytes.size() - entry.read_offset);
      std::memcpy(data, entry.bytes.data() + entry.read_offset, n);
      entry.read_offset += n;
      return static_cast<long long>(n);
    }
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:
      return 0;
    case ZIP_SOURCE_STAT: {
      // Compressed with a known size and CRC: libzip copies the bytes as they are.
      auto* stat = static_cast<zip_stat_t*>(data);
      zip_stat_init(stat);
      stat->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
      stat->size = entry.size;
      stat->comp_size = entry.bytes.size();
      stat->comp_method = ZIP_CM_DEFLATE;
      stat->crc = entry.crc;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR: {
      zip_error_t error;
      zip_error_init_with_code(&error, entry.error);
      const zip_int64_t n = zip_error_to_data(&error, data, length);
      zip_error_fini(&error);
      return n;
    }
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                            ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      entry.error = ZIP_ER_OPNOTSUPP;
      return -1;
  }
}

void ZipWriter::add(const std::string& name, std::string bytes, Compression compression) {
  if (!archive_) throw std::logic_error("ZipWriter::add after finish");
  // Empty entries are stored: a deflate stream of nothing is larger than nothing.
  const bool deflate = compression == Compression::deflate && !bytes.empty();
  zip_source_t* source = nullptr;
  if (deflate) {
    libdeflate_compressor* compressor = thread_compressor();
    Deflated& entry = deflated_.emplace_back();
    entry.size = bytes.size();
    entry.crc = static_cast<unsigned int>(libdeflate_crc32(0, bytes.data(), bytes.size()));
    entry.bytes.resize(libdeflate_deflate_compress_bound(compressor, bytes.size()));
    const std::size_t compressed =
        libdeflate_deflate_compress(compressor, bytes.data(), bytes.size(), entry.bytes.data(), entry.bytes.size());
    if (compressed == 0) throw std::logic_error("libdeflate: output larger than its own bound for " + name);
    entry.bytes.resize(compressed);
    source = zip_source_function(archive_.get(), [](void* state, void* data, zip_uint64_t length, zip_source_cmd_t command) -> zip_int64_t {
      return read_deflated(state, data, length, command);
    }, &entry);
  } else {
    const std::string& stored = stored_.emplace_back(std::move(bytes));
    source = zip_source_buffer(archive_.get(), stored.data(), stored.size(), 0);
  }
  if (!source) throw std::runtime_error("cannot add " + name + ": " + zip_strerror(archive_.get()));
  const zip_int64_t index = zip_file_add(archive_.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    throw std::runtime_error("cannot add " + name + ": " + zip_strerror(archive_.get()));
  }
  const auto i = static_cast<zip_uint64_t>(index);
  // A deflated entry keeps libzip's default method, which takes the source's (already deflated).
  const bool ok = (deflate || zip_set_file_compression(archive_.get(), i, ZIP_CM_STORE, 0) == 0) &&
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
  stored_.clear();
  deflated_.clear();
  return out;
}

}  // namespace leitbild
