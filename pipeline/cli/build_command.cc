#include <fmt/format.h>

#include <filesystem>

#include "check/diagnostic_format.h"
#include "cli/commands.h"
#include "cli/pipeline.h"

namespace leitbild {

int run_build(const BuildOptions& options) {
  if (!std::filesystem::is_directory(options.root)) {
    fmt::print(stderr, "leitbild: `{}` is not a folder\n", options.root);
    return kExitUsage;
  }
  for (const auto& format : options.formats) {
    fmt::print(stderr, "leitbild: the output format `{}` is not available yet\n", format);
    return kExitUsage;
  }
  Diagnostics diagnostics;
  LoadedProject loaded = load_resolve_check(options.root, options.editions, diagnostics);
  diagnostics.sort();
  fmt::print(stderr, "{}", format_text(diagnostics, loaded.project.sources, {use_colour(stderr)}));
  if (loaded.fatal) return kExitUsage;
  return exit_code_for(diagnostics, options.werror);
}

}  // namespace leitbild
