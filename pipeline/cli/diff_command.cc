// `leitbild diff A B [ROOT] [--lang L] [--format text|html|json]` (docs/editions.md).
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "check/diagnostic_format.h"
#include "cli/commands.h"
#include "cli/diff_format.h"
#include "cli/pipeline.h"
#include "load/load.h"
#include "model/strings.h"
#include "resolve/edition_diff.h"
#include "resolve/resolve.h"

namespace leitbild {

int run_diff(const DiffOptions& options) {
  if (!std::filesystem::is_directory(options.root)) {
    fmt::print(stderr, "leitbild: `{}` is not a folder\n", options.root);
    return kExitUsage;
  }
  Diagnostics diagnostics;
  // Only the two editions: a diff needs their trees, not the whole project checked.
  Project project = load_project(options.root, diagnostics, LoadOptions{{options.from, options.to}});
  if (project.languages.empty()) {
    fmt::print(stderr, "{}", format_text(diagnostics, project.sources, {use_colour(stderr)}));
    return kExitUsage;
  }
  resolve_project(project, diagnostics);
  const Edition* from = project.find_edition(options.from);
  const Edition* to = project.find_edition(options.to);
  if (!from || !to) {
    diagnostics.sort();
    fmt::print(stderr, "{}", format_text(diagnostics, project.sources, {use_colour(stderr)}));
    fmt::print(stderr, "leitbild: edition {} could not be loaded (is there a content/editions/{}/edition.yaml?)\n",
               from ? options.to : options.from, from ? options.to : options.from);
    return kExitUsage;
  }
  std::vector<LanguageTag> languages = options.languages.empty() ? project.languages : options.languages;
  for (const auto& lang : languages)
    if (std::find(project.languages.begin(), project.languages.end(), lang) == project.languages.end()) {
      fmt::print(stderr, "leitbild: `{}` is not a language of the project; its languages are {}\n", lang,
                 quoted_list(project.languages, "and"));
      return kExitUsage;
    }
  // Problems in the text do not stop a diff; they are counted so nobody mistakes a broken tree for a clean one.
  // Only the two editions' own files count: a deck that names an edition not loaded for the diff is no problem of theirs.
  std::size_t errors = 0;
  for (const Diagnostic& d : diagnostics.all())
    if (d.severity == Severity::error && (d.where.file.starts_with(from->dir + "/") || d.where.file.starts_with(to->dir + "/")))
      ++errors;
  if (errors > 0)
    fmt::print(stderr, "leitbild: the editions have {} error(s); run `leitbild check` for details\n", errors);

  EditionDiff diff = diff_editions(*from, *to, languages);
  if (options.format == "json") fmt::print("{}", diff_as_json(diff));
  else if (options.format == "html") fmt::print("{}", diff_as_html(diff, from->title, to->title));
  else fmt::print("{}", diff_as_text(diff, {use_colour(stdout)}));
  return kExitOk;
}

}  // namespace leitbild
