#pragma once
// Each subcommand: parsed options in, exit code out. 0 success, 1 content errors, 2 usage/I/O.
#include <string>
#include <vector>

namespace leitbild {

enum ExitCode : int { kExitOk = 0, kExitContentErrors = 1, kExitUsage = 2 };

struct CheckOptions {
  std::string root = ".";
  std::vector<int> editions;
  std::string format = "text";  // text | json | sarif
  bool werror = false;
};
int run_check(const CheckOptions& options);

struct BuildOptions {
  std::string root = ".";
  std::vector<int> editions;
  std::vector<std::string> formats;  // empty: every available format
  std::string out;                   // default ROOT/dist
  int jobs = 0;                      // 0: number of cores
  bool werror = false;
  bool quiet = false;
  std::string deck_lang;    // --deck-lang: show decks in this one language
  std::string deck_layout;  // --deck-layout: side-by-side | stacked | single, overrides deck.yaml
  std::string cache;        // --cache: render cache folder (default ROOT/.leitbild-cache)
  bool no_cache = false;    // --no-cache: render everything, read and store nothing
  bool timings = false;     // --timings: stage times on stderr and in OUT/timings.json
  bool list_formats = false;  // --list-formats: print the known formats and whether they can run here
};
int run_build(const BuildOptions& options);

// `leitbild edition publish|erratum` (cli/edition_command.cc, docs/editions.md).
struct EditionOptions {
  std::string root = ".";
  int edition = 0;
  std::string note;  // erratum
};
int run_edition_publish(const EditionOptions& options);
int run_edition_erratum(const EditionOptions& options);

// `leitbild diff A B` (cli/diff_command.cc, docs/editions.md).
struct DiffOptions {
  std::string root = ".";
  int from = 0;
  int to = 0;
  std::vector<std::string> languages;  // --lang; empty: every project language
  std::string format = "text";         // text | html | json
};
int run_diff(const DiffOptions& options);

struct TranslationStatusOptions {
  std::string root = ".";
  std::vector<int> editions;
  bool diff = false;  // also print the source's git diff since each stale translation's version
};
int run_translation_status(const TranslationStatusOptions& options);

struct TranslationAcceptOptions {
  std::vector<std::string> files;
};
int run_translation_accept(const TranslationAcceptOptions& options);

// `leitbild glossary list|export|import` (cli/glossary_command.cc, docs/glossary.md).
struct GlossaryListOptions {
  std::string root = ".";
  std::string lang;             // empty: every project language
  std::string format = "text";  // text | json
};
int run_glossary_list(const GlossaryListOptions& options);

struct GlossaryExportOptions {
  std::string root = ".";
  std::string tbx;  // output file
};
int run_glossary_export(const GlossaryExportOptions& options);

struct GlossaryImportOptions {
  std::string root = ".";
  std::string tbx;  // input file
  std::string out;  // default ROOT/glossary/<tbx stem>.yaml
  bool force = false;
};
int run_glossary_import(const GlossaryImportOptions& options);

}  // namespace leitbild
