#pragma once
// An in-memory ZIP archive built with libzip, made for reproducible output: entries keep the
// order they were added in, every entry gets the same timestamp, and libzip adds no extra fields.
// Entries are deflated with libdeflate and handed to libzip already compressed: libdeflate takes
// about a third of zlib's time at the same level for slightly smaller output, and zlib's deflate
// was half of an EPUB job's time (docs/performance.md).
#include <deque>
#include <memory>
#include <string>

struct zip;
struct zip_source;

namespace leitbild {

// MS-DOS date and time as ZIP headers store them, computed in UTC so that the archive's bytes do
// not depend on the machine's time zone (zip_file_set_mtime would use local time). Instants
// outside the DOS range (1980..2107) are clamped to its ends.
struct DosTimestamp {
  unsigned short time = 0;
  unsigned short date = 0;
};
DosTimestamp dos_timestamp_utc(long long unix_seconds);

class ZipWriter {
 public:
  explicit ZipWriter(DosTimestamp timestamp);
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  enum class Compression { store, deflate };
  // Throws std::runtime_error if libzip refuses the entry.
  void add(const std::string& name, std::string bytes, Compression compression = Compression::deflate);
  // Writes the central directory and returns the archive. The writer is spent afterwards.
  std::string finish();

 private:
  struct SourceFree {
    void operator()(zip_source* source) const;
  };
  struct ArchiveDiscard {
    void operator()(zip* archive) const;
  };
  // An entry's bytes as libdeflate compressed them, read by libzip through a source callback.
  struct Deflated {
    std::string bytes;
    unsigned long long size = 0;  // before compression
    unsigned int crc = 0;         // CRC-32 of the bytes before compression
    unsigned long long read_offset = 0;
    int error = 0;  // libzip's ZIP_ER_* code of the last refused command
  };
  static long long read_deflated(void* state, void* data, unsigned long long length, int command);
  DosTimestamp timestamp_;
  // libzip reads entry bytes only when the archive is closed.
  std::deque<std::string> stored_;
  std::deque<Deflated> deflated_;
  std::unique_ptr<zip_source, SourceFree> buffer_;
  std::unique_ptr<zip, ArchiveDiscard> archive_;
};

}  // namespace leitbild
