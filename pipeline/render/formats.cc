#include "render/render.h"
#include "render/epub/epub_format.h"
#include "render/html/html_format.h"
#include "render/pandoc/office_formats.h"
#include "render/slides/slides.h"

namespace leitbild {

// Each renderer adds its entry here (a line per format), in publishing order.
const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> formats = {
      html_output_format(),
      epub_output_format(),
      slides_output_format(),
      pdf_handout_output_format(),
      docx_output_format(),
      odt_output_format(),
      pptx_output_format(),
  };
  return formats;
}

}  // namespace leitbild
