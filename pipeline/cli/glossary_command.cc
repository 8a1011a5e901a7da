// `leitbild glossary list|export|import`: the term base for people (list), for translation tools
// (TBX export) and from translation tools (TBX import).
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "check/check.h"
#include "check/diagnostic_format.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "load/glossary_yaml.h"
#include "load/load.h"
#include "load/tbx_import.h"
#include "model/strings.h"
#include "render/tbx/tbx_export.h"
#include "resolve/glossary_index.h"
#include "resolve/resolve.h"
#include "resolve/terms.h"

namespace leitbild {

namespace fs = std::filesystem;

namespace {

void print_diagnostics(Diagnostics& diagnostics, const std::map<std::string, std::string>& sources) {
  diagnostics.sort();
  fmt::print(stderr, "{}", format_text(diagnostics, sources, {use_colour(stderr)}));
}

bool write_file_atomically(const fs::path& path, const std::string& bytes, std::string& error) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  const fs::path temp = path.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.flush();
    if (!out) {
      error = fmt::format("cannot write `{}`", temp.string());
      return false;
    }
  }
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    error = fmt::format("cannot write `{}`: {}", path.string(), ec.message());
    return false;
  }
  return true;
}

nlohmann::json entry_json(const GlossaryIndexEntry& entry) {
  nlohmann::json counterparts = nlohmann::json::object();
  for (const auto& c : entry.counterparts) counterparts[c.lang] = c.term;
  nlohmann::json uses = nlohmann::json::array();
  for (const auto& u : entry.uses)
    uses.push_back({{"edition", u.edition},
                    {"chapter", u.chapter_stem},
                    {"chapter_title", u.chapter_title},
                    {"anchor", u.section_anchor},
                    {"number", u.section_number},
                    {"title", u.section_title}});
  nlohmann::json deck_uses = nlohmann::json::array();
  for (const auto& u : entry.deck_uses) deck_uses.push_back({{"deck", u.deck}, {"slide", u.slide}, {"title", u.slide_title}});
  return {{"id", entry.id},         {"term", entry.term},           {"forms", entry.forms},
          {"definition", entry.definition}, {"deprecated", entry.deprecated}, {"counterparts", counterparts},
          {"uses", uses},           {"deck_uses", deck_uses}};
}

std::string list_text(const GlossaryIndex& index) {
  std::size_t count = 0;
  for (const auto& letter : index.letters) count += letter.entries.size();
  std::string out = fmt::format("{} ({}): {} entries\n", language_name(index.lang), index.lang, count);
  for (const auto& letter : index.letters) {
    out += fmt::format("\n{}\n", letter.label);
    for (const auto& entry : letter.entries) {
      std::string others;
      for (const auto& c : entry.counterparts) others += fmt::format("{}{}: {}", others.empty() ? "" : "; ", c.lang, c.term);
      const std::size_t uses = entry.uses.size() + entry.deck_uses.size();
      out += fmt::format("  {}{}  [{}, {}]\n", entry.term, others.empty() ? "" : " — " + others, entry.id,
                         uses == 0 ? std::string("unused") : fmt::format("{} section{}", uses, uses == 1 ? "" : "s"));
    }
  }
  return out;
}

}  // namespace

int run_glossary_list(const GlossaryListOptions& options) {
  if (!fs::is_directory(options.root)) {
    fmt::print(stderr, "leitbild: `{}` is not a folder\n", options.root);
    return kExitUsage;
  }
  Diagnostics diagnostics;
  Project project = load_project(options.root, diagnostics);
  if (project.languages.empty()) {
    print_diagnostics(diagnostics, project.sources);
    return kExitUsage;
  }
  resolve_project(project, diagnostics);
  std::vector<LanguageTag> languages = project.languages;
  if (!options.lang.empty()) {
    if (std::find(languages.begin(), languages.end(), options.lang) == languages.end()) {
      fmt::print(stderr, "leitbild: `{}` is not a language of this project ({})\n", options.lang,
                 quoted_list(project.languages, "and"));
      return kExitUsage;
    }
    languages = {options.lang};
  }
  if (options.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const LanguageTag& lang : languages) {
      GlossaryIndex index = glossary_index(project, lang);
      nlohmann::json letters = nlohmann::json::array();
      for (const auto& letter : index.letters) {
        nlohmann::json entries = nlohmann::json::array();
        for (const auto& entry : letter.entries) entries.push_back(entry_json(entry));
        letters.push_back({{"label", letter.label}, {"entries", entries}});
      }
      out.push_back({{"lang", lang}, {"letters", letters}});
    }
    fmt::print("{}\n", out.dump(2));
  } else {
    for (std::size_t i = 0; i < languages.size(); ++i)
      fmt::print("{}{}", i ? "\n" : "", list_text(glossary_index(project, languages[i])));
  }
  if (diagnostics.has_errors()) {
    // Only the problems that can make the list wrong; `leitbild check` reports everything.
    Diagnostics errors;
    for (const Diagnostic& d : diagnostics.all())
      if (d.severity == Severity::error) errors.all().push_back(d);
    print_diagnostics(errors, project.sources);
    return kExitContentErrors;
  }
  return kExitOk;
}

int run_glossary_export(const GlossaryExportOptions& options) {
  if (!fs::is_directory(options.root)) {
    fmt::print(stderr, "leitbild: `{}` is not a folder\n", options.root);
    return kExitUsage;
  }
  Diagnostics diagnostics;
  Project project;
  project.root = options.root;
  if (!load_manifest(project, diagnostics)) {
    print_diagnostics(diagnostics, project.sources);
    return kExitUsage;
  }
  load_glossary(project, diagnostics);
  validate_glossary(project, diagnostics);
  if (diagnostics.has_errors()) {
    print_diagnostics(diagnostics, project.sources);
    fmt::print(stderr, "leitbild: nothing exported; fix the glossary first\n");
    return kExitContentErrors;
  }
  if (project.glossary.empty()) {
    fmt::print(stderr, "leitbild: the project has no glossary entries (glossary/*.yaml); a TBX file needs at least one\n");
    return kExitContentErrors;
  }
  std::string error;
  if (!write_file_atomically(options.tbx, export_tbx(project), error)) {
    fmt::print(stderr, "leitbild: {}\n", error);
    return kExitUsage;
  }
  fmt::print(stderr, "leitbild: wrote {} glossary entries to {}\n", project.glossary.size(), options.tbx);
  return kExitOk;
}

int run_glossary_import(const GlossaryImportOptions& options) {
  std::ifstream in(options.tbx, std::ios::binary);
  if (!in || fs::is_directory(options.tbx)) {
    fmt::print(stderr, "leitbild: cannot read `{}`\n", options.tbx);
    return kExitUsage;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string text = bytes.str();

  fs::path out = options.out.empty() ? fs::path(options.root) / "glossary" / (fs::path(options.tbx).stem().string() + ".yaml")
                                     : fs::path(options.out);
  std::error_code ec;
  if (fs::exists(out, ec) && !options.force) {
    fmt::print(stderr, "leitbild: `{}` already exists; nothing imported (use --force to replace it)\n", out.string());
    return kExitUsage;
  }

  Diagnostics diagnostics;
  auto imported = import_tbx(options.tbx, text, diagnostics);
  if (!imported) {
    print_diagnostics(diagnostics, {{options.tbx, text}});
    return kExitContentErrors;
  }

  const std::string comment = fmt::format(
      "Imported by `leitbild glossary import` from {}.\n"
      "Languages: {}. See docs/glossary.md (TBX import) for what was kept.",
      fs::path(options.tbx).filename().string(), fmt::join(imported->languages, ", "));
  std::string error;
  if (!write_file_atomically(out, glossary_to_yaml(imported->glossary, imported->languages, comment), error)) {
    fmt::print(stderr, "leitbild: {}\n", error);
    return kExitUsage;
  }
  fmt::print(stderr, "leitbild: imported {} entries ({}) into {}\n", imported->glossary.size(),
             fmt::join(imported->languages, ", "), out.string());
  if (!imported->dropped.empty()) {
    std::vector<std::string> dropped;
    for (const auto& [category, count] : imported->dropped) dropped.push_back(fmt::format("{} × {}", count, category));
    fmt::print(stderr, "leitbild: not kept (a glossary entry has no place for them): {}\n", fmt::join(dropped, ", "));
  }

  // Inside a project, say at once what the new file means for it.
  if (fs::exists(fs::path(options.root) / "leitbild.yaml")) {
    Diagnostics check;
    Project project;
    project.root = options.root;
    if (load_manifest(project, check)) {
      load_glossary(project, check);
      validate_glossary(project, check);
      std::vector<std::string> others;
      for (const LanguageTag& lang : imported->languages)
        if (std::find(project.languages.begin(), project.languages.end(), lang) == project.languages.end()) others.push_back(lang);
      if (!others.empty())
        fmt::print(stderr, "leitbild: {} {} not a project language: kept in the file for the next export, not checked\n",
                   fmt::join(others, ", "), others.size() == 1 ? "is" : "are");
      if (check.has_errors())
        fmt::print(stderr,
                   "leitbild: the project's glossary now has {} error(s) (e.g. entries without a term or definition in a "
                   "project language, or ids used twice); run `leitbild check` to see them\n",
                   check.count(Severity::error));
    }
  }
  return kExitOk;
}

}  // namespace leitbild
