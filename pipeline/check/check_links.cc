// Local links and images: the file must exist inside the project, images need alternative text.
// Paths are relative to the file that contains them (as in every Markdown preview); a path from
// the project root, an absolute path or a file: URL would only work on one computer.
#include <cmark-gfm.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "check/check.h"
#include "check/markdown_files.h"
#include "check/url_policy.h"
#include "model/strings.h"

namespace leitbild {

namespace {

namespace fs = std::filesystem;

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// What the check looked up on disk, so that a file with thousands of links stays fast.
struct DiskCache {
  std::map<std::string, LocalTarget> targets;              // by file folder + URL
  std::map<std::string, std::vector<std::string>> folders;  // folder -> names in it
};

// Names in the folder the path points into that the editor may have meant.
std::vector<std::string> similar_files(const Project& project, const std::string& relative, DiskCache& cache) {
  const std::size_t slash = relative.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : relative.substr(0, slash);
  const std::string name = slash == std::string::npos ? relative : relative.substr(slash + 1);
  auto [it, fresh] = cache.folders.try_emplace(folder);
  std::vector<std::string>& names = it->second;
  std::error_code ec;
  if (fresh)
    for (const auto& entry : fs::directory_iterator(project.root / folder, ec)) {
      names.push_back(entry.path().filename().string());
      if (names.size() > 2000) break;  // a huge folder is not worth a suggestion
    }
  for (const auto& candidate : names)
    if (lowercase(candidate) == lowercase(name)) return {candidate};  // wrong case
  return closest(name, names, 2);
}

std::string with_folder(const std::string& url, const std::string& name) {
  const std::size_t slash = url.find_last_of("/\\");
  return slash == std::string::npos ? name : url.substr(0, slash + 1) + name;
}

void check_destination(const Project& project, InlineLocator& locator, cmark_node* node, DiskCache& cache,
                       Diagnostics& diagnostics) {
  const MarkdownFile& file = locator.file();
  const bool image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
  const std::string url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
  const char* what = image ? "image" : "link";
  const SourceLocation where = locator.locate(node, url);

  if (image && plain_text(node).find_first_not_of(" \t\n") == std::string::npos)
    diagnostics.add("LB0304", where, fmt::format("the image `{}` has no alternative text", url),
                    fmt::format("Describe what the picture shows inside the brackets, e.g. `![Karte der Stadtteile]({})`; "
                                "screen readers read this text aloud.", url));

  switch (classify_url(url)) {
    case UrlKind::absolute_path:
      diagnostics.add("LB0308", where,
                      fmt::format("the {} `{}` is an absolute path: it only works on one computer", what, url),
                      "Put the file into the project and write its path relative to this file, e.g. `bilder/karte.png`; "
                      "for a web page use its full https:// address.");
      return;
    case UrlKind::file_scheme:
      diagnostics.add("LB0308", where, fmt::format("the {} `{}` points to a file on one computer's disk", what, url),
                      "Put the file into the project and write its path relative to this file, e.g. `bilder/karte.png`.");
      return;
    case UrlKind::local_path:
      break;
    default:
      return;  // cross-references, terms, web addresses; unsafe schemes are check_html's
  }
  if (local_url_path(url).empty()) return;  // "?x": nothing on disk to look for
  const std::string folder = file.path->substr(0, file.path->rfind('/') + 1);
  auto cached = cache.targets.find(folder + url);
  if (cached == cache.targets.end())
    cached = cache.targets.emplace(folder + url, resolve_local_target(project, *file.path, url)).first;
  const LocalTarget& target = cached->second;
  switch (target.status) {
    case LocalTarget::Status::found:
      return;
    case LocalTarget::Status::escapes:
      diagnostics.add("LB0308", where, fmt::format("the {} `{}` leads outside the project folder", what, url),
                      "Only link to files inside the project (paths are relative to this file's folder); for a web page "
                      "use its full https:// address.");
      return;
    case LocalTarget::Status::link_outside:
      diagnostics.add("LB0308", where,
                      fmt::format("the {} `{}` reaches `{}`, a symbolic link that points outside the project", what, url,
                                  target.relative),
                      "Copy the file into the project instead of linking to it.");
      return;
    case LocalTarget::Status::folder:
      diagnostics.add("LB0303", where, fmt::format("the {} `{}` points to the folder `{}`, not to a file", what, url, target.relative),
                      "Name the file inside the folder, e.g. `bilder/karte.png`.");
      return;
    case LocalTarget::Status::missing: {
      auto near = similar_files(project, target.relative, cache);
      std::vector<std::string> suggestions;
      for (const auto& name : near) suggestions.push_back(with_folder(url, name));
      diagnostics.add("LB0303", where, fmt::format("the {} `{}` points to `{}`, which does not exist", what, url, target.relative),
                      suggestions.empty()
                          ? "Paths are relative to the folder of this file. Correct the path, or add the file there."
                          : fmt::format("Did you mean {}? Paths are relative to the folder of this file.", quoted_list(suggestions)));
      return;
    }
  }
}

}  // namespace

void check_links(const Project& project, Diagnostics& diagnostics) {
  DiskCache cache;
  for (const MarkdownFile& file : markdown_files(project)) {
    InlineLocator locator(file);
    for (cmark_node* node : collect_nodes(*file.doc, {CMARK_NODE_LINK, CMARK_NODE_IMAGE}))
      check_destination(project, locator, node, cache, diagnostics);
  }
}

}  // namespace leitbild
