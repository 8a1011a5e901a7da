#include "load/edition_lock.h"

#include <fmt/format.h>

#include <algorithm>

#include "model/strings.h"

namespace leitbild {

namespace {

bool is_lower_hex(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

std::string edition_lock_path(const Edition& edition) { return edition.dir + "/edition.lock"; }

bool is_glossary_path(std::string_view path) { return path.starts_with("glossary/"); }

EditionLock parse_edition_lock(const std::string& lock_path, std::string_view text, Diagnostics& diagnostics) {
  EditionLock lock;
  lock.path = lock_path;
  int line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    // sha256sum writes " *" instead of two spaces for files it read in binary mode; accept both.
    std::string_view digest = line.substr(0, std::min<std::size_t>(64, line.size()));
    std::string_view separator = line.size() >= 66 ? line.substr(64, 2) : std::string_view{};
    std::string_view path = line.size() > 66 ? line.substr(66) : std::string_view{};
    const SourceLocation where{lock_path, line_number, 1};
    if (!is_lower_hex(digest) || (separator != "  " && separator != " *") || !is_safe_relative_path(path)) {
      diagnostics.add("LB0502", where, fmt::format("line {} of `{}` is not `<sha256>  <path>`", line_number, lock_path),
                      "Do not edit the lock by hand: restore it from version control, or write it again with "
                      "`leitbild edition erratum N --note \"...\"`.");
      continue;
    }
    auto [it, fresh] = lock.files.emplace(std::string(path), LockedFile{std::string(digest), line_number});
    if (!fresh)
      diagnostics.add("LB0502", where, fmt::format("`{}` is listed twice in `{}`", path, lock_path),
                      fmt::format("Keep the line {} and delete this one, or restore the lock from version control.",
                                  it->second.line));
  }
  return lock;
}

std::string format_edition_lock(int edition_number, const EditionLock& lock) {
  std::string out = fmt::format(
      "# leitbild edition lock: the fingerprints of edition {} as published. Written by\n"
      "# `leitbild edition publish` and `leitbild edition erratum`; do not edit by hand.\n"
      "# Each line: SHA-256 of the file's text (UTF-8, LF line ends, NFC), two spaces, its path.\n"
      "# Glossary lines record the glossary as it stood; only the edition's own files are checked.\n",
      edition_number);
  // std::map keeps the paths sorted byte-wise, which is the documented order.
  for (const auto& [path, file] : lock.files) out += fmt::format("{}  {}\n", file.sha256, path);
  return out;
}

}  // namespace leitbild
