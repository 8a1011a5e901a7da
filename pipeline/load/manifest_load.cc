#include <fmt/format.h>

#include "load/load.h"
#include "load/text_file.h"
#include "load/yaml_reader.h"
#include "model/strings.h"

namespace leitbild {

namespace {

bool is_language_tag(const std::string& tag) {
  // BCP 47 primary subtag with optional region/script: de, nl, de-CH, sr-Latn.
  if (tag.size() < 2 || tag.size() > 16) return false;
  for (char c : tag)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  return std::isalpha(static_cast<unsigned char>(tag[0]));
}

void load_accessibility(YamlReader& yaml, const YAML::Node& map, Project& project) {
  YAML::Node node = map["accessibility"];
  if (!node.IsDefined() || node.IsNull()) return;
  if (!yaml.expect_map(node, "`accessibility`")) return;
  yaml.check_keys(node, {"status", "limitations", "contact", "enforcement", "evaluated"}, "`accessibility`");
  AccessibilityInfo& info = project.accessibility;
  if (auto v = yaml.text_or_localized(node, "status", false, project.languages)) info.status = *v;
  if (auto v = yaml.text_or_localized(node, "limitations", false, project.languages)) info.limitations = *v;
  if (auto v = yaml.text_or_localized(node, "enforcement", false, project.languages)) info.enforcement = *v;
  if (auto d = yaml.date(node, "evaluated", false)) info.evaluated = d->iso();
  YAML::Node contact = node["contact"];
  if (contact.IsDefined() && yaml.expect_map(contact, "`accessibility.contact`")) {
    yaml.check_keys(contact, {"email", "url"}, "`accessibility.contact`");
    if (auto v = yaml.string(contact, "email", false)) info.contact_email = *v;
    if (auto v = yaml.string(contact, "url", false)) info.contact_url = *v;
  }
}

}  // namespace

bool load_manifest(Project& project, Diagnostics& diagnostics) {
  const std::string file = "leitbild.yaml";
  if (!std::filesystem::exists(project.root / file)) {
    diagnostics.add("LB0104", {file, 0, 0},
                    fmt::format("no leitbild.yaml in `{}`: this folder is not a leitbild project", project.root.string()),
                    "Run the command in the project's root folder, or pass the root: `leitbild check PATH`.");
    return false;
  }
  auto text = read_text_file(project.root, file, diagnostics);
  if (!text) return false;
  project.sources[file] = *text;
  YamlReader yaml(file, 1, diagnostics);
  auto root = yaml.parse(*text);
  if (!root || !yaml.expect_map(*root, "leitbild.yaml")) return false;
  yaml.check_keys(*root, {"title", "publisher", "languages", "theme", "accessibility"}, "leitbild.yaml");
  if (auto langs = yaml.string_list(*root, "languages", true)) {
    for (const auto& lang : *langs) {
      if (!is_language_tag(lang)) {
        diagnostics.add("LB0105", yaml.where((*root)["languages"]), fmt::format("`{}` is not a language tag", lang),
                        "Use BCP 47 tags such as `de` or `nl`.");
        continue;
      }
      if (std::find(project.languages.begin(), project.languages.end(), lang) == project.languages.end())
        project.languages.push_back(lang);
    }
  }
  if (project.languages.empty()) {
    if (!diagnostics.has_errors())
      diagnostics.add("LB0106", yaml.file_start(), "leitbild.yaml declares no languages", "Add `languages: [de, nl]`.");
    return false;
  }
  if (auto v = yaml.localized(*root, "title", true, project.languages)) project.title = *v;
  if (auto v = yaml.localized(*root, "publisher", true, project.languages)) project.publisher = *v;
  if (auto v = yaml.string(*root, "theme", false)) {
    if (is_valid_id(*v)) project.theme = *v;
    else diagnostics.add("LB0112", yaml.where((*root)["theme"]), fmt::format("`{}` is not a valid theme name", *v),
                         "Theme names use lowercase letters, digits and hyphens.");
  }
  load_accessibility(yaml, *root, project);
  return true;
}

}  // namespace leitbild
