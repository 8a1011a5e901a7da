#include "render/html/html_theme.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace leitbild {

namespace fs = std::filesystem;

namespace {

constexpr const char* kHtmlDir = "html/";

std::optional<std::string> read_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

// "{{> name}}" tags, in order of appearance (the default delimiters only: themes that change
// delimiters must not use partials inside the changed part).
std::vector<std::string> partial_names(const std::string& text) {
  static const std::regex tag(R"(\{\{>\s*([^\s}]+)\s*\}\})");
  std::vector<std::string> names;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator(); ++it)
    names.push_back((*it)[1].str());
  return names;
}

// kainjow reports "Unclosed section "x" at 120": turn the offset into a line and column.
SourceLocation locate_message(const std::string& file, const std::string& text, const std::string& message) {
  static const std::regex at(R"( at (\d+)$)");
  SourceLocation where{file, 0, 0};
  std::smatch m;
  if (std::regex_search(message, m, at)) {
    std::size_t offset = std::min<std::size_t>(std::stoul(m[1].str()), text.size());
    where.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
    std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    where.column = static_cast<int>(offset - (line_start == std::string::npos ? 0 : line_start + 1)) + 1;
  }
  return where;
}

}  // namespace

HtmlTheme::HtmlTheme(const RenderOptions& options, const fs::path& project_root, Diagnostics& diagnostics)
    : options_(options), project_root_(project_root), diagnostics_(diagnostics) {}

std::optional<HtmlTheme::Source> HtmlTheme::read(const std::string& relative) const {
  for (const fs::path& dir : options_.theme_dirs) {
    const fs::path path = dir / (kHtmlDir + relative);
    auto text = read_file(path);
    if (!text) continue;
    std::string shown = path.lexically_normal().string();
    if (!project_root_.empty()) {
      const fs::path rel = path.lexically_normal().lexically_relative(project_root_.lexically_normal());
      if (!rel.empty() && *rel.begin() != "..") shown = rel.generic_string();
    }
    return Source{std::move(*text), std::move(shown)};
  }
  return std::nullopt;
}

void HtmlTheme::report(const SourceLocation& where, const std::string& message) {
  // One report per problem and file: a broken partial used by every page is one mistake.
  const std::string key = where.file + "\n" + message;
  if (std::find(reported_.begin(), reported_.end(), key) != reported_.end()) return;
  reported_.push_back(key);
  diagnostics_.add("LB0610", where, message,
                   "Fix the template (Mustache: {{name}}, {{#list}}...{{/list}}, {{> partial}}); docs/themes.md "
                   "lists the templates and their variables.");
}

bool HtmlTheme::add_partials(const std::string& text, TemplateData& partials, std::vector<std::string>& seen,
                             const std::string& including_file) {
  for (const std::string& name : partial_names(text)) {
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
    seen.push_back(name);
    auto [it, fresh] = templates_.try_emplace(name);
    if (fresh) it->second = read("templates/" + name + ".mustache");
    if (!it->second) {
      report({including_file, 0, 0}, fmt::format("the template includes `{{{{> {}}}}}`, but no theme has html/templates/{}.mustache",
                                         name, name));
      return false;
    }
    partials.set(name, it->second->text);
    if (!add_partials(it->second->text, partials, seen, it->second->shown_path)) return false;
  }
  return true;
}

std::string HtmlTheme::render(const std::string& name, const TemplateData& data) {
  auto [it, fresh] = templates_.try_emplace(name);
  if (fresh) it->second = read("templates/" + name + ".mustache");
  if (!it->second) {
    report({fmt::format("html/templates/{}.mustache", name), 0, 0},
           fmt::format("the HTML theme has no template `html/templates/{}.mustache`", name));
    return {};
  }
  const Source source = *it->second;
  kainjow::mustache::mustache tmpl(source.text);
  if (!tmpl.is_valid()) {
    report(locate_message(source.shown_path, source.text, tmpl.error_message()),
           fmt::format("the template has a syntax error: {}", tmpl.error_message()));
    return {};
  }
  TemplateData partials;
  std::vector<std::string> seen;
  if (!add_partials(source.text, partials, seen, source.shown_path)) return {};
  // kainjow looks partials up among the variables first: a variable of the same name would
  // silently replace the partial with nothing.
  for (const std::string& partial : seen)
    if (data.get(partial)) {
      report({source.shown_path, 0, 0},
             fmt::format("the partial `{{{{> {}}}}}` has the name of a template variable, so it would render as nothing; "
                         "rename the template (templates use hyphens, variables underscores)",
                         partial));
      return {};
    }
  kainjow::mustache::context<std::string> context(&partials);
  context.push(&data);
  std::string out = tmpl.render(context);
  if (!tmpl.is_valid()) {
    report({source.shown_path, 0, 0}, fmt::format("the template (or a partial it includes) could not be rendered: {}", tmpl.error_message()));
    return {};
  }
  return out;
}

const Labels& HtmlTheme::labels(const LanguageTag& lang) {
  auto [it, fresh] = labels_.try_emplace(lang);
  if (!fresh) return it->second;
  Labels& labels = it->second;
  std::vector<std::string> files = {"labels/en.yaml"};
  if (lang != "en") files.push_back("labels/" + lang + ".yaml");
  // Lowest priority first: the default theme's English, the default theme's language, then the
  // project theme's copies of both.
  for (const std::string& file : files) {
    for (auto dir = options_.theme_dirs.rbegin(); dir != options_.theme_dirs.rend(); ++dir) {
      const fs::path path = *dir / (kHtmlDir + file);
      auto text = read_file(path);
      if (!text) continue;
      try {
        YAML::Node root = YAML::Load(*text);
        if (!root.IsMap()) throw YAML::Exception(YAML::Mark::null_mark(), "the file is not a map of `key: text`");
        for (const auto& entry : root) labels[entry.first.as<std::string>()] = entry.second.as<std::string>();
      } catch (const YAML::Exception& e) {
        report({path.string(), 0, 0}, fmt::format("the labels file could not be read: {}", e.what()));
      }
    }
  }
  return labels;
}

TemplateData HtmlTheme::labels_data(const LanguageTag& lang) {
  TemplateData data;
  for (const auto& [key, value] : labels(lang)) data.set(key, value);
  return data;
}

std::vector<std::string> HtmlTheme::asset_names() const {
  std::set<std::string> names;
  for (const fs::path& dir : options_.theme_dirs) {
    const fs::path assets = dir / kHtmlDir / "assets";
    std::error_code ec;
    if (!fs::is_directory(assets, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(assets, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec)) names.insert(it->path().lexically_relative(assets).generic_string());
  }
  return {names.begin(), names.end()};
}

std::optional<std::string> HtmlTheme::asset(const std::string& name) const {
  return options_.theme_file(kHtmlDir + ("assets/" + name));
}

std::vector<std::string> html_theme_files(const RenderOptions& options) {
  std::set<std::string> files;
  for (const fs::path& dir : options.theme_dirs) {
    const fs::path html = dir / "html";
    std::error_code ec;
    if (!fs::is_directory(html, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(html, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec)) files.insert(it->path().lexically_relative(dir).generic_string());
  }
  return {files.begin(), files.end()};
}

}  // namespace leitbild
