// TBX import: the whole input is the file a translator's CAT tool hands over. Whatever it
// imports must export again and import to the same number of entries (round trip).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "load/tbx_import.h"
#include "render/tbx/tbx_export.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace leitbild;
  const std::string input(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics;
  auto imported = import_tbx("fuzz.tbx", input, diagnostics);
  if (!imported || imported->glossary.empty() || imported->languages.empty()) return 0;
  Project project;
  project.languages = imported->languages;
  project.glossary = imported->glossary;
  const std::string exported = export_tbx(project);
  Diagnostics again;
  auto reimported = import_tbx("round-trip.tbx", exported, again);
  if (!reimported) std::abort();  // our own export must always be importable
  return 0;
}
