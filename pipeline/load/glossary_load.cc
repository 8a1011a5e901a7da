#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "load/load.h"
#include "load/text_file.h"
#include "load/yaml_reader.h"
#include "model/strings.h"

namespace leitbild {
namespace fs = std::filesystem;

namespace {

void load_term_language(YamlReader& yaml, const YAML::Node& node, const std::string& lang, Term& term) {
  if (!yaml.expect_map(node, fmt::format("the `{}` part of glossary entry `{}`", lang, term.id))) return;
  yaml.check_keys(node, {"term", "forms", "definition", "note", "statuses"}, fmt::format("glossary entry `{}`", term.id));
  TermLanguage& tl = term.languages[lang];
  if (auto v = yaml.string(node, "term", false)) tl.term = *v;
  if (auto v = yaml.string_list(node, "forms", false)) tl.forms = *v;
  if (auto v = yaml.string(node, "definition", false)) tl.definition = *v;
  if (auto v = yaml.string(node, "note", false)) tl.note = *v;
  YAML::Node statuses = node["statuses"];
  if (statuses.IsDefined() && !statuses.IsNull() && yaml.expect_map(statuses, "`statuses`"))
    for (auto it = statuses.begin(); it != statuses.end(); ++it)
      if (it->second.IsScalar()) tl.statuses[it->first.Scalar()] = it->second.Scalar();
}

// Glossaries imported from TBX may carry languages the project does not translate into; such
// keys are kept (docs/glossary.md) instead of being reported as unknown.
bool looks_like_language_tag(const std::string& key) {
  static const std::regex tag("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
  return key != "id" && std::regex_match(key, tag);
}

void load_entry(YamlReader& yaml, const YAML::Node& entry, Project& project) {
  if (!yaml.expect_map(entry, "a glossary entry")) return;
  Term term;
  term.where = yaml.where(entry);
  auto id = yaml.string(entry, "id", true);
  if (!id) return;
  term.id = *id;
  if (!is_valid_id(term.id))
    yaml.diagnostics().add("LB0112", yaml.where(entry["id"]), fmt::format("`{}` is not a valid glossary id", term.id),
                           "Use lowercase ASCII letters, digits and hyphens (e.g. `integrationsrat`).");
  std::vector<std::string> allowed = {"id", "deprecated", "note"};
  for (const auto& lang : project.languages) allowed.push_back(lang);
  std::vector<std::string> languages = project.languages;
  for (auto it = entry.begin(); it != entry.end(); ++it) {
    const std::string key = it->first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end() && looks_like_language_tag(key)) {
      allowed.push_back(key);
      languages.push_back(key);
    }
  }
  yaml.check_keys(entry, allowed, fmt::format("glossary entry `{}`", term.id));
  if (auto v = yaml.string(entry, "note", false)) term.note = *v;
  for (const auto& lang : languages) {
    YAML::Node part = entry[lang];
    if (part.IsDefined() && !part.IsNull()) load_term_language(yaml, part, lang, term);
  }
  YAML::Node deprecated = entry["deprecated"];
  if (deprecated.IsDefined() && !deprecated.IsNull() && yaml.expect_map(deprecated, "`deprecated`")) {
    for (auto it = deprecated.begin(); it != deprecated.end(); ++it) {
      const std::string lang = it->first.Scalar();
      if (std::find(project.languages.begin(), project.languages.end(), lang) == project.languages.end() &&
          !looks_like_language_tag(lang)) {
        yaml.diagnostics().add("LB0107", yaml.where(it->first),
                               fmt::format("`deprecated` names `{}`, which is not a project language", lang),
                               fmt::format("Project languages: {}.", quoted_list(project.languages, "and")));
        continue;
      }
      if (auto words = yaml.string_list(deprecated, lang, false)) term.languages[lang].deprecated = *words;
    }
  }
  project.glossary.push_back(std::move(term));
}

}  // namespace

void load_glossary(Project& project, Diagnostics& diagnostics) {
  const fs::path dir = project.root / "glossary";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const auto ext = entry.path().extension();
    if (ext == ".yaml" || ext == ".yml") files.push_back("glossary/" + entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    auto text = read_text_file(project.root, file, diagnostics);
    if (!text) continue;
    project.sources[file] = *text;
    YamlReader yaml(file, 1, diagnostics);
    auto root = yaml.parse(*text);
    if (!root || root->IsNull()) continue;
    if (!root->IsSequence()) {
      diagnostics.add("LB0105", yaml.where(*root), "a glossary file must be a list of entries, each starting with `- id:`",
                      "See docs/format.md for an example entry.");
      continue;
    }
    for (const auto& entry : *root) load_entry(yaml, entry, project);
  }
}

}  // namespace leitbild
