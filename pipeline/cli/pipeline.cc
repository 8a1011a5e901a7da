#include "cli/pipeline.h"

#include <memory>

#include "check/check.h"
#include "load/load.h"
#include "resolve/resolve.h"

namespace leitbild {

LoadedProject load_resolve_check(const std::string& root, const std::vector<int>& editions, Diagnostics& diagnostics) {
  LoadedProject loaded;
  loaded.project = load_project(root, diagnostics, LoadOptions{editions});
  if (loaded.project.languages.empty()) {
    loaded.fatal = true;
    return loaded;
  }
  for (const Edition& e : loaded.project.editions)
    for (const auto& [lang, chapters] : e.chapters) loaded.chapter_files += chapters.size();
  resolve_project(loaded.project, diagnostics);
  check_project(loaded.project, diagnostics);
  return loaded;
}

void keep_until_exit(Project project) {
  static auto* kept = new std::vector<std::unique_ptr<Project>>();
  kept->push_back(std::make_unique<Project>(std::move(project)));
}

}  // namespace leitbild
