#include "render/pandoc/office_zip.h"

#include <zip.h>

#include <memory>
#include <stdexcept>

#include "render/epub/zip_writer.h"

namespace leitbild {

namespace {

struct ArchiveDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct EntryClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// Pandoc's archives are small; anything this large is not one of them.
constexpr zip_uint64_t kMaxEntrySize = zip_uint64_t{1} << 31;

}  // namespace

std::vector<ZipPart> read_zip_parts(std::string_view archive) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  if (!source) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw std::runtime_error("cannot read the archive: " + message);
  }
  std::unique_ptr<zip_t, ArchiveDiscard> zip(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!zip) {
    zip_source_free(source);  // not taken over when opening fails
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw std::runtime_error("not a valid ZIP archive: " + message);
  }
  zip_error_fini(&error);

  std::vector<ZipPart> parts;
  const zip_int64_t count = zip_get_num_entries(zip.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(zip.get(), index, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_NAME) || !(stat.valid & ZIP_STAT_SIZE))
      throw std::runtime_error("cannot read entry " + std::to_string(i) + ": " + zip_strerror(zip.get()));
    if (stat.size > kMaxEntrySize) throw std::runtime_error(std::string("the entry ") + stat.name + " is too large");
    ZipPart part{stat.name, std::string(static_cast<std::size_t>(stat.size), '\0')};
    std::unique_ptr<zip_file_t, EntryClose> file(zip_fopen_index(zip.get(), index, 0));
    if (!file) throw std::runtime_error("cannot open " + part.name + ": " + zip_strerror(zip.get()));
    if (stat.size > 0 && zip_fread(file.get(), part.bytes.data(), stat.size) != static_cast<zip_int64_t>(stat.size))
      throw std::runtime_error("cannot read " + part.name);
    parts.push_back(std::move(part));
  }
  return parts;
}

const ZipPart* find_part(const std::vector<ZipPart>& parts, std::string_view name) {
  for (const ZipPart& part : parts)
    if (part.name == name) return &part;
  return nullptr;
}

ZipPart* find_part(std::vector<ZipPart>& parts, std::string_view name) {
  for (ZipPart& part : parts)
    if (part.name == name) return &part;
  return nullptr;
}

std::string write_zip_parts(const std::vector<ZipPart>& parts, long long unix_seconds) {
  ZipWriter writer(dos_timestamp_utc(unix_seconds));
  for (const ZipPart& part : parts) {
    if (part.name.ends_with('/')) continue;  // folder entries are optional in ZIP; files imply them
    writer.add(part.name, part.bytes, part.name == "mimetype" ? ZipWriter::Compression::store : ZipWriter::Compression::deflate);
  }
  return writer.finish();
}

}  // namespace leitbild
