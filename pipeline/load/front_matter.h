#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace leitbild {

struct FrontMatterSplit {
  std::string yaml;       // without the --- lines
  int yaml_first_line = 2;
  std::string body;
  int body_first_line = 1;
};

// Splits `---\n<yaml>\n---\n<body>`. Returns nullopt when the file does not start with `---` or
// the block is never closed; `unclosed` tells which.
std::optional<FrontMatterSplit> split_front_matter(std::string_view text, bool* unclosed = nullptr);

}  // namespace leitbild
