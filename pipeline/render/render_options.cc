#include <fstream>
#include <sstream>

#include "render/render.h"

namespace leitbild {

std::optional<std::string> RenderOptions::theme_file(const std::string& relative) const {
  for (const auto& dir : theme_dirs) {
    std::ifstream in(dir / relative, std::ios::binary);
    if (!in) continue;
    std::ostringstream s;
    s << in.rdbuf();
    return std::move(s).str();
  }
  return std::nullopt;
}

}  // namespace leitbild
