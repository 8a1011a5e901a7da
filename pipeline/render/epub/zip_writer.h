#pragma once
// An in-memory ZIP archive built with libzip, made for reproducible output: entries keep the
// order they were added in, every entry gets the same timestamp, and libzip adds no extra fields.
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
  DosTimestamp timestamp_;
  std::deque<std::string> contents_;  // libzip reads entry bytes only when the archive is closed
  std::unique_ptr<zip_source, SourceFree> buffer_;
  std::unique_ptr<zip, ArchiveDiscard> archive_;
};

}  // namespace leitbild
