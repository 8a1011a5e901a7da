#pragma once
// Changing one key of a Markdown file's YAML front matter without touching any other byte:
// editors' files keep their BOM, line endings, comments, quoting and key order.
#include <optional>
#include <string>
#include <string_view>

namespace leitbild {

// `file` with the top-level line `key: value` set in its front matter: an existing line for `key`
// is replaced (keeping its line ending); otherwise the line is added after the `after_key` entry
// (and its indented continuation lines), or before the closing `---` when there is none.
// nullopt when the file does not start with a front matter block.
std::optional<std::string> set_front_matter_key(std::string_view file, std::string_view key, std::string_view value,
                                                std::string_view after_key = "title");

}  // namespace leitbild
