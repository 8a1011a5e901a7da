#pragma once
// A per-process scratch project the fuzz targets write their input into, so the real loader
// (which reads files) runs on it.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace leitbild::fuzz {

const std::filesystem::path& scratch_root();
void write_file(const std::string& relative, std::string_view content);
// A small valid tree (one edition, two languages, glossary) the targets then overwrite parts of.
void write_base_tree();

}  // namespace leitbild::fuzz
