#include "render/pandoc/pandoc_tool.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>

#include "render/process.h"

namespace leitbild {
namespace fs = std::filesystem;

namespace {

std::vector<int> parse_dotted(std::string_view text) {
  std::vector<int> out;
  int value = 0;
  bool digits = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      digits = true;
    } else if (c == '.' && digits) {
      out.push_back(value);
      value = 0;
      digits = false;
    } else {
      break;
    }
  }
  if (digits) out.push_back(value);
  return out;
}

std::string dotted(const std::vector<int>& numbers) {
  return fmt::format("{}", fmt::join(numbers, "."));
}

std::string install_hint() {
  return fmt::format("Install the Debian package `{}` (`apt-get install {}`, or run scripts/setup as root); Debian 12 has pandoc 2.17.",
                     kPandocPackage, kPandocPackage);
}

// pandoc 3 no longer prints its pandoc-types version; the JSON of an empty document carries it.
std::optional<std::vector<int>> api_version_of_empty_document(const std::string& executable, std::chrono::milliseconds timeout) {
  ProgramInvocation invocation;
  invocation.program = executable;
  invocation.arguments = {"--from=markdown", "--to=json"};
  invocation.timeout = timeout;
  const ProgramOutcome outcome = run_program(invocation);
  if (!outcome.succeeded()) return std::nullopt;
  try {
    const auto document = nlohmann::json::parse(outcome.output);
    std::vector<int> api = document.at("pandoc-api-version").get<std::vector<int>>();
    if (api.size() >= 2) return api;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

PandocInstallation probe(std::chrono::milliseconds timeout) {
  PandocInstallation found;
  auto executable = find_program("pandoc");
  if (!executable) {
    found.missing = true;
    found.unavailable_reason = fmt::format("pandoc is not installed (no `pandoc` on PATH). {}", install_hint());
    return found;
  }
  found.executable = executable->string();
  ProgramInvocation invocation;
  invocation.program = found.executable;
  invocation.arguments = {"--version"};
  invocation.timeout = timeout;
  const ProgramOutcome outcome = run_program(invocation);
  std::optional<PandocVersion> version;
  if (outcome.succeeded()) version = parse_pandoc_version(outcome.output);
  if (version && version->api.empty())
    if (auto api = api_version_of_empty_document(found.executable, timeout)) version->api = *api;
  if (!version || version->api.size() < 2) {
    found.unavailable_reason =
        fmt::format("`{} --version` {}, so leitbild cannot tell which pandoc this is. {}", found.executable,
                    outcome.succeeded() ? "printed something unexpected" : outcome.describe(invocation), install_hint());
    return found;
  }
  found.version = version;
  found.unavailable_reason = pandoc_version_problem(*version);
  return found;
}

// A folder for the reference document and an empty pandoc data folder (so nothing in the user's
// ~/.local/share/pandoc can change the output); removed with its contents afterwards.
class RunFolder {
 public:
  RunFolder() {
    std::string pattern = (fs::temp_directory_path() / "leitbild-pandoc-XXXXXX").string();
    if (::mkdtemp(pattern.data())) path_ = pattern;
  }
  ~RunFolder() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  RunFolder(const RunFolder&) = delete;
  RunFolder& operator=(const RunFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

bool write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return static_cast<bool>(out);
}

// Pandoc's error output, shortened for a diagnostic: its first lines, without blank ones.
std::string summarize_errors(const std::string& errors) {
  constexpr std::size_t kMaxLines = 12, kMaxLine = 400;
  std::string out;
  std::size_t lines = 0, start = 0;
  while (start < errors.size() && lines < kMaxLines) {
    std::size_t end = errors.find('\n', start);
    if (end == std::string::npos) end = errors.size();
    std::string line = errors.substr(start, end - start);
    start = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty()) continue;
    if (line.size() > kMaxLine) line = line.substr(0, kMaxLine) + "…";
    if (!out.empty()) out += "\n  ";
    out += line;
    ++lines;
  }
  return out;
}

}  // namespace

std::optional<PandocVersion> parse_pandoc_version(std::string_view text) {
  static const std::regex program(R"((?:^|\n)pandoc(?:\.exe)?\s+v?([0-9][0-9.]*))");
  static const std::regex types(R"(pandoc-types\s+([0-9][0-9.]*))");
  const std::string copy(text);
  std::smatch match;
  if (!std::regex_search(copy, match, program)) return std::nullopt;
  PandocVersion version;
  version.pandoc = parse_dotted(match[1].str());
  if (version.pandoc.empty()) return std::nullopt;
  if (std::regex_search(copy, match, types)) version.api = parse_dotted(match[1].str());
  return version;
}

std::string pandoc_version_problem(const PandocVersion& version) {
  if (version.api.size() < 2) return "leitbild cannot tell which pandoc-types version this pandoc uses.";
  for (const SupportedApi& api : kSupportedApis)
    if (version.api[0] == api.major && version.api[1] == api.minor) return {};
  const SupportedApi& oldest = kSupportedApis[0];
  const bool too_old = version.api[0] < oldest.major || (version.api[0] == oldest.major && version.api[1] < oldest.minor);
  if (too_old)
    return fmt::format(
        "pandoc {} is too old for the Word, OpenDocument and PowerPoint files: leitbild needs pandoc 2.11 or newer "
        "(pandoc-types 1.22 or 1.23; this one has {}). {}",
        dotted(version.pandoc), dotted(version.api), install_hint());
  return fmt::format(
      "pandoc {} uses pandoc-types {}, which this leitbild does not know yet: it supports pandoc 2.11 to 3.x "
      "(pandoc-types 1.22 and 1.23). {}",
      dotted(version.pandoc), dotted(version.api), install_hint());
}

PandocInstallation find_pandoc(std::chrono::milliseconds timeout) {
  static std::mutex mutex;
  static std::map<std::string, PandocInstallation> cache;
  const char* path = std::getenv("PATH");
  const std::string key = path ? path : "";
  std::lock_guard lock(mutex);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  PandocInstallation found = probe(timeout);
  // A pandoc that did not answer in time may answer next time: only remember clear answers.
  if (found.missing || found.version) cache.emplace(key, found);
  return found;
}

std::optional<std::string> run_pandoc(const PandocInstallation& pandoc, const PandocRun& run, Diagnostics& diagnostics) {
  if (!pandoc.unavailable_reason.empty()) {
    diagnostics.add("LB0602", run.where, fmt::format("{} cannot be made: {}", run.what, pandoc.unavailable_reason),
                    fmt::format("Install the Debian package `{}`, or leave this format out of `--formats`.", kPandocPackage));
    return std::nullopt;
  }
  auto internal_failure = [&](const std::string& what) {
    diagnostics.add("LB0603", run.where, fmt::format("{} cannot be made: {}", run.what, what),
                    "This is a problem of the machine (temporary folder), not of the text.");
    return std::nullopt;
  };
  RunFolder folder;
  if (folder.path().empty()) return internal_failure("no temporary folder could be created");
  std::error_code ec;
  fs::create_directory(folder.path() / "data", ec);
  std::vector<std::string> arguments = {"--from=json", "--to=" + run.to, "--output=-",
                                        "--data-dir=" + (folder.path() / "data").string()};
  if (run.reference_doc) {
    const fs::path reference = folder.path() / ("reference." + run.to);
    if (!write_file(reference, *run.reference_doc)) return internal_failure("the reference document could not be written");
    arguments.push_back("--reference-doc=" + reference.string());
  }
  arguments.insert(arguments.end(), run.extra_arguments.begin(), run.extra_arguments.end());

  ProgramInvocation invocation;
  invocation.program = pandoc.executable;
  invocation.arguments = std::move(arguments);
  invocation.input = run.json;
  invocation.timeout = run.timeout;
  // Pandoc writes its messages in the locale's encoding; a C locale would garble umlauts.
  invocation.environment = {{"LC_ALL", "C.UTF-8"}, {"LANG", "C.UTF-8"}};
  if (run.source_date_epoch) invocation.environment["SOURCE_DATE_EPOCH"] = std::to_string(*run.source_date_epoch);
  const ProgramOutcome outcome = run_program(invocation);

  if (outcome.status == ProgramOutcome::Status::not_found) {
    diagnostics.add("LB0602", run.where, fmt::format("{} cannot be made: pandoc is not installed any more ({})", run.what, outcome.failure),
                    install_hint());
    return std::nullopt;
  }
  const std::string errors = summarize_errors(outcome.errors);
  if (!outcome.succeeded() || outcome.output.empty()) {
    std::string message = fmt::format("{} cannot be made: pandoc {}", run.what,
                                      outcome.succeeded() ? "wrote no output" : outcome.describe(invocation));
    if (!errors.empty()) message += fmt::format(". Pandoc says:\n  {}", errors);
    diagnostics.add("LB0603", run.where, std::move(message),
                    outcome.status == ProgramOutcome::Status::timed_out
                        ? "Try again; if it keeps happening, the document may be too large for pandoc, or pandoc hangs: "
                          "check `pandoc --version`."
                        : "This is not a problem of the text. If pandoc's message names the reference document, check the "
                          "theme's reference.docx/.odt/.pptx; otherwise reinstall the Debian package `pandoc`.");
    return std::nullopt;
  }
  if (!errors.empty()) {
    Diagnostic& note = diagnostics.add("LB0603", run.where, fmt::format("pandoc made {} but warned:\n  {}", run.what, errors),
                                       "Usually harmless; check the file if the warning names something in the text.");
    note.severity = Severity::note;
  }
  return outcome.output;
}

}  // namespace leitbild
