#pragma once
// What every renderer produces: jobs that turn the resolved model into output files. A job is a
// pure function of the inputs it names (so publish/ can cache it by their fingerprints and run
// jobs in parallel); it never re-reads sources or re-parses Markdown.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/project.h"

namespace leitbild {

struct OutputFile {
  std::string path;   // relative to the output folder, '/'-separated, computed (never from content)
  std::string bytes;
};
using Outputs = std::vector<OutputFile>;

struct RenderOptions {
  std::vector<std::filesystem::path> theme_dirs;  // the project's theme first, then the default
  std::filesystem::path node_modules;              // reveal.js and friends
  std::optional<long long> source_date_epoch;      // SOURCE_DATE_EPOCH, for reproducible timestamps
  std::string deck_lang;                           // --deck-lang: single-language decks
  std::string deck_layout;                         // --deck-layout: overrides deck.yaml
  // Reads a theme file (first theme dir that has it); nullopt when none has it.
  std::optional<std::string> theme_file(const std::string& relative) const;
};

struct RenderJob {
  std::string key;                  // unique and stable, e.g. "html/3/de"
  std::vector<std::string> inputs;  // project-relative source paths whose contents affect the output
  std::vector<std::string> theme_inputs;  // theme-relative files the output uses
  std::function<Outputs(Diagnostics&)> run;
};

// One entry per output format; publish/ asks each for its jobs.
struct OutputFormat {
  std::string name;         // "html", "epub", "slides", "docx", ...
  std::string description;  // one line for --help and the skipped-format note
  // Empty when the format can run here; otherwise why not (a missing tool and its package).
  std::function<std::string()> unavailable_reason;
  std::function<std::vector<RenderJob>(const Project&, const RenderOptions&)> plan;
};

// Every format the binary knows, in a fixed order (render/formats.cc).
const std::vector<OutputFormat>& output_formats();

}  // namespace leitbild
