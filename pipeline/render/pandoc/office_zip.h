#pragma once
// Office files are ZIP packages. Pandoc's own packaging is not reproducible for every format
// (ODT and PPTX entries carry the wall-clock time in pandoc 2.17), and the PPTX footers are added
// after pandoc ran; so every Office file is read back and written again here, entry by entry in
// pandoc's order, with one fixed timestamp.
#include <string>
#include <string_view>
#include <vector>

namespace leitbild {

struct ZipPart {
  std::string name;
  std::string bytes;
};

// Every entry of the archive, in archive order. Throws std::runtime_error for a broken archive.
std::vector<ZipPart> read_zip_parts(std::string_view archive);

// The entry named `name`, or nullptr.
const ZipPart* find_part(const std::vector<ZipPart>& parts, std::string_view name);
ZipPart* find_part(std::vector<ZipPart>& parts, std::string_view name);

// A new archive of `parts` in their order, every entry stamped with `unix_seconds` (UTC).
// `mimetype` (ODF) is stored uncompressed, as the OpenDocument package format requires.
std::string write_zip_parts(const std::vector<ZipPart>& parts, long long unix_seconds);

}  // namespace leitbild
