#pragma once
// Small text helpers shared by every stage.
#include <string>
#include <string_view>
#include <vector>

namespace leitbild {

// Edit distance in bytes; good enough for ASCII ids and keys.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Up to `limit` candidates closest to `word`, nearest first, only those within a sensible distance.
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t limit = 3);

// "`a`, `b` or `c`"
std::string quoted_list(const std::vector<std::string>& items, std::string_view conjunction = "or");

// Ids, stems, anchors, deck names: [a-z][a-z0-9-]* and at most 64 bytes.
bool is_valid_id(std::string_view id);

// A project-relative path that cannot leave its folder: '/'-separated, not absolute, no
// backslash or NUL, no empty, "." or ".." part.
bool is_safe_relative_path(std::string_view path);

// Text for HTML built by hand (outside libxml2's writer): & < > " and ' as character references.
std::string escape_html(std::string_view text);

}  // namespace leitbild
