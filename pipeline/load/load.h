#pragma once
// Tree on disk -> model. Every problem becomes a diagnostic; nothing here throws to the caller.
#include <filesystem>
#include <optional>
#include <string>

#include "model/diagnostic.h"
#include "model/project.h"

namespace leitbild {

struct LoadOptions {
  // Load only these editions (empty: all). Decks still load; they may name any edition.
  std::vector<int> editions;
};

Project load_project(const std::filesystem::path& root, Diagnostics& diagnostics, const LoadOptions& options = {});

// The pieces, for tests and fuzzers.
bool load_manifest(Project& project, Diagnostics& diagnostics);
void load_glossary(Project& project, Diagnostics& diagnostics);
std::optional<Edition> load_edition(Project& project, const std::string& folder_name, Diagnostics& diagnostics);
// edition.yaml and edition.lock only (Edition::manifest_only stays false: the caller says why).
std::optional<Edition> load_edition_manifest(Project& project, const std::string& folder_name, Diagnostics& diagnostics);
std::optional<Chapter> parse_chapter(const std::string& relative_path, const std::string& text, Diagnostics& diagnostics);
void load_decks(Project& project, Diagnostics& diagnostics);
void split_slides(DeckText& text, Diagnostics& diagnostics);

// Headings: strips a trailing `{#id}` from the heading's text and returns the id (empty if none).
std::string take_heading_anchor(cmark_node* heading);

}  // namespace leitbild
