#include "render/html/site_paths.h"

#include <fmt/format.h>

#include <vector>

namespace leitbild {

namespace {

std::vector<std::string_view> directories(std::string_view path) {
  std::vector<std::string_view> out;
  for (std::size_t slash; (slash = path.find('/')) != std::string_view::npos; path.remove_prefix(slash + 1))
    out.push_back(path.substr(0, slash));
  return out;
}

}  // namespace

std::string portal_path(const Project& project, const LanguageTag& lang) {
  if (project.languages.empty() || lang == project.source_language()) return "index.html";
  return lang + "/index.html";
}

std::string accessibility_path(const LanguageTag& lang) { return lang + "/accessibility.html"; }

std::string edition_home_path(int edition, const LanguageTag& lang) { return fmt::format("{}/{}/index.html", edition, lang); }

std::string chapter_path(int edition, const LanguageTag& lang, const std::string& stem) {
  const bool reserved = stem == "index" || stem == "glossary" || stem == "changes";
  return fmt::format("{}/{}/{}{}.html", edition, lang, reserved ? "_" : "", stem);
}

std::string glossary_path(int edition, const LanguageTag& lang) { return fmt::format("{}/{}/glossary.html", edition, lang); }

std::string changes_path(int edition, const LanguageTag& lang) { return fmt::format("{}/{}/changes.html", edition, lang); }

std::string relative_href(std::string_view from, std::string_view to) {
  std::string_view fragment;
  if (auto hash = to.find('#'); hash != std::string_view::npos) {
    fragment = to.substr(hash);
    to = to.substr(0, hash);
  }
  if (to == from && !fragment.empty()) return std::string(fragment);
  const auto from_dirs = directories(from);
  const auto to_dirs = directories(to);
  std::size_t common = 0;
  while (common < from_dirs.size() && common < to_dirs.size() && from_dirs[common] == to_dirs[common]) ++common;
  std::string href;
  for (std::size_t i = common; i < from_dirs.size(); ++i) href += "../";
  for (std::size_t i = common; i < to_dirs.size(); ++i) href += std::string(to_dirs[i]) + "/";
  href += to.substr(to.rfind('/') == std::string_view::npos ? 0 : to.rfind('/') + 1);
  href += fragment;
  return href;
}

}  // namespace leitbild
