#pragma once
// The "epub" output format: one EPUB 3.3 book per edition and language (docs/epub.md).
#include "render/render.h"

namespace leitbild {

// Jobs keyed "epub/<N>/<lang>", each producing "<N>/leitbild-<N>-<lang>.epub". The jobs refer to
// `project` and must run while it lives.
std::vector<RenderJob> plan_epub(const Project& project, const RenderOptions& options);

OutputFormat epub_output_format();

}  // namespace leitbild
