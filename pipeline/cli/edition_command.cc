// `leitbild edition publish N` and `leitbild edition erratum N --note "..."` (docs/editions.md).
#include <fmt/format.h>

#include <filesystem>

#include "check/diagnostic_format.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "publish/edition_freeze.h"

namespace leitbild {

namespace {

int report(const FreezeResult& result, Diagnostics& diagnostics) {
  diagnostics.sort();
  const bool done = result.status == FreezeStatus::done || result.status == FreezeStatus::already_frozen;
  if (!done) {
    // What stands in the way: the errors (and warnings) the loader and checks found.
    Diagnostics shown;
    for (const Diagnostic& d : diagnostics.all())
      if (d.severity != Severity::note) shown.all().push_back(d);
    fmt::print(stderr, "{}", format_text(shown, {}, {use_colour(stderr)}));
  }
  for (const auto& file : result.changed_files) fmt::print(stderr, "  corrected: {}\n", file);
  fmt::print(stderr, "leitbild: {}\n", result.message);
  switch (result.status) {
    case FreezeStatus::done:
    case FreezeStatus::already_frozen:
      return kExitOk;
    case FreezeStatus::content_errors:
      return kExitContentErrors;
    case FreezeStatus::usage_error:
    case FreezeStatus::io_error:
      return kExitUsage;
  }
  return kExitUsage;
}

bool root_is_folder(const std::string& root) {
  if (std::filesystem::is_directory(root)) return true;
  fmt::print(stderr, "leitbild: `{}` is not a folder\n", root);
  return false;
}

}  // namespace

int run_edition_publish(const EditionOptions& options) {
  if (!root_is_folder(options.root)) return kExitUsage;
  Diagnostics diagnostics;
  FreezeResult result = publish_edition(options.root, options.edition, diagnostics);
  return report(result, diagnostics);
}

int run_edition_erratum(const EditionOptions& options) {
  if (!root_is_folder(options.root)) return kExitUsage;
  Diagnostics diagnostics;
  FreezeResult result = record_erratum(options.root, options.edition, options.note, diagnostics);
  return report(result, diagnostics);
}

}  // namespace leitbild
