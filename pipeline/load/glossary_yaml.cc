#include "load/glossary_yaml.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>

namespace leitbild {

namespace {

std::vector<LanguageTag> order_of(const Term& term, const std::vector<LanguageTag>& languages) {
  std::vector<LanguageTag> order;
  for (const LanguageTag& lang : languages)
    if (term.languages.count(lang)) order.push_back(lang);
  for (const auto& [lang, part] : term.languages)
    if (std::find(order.begin(), order.end(), lang) == order.end()) order.push_back(lang);
  return order;
}

void emit_entry(YAML::Emitter& out, const Term& term, const std::vector<LanguageTag>& languages) {
  const std::vector<LanguageTag> order = order_of(term, languages);
  out << YAML::BeginMap;
  out << YAML::Key << "id" << YAML::Value << term.id;
  if (!term.note.empty()) out << YAML::Key << "note" << YAML::Value << YAML::DoubleQuoted << term.note;
  bool any_deprecated = false;
  for (const LanguageTag& lang : order) {
    const TermLanguage& part = term.languages.at(lang);
    any_deprecated = any_deprecated || !part.deprecated.empty();
    const bool has_content = !part.term.empty() || !part.forms.empty() || !part.definition.empty() || !part.note.empty() ||
                             !part.statuses.empty();
    if (!has_content) continue;  // a language with deprecated words only
    out << YAML::Key << lang << YAML::Value << YAML::BeginMap;
    if (!part.term.empty()) out << YAML::Key << "term" << YAML::Value << part.term;
    if (!part.forms.empty()) out << YAML::Key << "forms" << YAML::Value << YAML::Flow << part.forms;
    if (!part.definition.empty()) out << YAML::Key << "definition" << YAML::Value << YAML::DoubleQuoted << part.definition;
    if (!part.note.empty()) out << YAML::Key << "note" << YAML::Value << YAML::DoubleQuoted << part.note;
    if (!part.statuses.empty()) {
      out << YAML::Key << "statuses" << YAML::Value << YAML::Flow << YAML::BeginMap;
      for (const auto& [word, status] : part.statuses) out << YAML::Key << word << YAML::Value << status;
      out << YAML::EndMap;
    }
    out << YAML::EndMap;
  }
  if (any_deprecated) {
    out << YAML::Key << "deprecated" << YAML::Value << YAML::BeginMap;
    for (const LanguageTag& lang : order) {
      const TermLanguage& part = term.languages.at(lang);
      if (!part.deprecated.empty()) out << YAML::Key << lang << YAML::Value << YAML::Flow << part.deprecated;
    }
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
}

}  // namespace

std::string glossary_to_yaml(const std::vector<Term>& glossary, const std::vector<LanguageTag>& languages,
                             const std::string& comment) {
  std::string text;
  std::istringstream lines(comment);
  for (std::string line; std::getline(lines, line);) text += line.empty() ? "#\n" : "# " + line + "\n";
  for (const Term& term : glossary) {
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginSeq;
    emit_entry(out, term, languages);
    out << YAML::EndSeq;
    text += "\n";
    text += out.c_str();
    text += "\n";
  }
  if (glossary.empty()) text += "[]\n";
  return text;
}

}  // namespace leitbild
