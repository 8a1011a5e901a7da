#include "render/render.h"

namespace leitbild {

// Each renderer adds its entry here (a line per format), in publishing order.
const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> formats = {};
  return formats;
}

}  // namespace leitbild
