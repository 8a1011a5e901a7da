#pragma once
// Slide footers for the PowerPoint decks. Pandoc 2.17 has no footer option and does not carry
// the reference document's footer text onto the slides, and a footer differs per deck (presenter,
// role, event, date) while the reference document belongs to the theme. So after pandoc ran,
// every slide but the title slide gets a footer placeholder shape with the text; its position and
// look come from the slide's layout (themes/default/reference.pptx: bottom left, small, grey).
#include <string>
#include <vector>

#include "render/pandoc/office_zip.h"

namespace leitbild {

// Adds the footer to every slide (ppt/slides/slideN.xml) whose layout has a footer placeholder,
// except slide 1 when `skip_title_slide`.
// Returns how many slides got one. Throws std::runtime_error when a part is not well-formed XML.
int add_slide_footers(std::vector<ZipPart>& parts, const std::string& footer_text, const std::string& lang,
                      bool skip_title_slide);

}  // namespace leitbild
