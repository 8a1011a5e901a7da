// Front matter + Markdown loading: any bytes as a chapter file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "load/load.h"
#include "load/text_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace leitbild;
  std::string text(reinterpret_cast<const char*>(data), size);
  if (find_utf8_error(text)) return 0;  // the loader refuses these before parsing
  Diagnostics diagnostics;
  auto chapter = parse_chapter("content/editions/1/de/a.md", normalise_text(text), diagnostics);
  (void)chapter;
  return 0;
}
