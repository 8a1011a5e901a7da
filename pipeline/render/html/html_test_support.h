#pragma once
// Test helpers for the HTML site: build a tree's site in memory, find pages, follow links.
#include <filesystem>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/project.h"
#include "render/render.h"

namespace leitbild::testing {

struct BuiltSite {
  Project project;
  Diagnostics diagnostics;  // from loading, resolving and rendering
  Outputs outputs;
  const OutputFile* find(const std::string& path) const;
  const std::string& page(const std::string& path) const;  // fails the test when absent
};

// Loads and resolves `root`, plans the html format with the project's theme over the default
// and runs every job. `extra_theme_dir` (if not empty) goes first in the theme lookup.
BuiltSite build_html_site(const std::filesystem::path& root, const std::filesystem::path& extra_theme_dir = {});

// Every broken internal link: "page -> href (why)". External links (with a scheme) are skipped.
std::vector<std::string> broken_links(const Outputs& outputs);

}  // namespace leitbild::testing
