#include "render/html/html_theme.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <mutex>
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

struct ParsedLabels {
  Labels labels;
  std::string error;
};

// YAML parsing is the slowest part of a small job, and every job reads the same few files: the
// result is kept per file text for the life of the process.
ParsedLabels parse_labels(const std::string& text) {
  static std::mutex mutex;
  static std::map<std::string, ParsedLabels> parsed;
  {
    std::lock_guard lock(mutex);
    if (auto it = parsed.find(text); it != parsed.end()) return it->second;
  }
  ParsedLabels result;
  try {
    YAML::Node root = YAML::Load(text);
    if (!root.IsMap()) throw YAML::Exception(YAML::Mark::null_mark(), "the file is not a map of `key: text`");
    for (const auto& entry : root) result.labels[entry.first.as<std::string>()] = entry.second.as<std::string>();
  } catch (const YAML::Exception& e) {
    result.labels.clear();
    result.error = e.what();
  }
  std::lock_guard lock(mutex);
  return parsed.emplace(text, std::move(result)).first->second;
}

// Parsing a template is a large part of a small job, and every job of a build uses the same
// templates: the parsed form is kept per thread (kainjow's objects are not safe to share) for the
// life of the process, keyed by the text, so a changed theme file is parsed again.
using CompiledTemplates = std::map<std::string, std::shared_ptr<kainjow::mustache::mustache>, std::less<>>;
CompiledTemplates& compiled_on_this_thread() {
  thread_local CompiledTemplates compiled;
  return compiled;
}

// kainjow's error message for a template file on its own; empty when it parses.
const std::string& syntax_error(const std::string& text) {
  thread_local std::map<std::string, std::string, std::less<>> errors;
  auto [it, fresh] = errors.try_emplace(text);
  if (fresh) {
    kainjow::mustache::mustache alone(text);
    if (!alone.is_valid()) it->second = alone.error_message();
  }
  return it->second;
}

struct PartialTag {
  std::size_t position = 0;
  std::size_t length = 0;
  std::string name;
};

// The next `{{> name}}` at or after `from` (what the regex \{\{>\s*([^\s}]+)\s*\}\} finds).
std::optional<PartialTag> next_partial(const std::string& text, std::size_t from) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  for (std::size_t at = text.find("{{>", from); at != std::string::npos; at = text.find("{{>", at + 1)) {
    std::size_t i = at + 3;
    while (i < text.size() && space(text[i])) ++i;
    const std::size_t name_start = i;
    while (i < text.size() && !space(text[i]) && text[i] != '}') ++i;
    if (i == name_start) continue;
    std::size_t end = i;
    while (end < text.size() && space(text[end])) ++end;
    if (text.compare(end, 2, "}}") != 0) continue;
    return PartialTag{at, end + 2 - at, text.substr(name_start, i - name_start)};
  }
  return std::nullopt;
}

}  // namespace

HtmlTheme::HtmlTheme(const RenderOptions& options, const fs::path& project_root, Diagnostics& diagnostics)
    : options_(options), project_root_(project_root), diagnostics_(diagnostics) {}

// Inside the project: relative to its root, as every other diagnostic; otherwise absolute.
std::string HtmlTheme::shown_path(const fs::path& path) const {
  std::string shown = path.lexically_normal().string();
  if (!project_root_.empty()) {
    const fs::path rel = path.lexically_normal().lexically_relative(project_root_.lexically_normal());
    if (!rel.empty() && *rel.begin() != "..") shown = rel.generic_string();
  }
  return shown;
}

std::optional<HtmlTheme::Source> HtmlTheme::read(const std::string& relative) const {
  for (const fs::path& dir : options_.theme_dirs) {
    const fs::path path = dir / (kHtmlDir + relative);
    auto text = read_file(path);
    if (!text) continue;
    return Source{std::move(*text), shown_path(path)};
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

std::optional<std::string> HtmlTheme::expand(const std::string& name, std::vector<std::string>& stack,
                                             const SourceLocation& included_at) {
  auto [it, fresh] = templates_.try_emplace(name);
  if (fresh) it->second = read("templates/" + name + ".mustache");
  if (!it->second) {
    report(included_at, stack.empty() ? fmt::format("the HTML theme has no template `html/templates/{}.mustache`", name)
                                      : fmt::format("the template includes `{{{{> {}}}}}`, but no theme has html/templates/{}.mustache",
                                                    name, name));
    return std::nullopt;
  }
  const Source& source = *it->second;
  if (std::find(stack.begin(), stack.end(), name) != stack.end()) {
    report({source.shown_path, 0, 0}, fmt::format("the template includes itself (through `{{{{> {}}}}}`); partials cannot recurse", name));
    return std::nullopt;
  }
  // Each file must be valid on its own, so a mistake is reported in the file that has it.
  if (const std::string& error = syntax_error(source.text); !error.empty()) {
    report(locate_message(source.shown_path, source.text, error), fmt::format("the template has a syntax error: {}", error));
    return std::nullopt;
  }
  std::string out;
  std::size_t last = 0;
  stack.push_back(name);
  for (auto tag = next_partial(source.text, 0); tag; tag = next_partial(source.text, tag->position + tag->length)) {
    auto partial = expand(tag->name, stack, {source.shown_path, 0, 0});
    if (!partial) {
      stack.pop_back();
      return std::nullopt;
    }
    out.append(source.text, last, tag->position - last);
    out += *partial;
    last = tag->position + tag->length;
  }
  stack.pop_back();
  out.append(source.text, last);
  return out;
}

std::string HtmlTheme::render(const std::string& name, const TemplateData& data, const LanguageTag& lang) {
  // Partials are pasted into the template once per job and the result parsed once: kainjow
  // would parse a partial again at every inclusion, and look it up among the variables first.
  auto [it, fresh] = compiled_.try_emplace(name);
  if (fresh) {
    std::vector<std::string> stack;
    if (auto text = expand(name, stack, {fmt::format("html/templates/{}.mustache", name), 0, 0})) {
      auto& parsed = compiled_on_this_thread()[*text];
      if (!parsed) parsed = std::make_shared<kainjow::mustache::mustache>(*text);
      it->second = parsed;
    }
  }
  if (!it->second) return {};
  kainjow::mustache::mustache& tmpl = *it->second;
  kainjow::mustache::context<std::string> context;
  if (!lang.empty()) {
    auto [layer, fresh_layer] = label_layers_.try_emplace(lang);
    if (fresh_layer) layer->second.set("labels", labels_data(lang));
    context.push(&layer->second);
  }
  context.push(&data);
  std::string out = tmpl.render(context);
  if (!tmpl.is_valid()) {
    const std::string file = templates_.count(name) && templates_.at(name) ? templates_.at(name)->shown_path : name;
    report({file, 0, 0}, fmt::format("the template could not be rendered: {}", tmpl.error_message()));
    // Its error state stays with the parsed object: the next job parses the template afresh.
    std::erase_if(compiled_on_this_thread(), [&](const auto& entry) { return entry.second.get() == &tmpl; });
    it->second.reset();
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
  // Lowest priority first: English from every theme folder (the default theme's first), then the
  // page language's from every folder.
  for (const std::string& file : files) {
    for (auto dir = options_.theme_dirs.rbegin(); dir != options_.theme_dirs.rend(); ++dir) {
      const fs::path path = *dir / (kHtmlDir + file);
      auto text = read_file(path);
      if (!text) continue;
      auto parsed = parse_labels(*text);
      if (!parsed.error.empty()) {
        report({shown_path(path), 0, 0}, fmt::format("the labels file could not be read: {}", parsed.error));
        continue;
      }
      for (const auto& [key, value] : parsed.labels) labels[key] = value;
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
