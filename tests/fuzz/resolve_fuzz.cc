// The cross-reference resolver: the input is a chapter body full of links and headings.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_tree.h"
#include "load/load.h"
#include "resolve/resolve.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace leitbild;
  static bool ready = (fuzz::write_base_tree(), true);
  (void)ready;
  std::string body(reinterpret_cast<const char*>(data), size);
  fuzz::write_file("content/editions/1/de/a.md", "---\ntitle: A\n---\n\n" + body);
  Diagnostics diagnostics;
  Project project = load_project(fuzz::scratch_root(), diagnostics);
  resolve_project(project, diagnostics);
  return 0;
}
