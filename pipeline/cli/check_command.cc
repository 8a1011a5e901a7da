#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>

#include "check/check.h"
#include "check/diagnostic_format.h"
#include "cli/commands.h"
#include "cli/pipeline.h"

namespace leitbild {

bool use_colour(FILE* stream) { return isatty(fileno(stream)) && std::getenv("NO_COLOR") == nullptr; }

int exit_code_for(const Diagnostics& diagnostics, bool werror) {
  if (diagnostics.has_errors()) return kExitContentErrors;
  if (werror && diagnostics.count(Severity::warning) > 0) return kExitContentErrors;
  return kExitOk;
}

int run_check(const CheckOptions& options) {
  if (!std::filesystem::is_directory(options.root)) {
    fmt::print(stderr, "leitbild: `{}` is not a folder\n", options.root);
    return kExitUsage;
  }
  Diagnostics diagnostics;
  LoadedProject loaded = load_resolve_check(options.root, options.editions, diagnostics);
  diagnostics.sort();
  if (options.format == "json") fmt::print("{}", format_json(diagnostics, loaded.project.sources));
  else if (options.format == "sarif") fmt::print("{}", format_sarif(diagnostics, loaded.project.sources));
  else {
    fmt::print(stderr, "{}", format_text(diagnostics, loaded.project.sources, {use_colour(stderr)}));
    if (!diagnostics.has_errors() && diagnostics.count(Severity::warning) == 0)
      fmt::print(stderr, "leitbild: {} edition(s), {} chapter file(s), {} deck(s), {} glossary entries: no problems\n",
                 loaded.project.editions.size(), loaded.chapter_files, loaded.project.decks.size(),
                 loaded.project.glossary.size());
  }
  if (loaded.fatal) return kExitUsage;
  keep_until_exit(std::move(loaded.project));
  return exit_code_for(diagnostics, options.werror);
}

}  // namespace leitbild
