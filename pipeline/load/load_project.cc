#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <map>

#include "load/load.h"
#include "load/text_file.h"
#include "model/parallel.h"

namespace leitbild {
namespace fs = std::filesystem;

namespace {

bool all_digits(const std::string& s) {
  return !s.empty() && s.size() <= 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void load_editions(Project& project, Diagnostics& diagnostics, const LoadOptions& options) {
  const fs::path dir = project.root / "content/editions";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diagnostics.add("LB0101", {"content/editions", 0, 0}, "the project has no content/editions folder",
                    "Create content/editions/1/edition.yaml and the chapters (see docs/format.md).");
    return;
  }
  std::map<int, std::string> seen;  // number -> folder
  std::vector<std::pair<int, std::string>> folders;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_directory()) continue;
    if (!all_digits(name)) {
      diagnostics.add("LB0112", {"content/editions/" + name, 0, 0},
                      fmt::format("the edition folder `{}` is not a number", name),
                      "Name edition folders by their number: content/editions/1, content/editions/3, ...");
      continue;
    }
    folders.emplace_back(std::stoi(name), name);
  }
  // `3` before `03`: when two folders claim one number, the one spelled plainly is the edition and
  // the other is the one reported, so its name is the one the editor is told to change.
  std::sort(folders.begin(), folders.end(), [](const auto& a, const auto& b) {
    const bool a_plain = a.second == std::to_string(a.first), b_plain = b.second == std::to_string(b.first);
    return std::tie(a.first, b_plain, a.second) < std::tie(b.first, a_plain, b.second);
  });
  for (const auto& [number, name] : folders) {
    if (auto [it, fresh] = seen.emplace(number, name); !fresh) {
      diagnostics.add("LB0113", {"content/editions/" + name, 0, 0},
                      fmt::format("the folders `{}` and `{}` are both edition {}", it->second, name, number),
                      "Remove or renumber one of them.");
      continue;
    }
    if (!options.editions.empty() &&
        std::find(options.editions.begin(), options.editions.end(), number) == options.editions.end())
      continue;
    if (auto edition = load_edition(project, name, diagnostics)) project.editions.push_back(std::move(*edition));
  }
}

}  // namespace

Project load_project(const fs::path& root, Diagnostics& diagnostics, const LoadOptions& options) {
  Project project;
  project.root = root;
  if (!load_manifest(project, diagnostics)) return project;
  // yaml-cpp takes as long over the glossary as over all chapters of a small tree, so the glossary
  // is read beside the editions, into a project of its own (same root and languages), and taken
  // over afterwards in the order a sequential load would have had.
  Project glossary_part;
  glossary_part.root = project.root;
  glossary_part.languages = project.languages;
  Diagnostics glossary_diagnostics, edition_diagnostics;
  prepare_text_reading();
  for_each_in_parallel(2, 2, [&] {
    return [&](std::size_t part) {
      if (part == 0) load_glossary(glossary_part, glossary_diagnostics);
      else load_editions(project, edition_diagnostics, options);
    };
  });
  project.glossary = std::move(glossary_part.glossary);
  project.sources.merge(glossary_part.sources);
  diagnostics.append(std::move(glossary_diagnostics.all()));
  diagnostics.append(std::move(edition_diagnostics.all()));
  load_decks(project, diagnostics);
  return project;
}

}  // namespace leitbild
