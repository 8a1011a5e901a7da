#pragma once
// Tree on disk -> model. Every problem becomes a diagnostic; nothing here throws to the caller.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/project.h"

namespace leitbild {

struct LoadOptions {
  // Load only these editions (empty: all). Decks still load; they may name any edition.
  std::vector<int> editions;
};

Project load_project(const std::filesystem::path& root, Diagnostics& diagnostics, const LoadOptions& options = {});

// Incremental builds (publish/build_memo.h): the editions `numbers`, taken from the build memo,
// read as manifests only (edition.yaml and edition.lock, on all cores; their diagnostics are
// dropped: the memo has them). Touches no Project, so it can run while another thread resolves.
struct EditionManifests {
  std::vector<Edition> editions;
  std::map<std::string, std::string> sources;  // the manifests' texts, by path
};
EditionManifests read_edition_manifests(const std::filesystem::path& root, const std::vector<LanguageTag>& languages,
                                        const std::vector<int>& numbers);
// ... then added to the project in number order as Edition::manifest_only, with chapters that have
// only stem, language and path, for those whose file `exists`.
void add_manifest_only_editions(Project& project, EditionManifests manifests,
                                const std::function<bool(const std::string&)>& exists);

// The pieces, for tests and fuzzers.
bool load_manifest(Project& project, Diagnostics& diagnostics);
void load_glossary(Project& project, Diagnostics& diagnostics);
std::optional<Edition> load_edition(Project& project, const std::string& folder_name, Diagnostics& diagnostics);
// edition.yaml and edition.lock only (Edition::manifest_only stays false: the caller says why).
// Without `parse_lock` the lock is read into the sources but not parsed (Edition::lock stays
// empty): for editions taken from the memo, which are not checked and whose pages do not show it.
std::optional<Edition> load_edition_manifest(Project& project, const std::string& folder_name, Diagnostics& diagnostics,
                                             bool parse_lock = true);
std::optional<Chapter> parse_chapter(const std::string& relative_path, const std::string& text, Diagnostics& diagnostics);
void load_decks(Project& project, Diagnostics& diagnostics);
void split_slides(DeckText& text, Diagnostics& diagnostics);

// Headings: strips a trailing `{#id}` from the heading's text and returns the id (empty if none).
std::string take_heading_anchor(cmark_node* heading);

}  // namespace leitbild
