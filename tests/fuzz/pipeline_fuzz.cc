// load -> resolve -> check -> render on a generated tree: the input is split at NUL bytes into
// the German chapter, the Dutch chapter and a deck; every format's jobs that need no external
// tool run in memory.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "check/check.h"
#include "fuzz_tree.h"
#include "load/load.h"
#include "render/render.h"
#include "resolve/resolve.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace leitbild;
  std::vector<std::string> parts(3);
  std::size_t part = 0;
  for (size_t i = 0; i < size && part < parts.size(); ++i) {
    if (data[i] == 0) ++part;
    else parts[part] += static_cast<char>(data[i]);
  }
  fuzz::write_base_tree();
  fuzz::write_file("content/editions/1/de/a.md", "---\ntitle: A\n---\n\n" + parts[0]);
  fuzz::write_file("content/editions/1/nl/a.md", "---\ntitle: A\n---\n\n" + parts[1]);
  fuzz::write_file("content/decks/d/deck.yaml", "title: T\nedition: 1\nlayout: side-by-side\n");
  fuzz::write_file("content/decks/d/de.md", "## Folie\n\n" + parts[2]);
  fuzz::write_file("content/decks/d/nl.md", "## Dia\n\n" + parts[2]);
  Diagnostics diagnostics;
  Project project = load_project(fuzz::scratch_root(), diagnostics);
  if (project.languages.empty()) return 0;
  resolve_project(project, diagnostics);
  check_project(project, diagnostics);
  RenderOptions options;
  options.theme_dirs = {LEITBILD_DEFAULT_THEME_DIR};
  options.node_modules = LEITBILD_NODE_MODULES_DIR;
  options.source_date_epoch = 0;
  for (const OutputFormat& format : output_formats()) {
    if (format.name != "html" && format.name != "epub" && format.name != "slides") continue;
    for (RenderJob& job : format.plan(project, options)) {
      Diagnostics render_diagnostics;
      job.run(render_diagnostics);
    }
  }
  return 0;
}
