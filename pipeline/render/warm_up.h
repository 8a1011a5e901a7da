#pragma once
// The first page a render job writes in a language pays for loading that language's data: ICU's
// dates, language names, quotation marks, collation and alphabet, and the theme's labels (YAML).
// Those land in process-wide caches, so they can be loaded ahead, on a core that would otherwise
// wait while the project is resolved and checked (the CLI does that). Output never depends on
// whether this ran; it reads no project data, only the languages and the theme folders.
#include <vector>

#include "model/project.h"
#include "render/render.h"

namespace leitbild {

void warm_up_renderers(const std::vector<LanguageTag>& languages, const RenderOptions& options);

}  // namespace leitbild
