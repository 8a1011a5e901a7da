#pragma once
// Pandoc as a tool: which one is installed, whether leitbild can talk to it, and one conversion
// (Pandoc JSON AST on standard input -> a DOCX/ODT/PPTX file) with its failures turned into
// diagnostics. Supported versions: see docs/office.md and kSupportedApis below.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace leitbild {

// The Debian package that provides pandoc; every "missing" or "too old" message names it.
inline constexpr std::string_view kPandocPackage = "pandoc";

struct PandocVersion {
  std::vector<int> pandoc;  // 2.17.1.1
  std::vector<int> api;     // the pandoc-types it was compiled with: 1.22.2.1 (= its JSON's pandoc-api-version)
};

// The JSON AST leitbild writes uses only constructs that are identical in these pandoc-types
// major versions; pandoc rejects JSON whose first two API numbers differ from its own.
struct SupportedApi {
  int major, minor;
  std::string_view pandoc_versions;  // for messages
};
inline constexpr SupportedApi kSupportedApis[] = {{1, 22, "2.11 to 2.19"}, {1, 23, "3.0 to 3.x"}};

// Parses `pandoc --version` output ("pandoc 2.17.1.1" / "Compiled with pandoc-types 1.22.2.1").
std::optional<PandocVersion> parse_pandoc_version(std::string_view version_output);

// Empty when leitbild supports this pandoc; otherwise what is wrong, for an editor.
std::string pandoc_version_problem(const PandocVersion& version);

struct PandocInstallation {
  std::string executable;          // found on PATH; empty when missing
  std::optional<PandocVersion> version;
  std::string unavailable_reason;  // empty when usable
  bool missing = false;            // not installed at all (LB0602) rather than unusable
};

// Looks for `pandoc` on PATH and asks it for its version. The answer is remembered per PATH value
// (the formats' unavailable_reason and every job ask), so a changed PATH is looked at afresh.
PandocInstallation find_pandoc(std::chrono::milliseconds timeout = std::chrono::seconds(20));

struct PandocRun {
  std::string to;                          // "docx", "odt", "pptx"
  std::string json;                        // the document (pandoc_json.h)
  std::vector<std::string> extra_arguments;
  std::optional<std::string> reference_doc;  // bytes of the reference document, if any
  std::optional<long long> source_date_epoch;
  std::chrono::milliseconds timeout = std::chrono::seconds(120);
  // For diagnostics: what is being made ("the Word file 3/leitbild-3-de.docx") and which source
  // file the diagnostic points at.
  std::string what;
  SourceLocation where;
};

// Runs pandoc once. Returns the output file's bytes, or nullopt after adding LB0602 (pandoc missing
// or too old: the message names the Debian package) or LB0603 (pandoc failed, hung or was killed:
// the message carries pandoc's own error output).
std::optional<std::string> run_pandoc(const PandocInstallation& pandoc, const PandocRun& run, Diagnostics& diagnostics);

}  // namespace leitbild
