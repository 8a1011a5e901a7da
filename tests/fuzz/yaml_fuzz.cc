// The manifest and glossary YAML: the input's first line picks the file, the rest is its text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check/check.h"
#include "fuzz_tree.h"
#include "load/load.h"
#include "resolve/resolve.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace leitbild;
  static bool ready = (fuzz::write_base_tree(), true);
  (void)ready;
  std::string input(reinterpret_cast<const char*>(data), size);
  const char* files[] = {"leitbild.yaml", "glossary/g.yaml", "content/editions/1/edition.yaml"};
  const std::string file = files[size ? data[0] % 3 : 0];
  fuzz::write_base_tree();
  fuzz::write_file(file, size ? input.substr(1) : input);
  Diagnostics diagnostics;
  Project project = load_project(fuzz::scratch_root(), diagnostics);
  if (!project.languages.empty()) {
    resolve_project(project, diagnostics);
    check_project(project, diagnostics);
  }
  return 0;
}
