// `leitbild translation status [ROOT]` and `leitbild translation accept FILE...`.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>

#include "check/diagnostic_format.h"
#include "check/translation_state.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "load/load.h"
#include "load/text_file.h"
#include "publish/atomic_file.h"
#include "publish/front_matter_edit.h"
#include "resolve/fingerprint.h"
#include "resolve/source_history.h"

namespace leitbild {

namespace fs = std::filesystem;

int run_translation_status(const TranslationStatusOptions& options) {
  if (!fs::is_directory(options.root)) {
    fmt::print(stderr, "leitbild: `{}` is not a folder\n", options.root);
    return kExitUsage;
  }
  Diagnostics diagnostics;
  LoadedProject loaded = load_resolve_check(options.root, options.editions, diagnostics);
  if (loaded.fatal) {
    diagnostics.sort();
    fmt::print(stderr, "{}", format_text(diagnostics, loaded.project.sources, {use_colour(stderr)}));
    return kExitUsage;
  }
  const auto states = translation_states(loaded.project);
  std::vector<std::array<std::string, 5>> rows = {{"edition", "chapter", "language", "status", "file"}};
  std::map<TranslationStatus, int> counts;
  for (const TranslationState& s : states) {
    ++counts[s.status];
    std::string status(status_name(s.status));
    if (s.status == TranslationStatus::stale && s.source) {
      if (auto changes = source_changes_since(loaded.project, *s.source, s.recorded)) {
        std::vector<std::string> parts = changes->sections;
        if (changes->title_changed) parts.insert(parts.begin(), "title");
        if (!parts.empty()) {
          status += ": ";
          for (std::size_t i = 0; i < parts.size(); ++i) status += (i ? ", " : "") + parts[i];
        }
      }
    }
    rows.push_back({std::to_string(s.edition), s.stem, s.lang, status, s.path});
  }
  std::array<std::size_t, 5> width{};
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      // Pad by characters, not bytes: chapter titles are not shown, but stems are ASCII anyway.
      if (c + 1 < row.size()) line += std::string(width[c] - row[c].size() + 2, ' ');
    }
    fmt::print("{}\n", line);
  }
  fmt::print("\n{} up to date, {} stale, {} without fingerprint, {} missing", counts[TranslationStatus::up_to_date],
             counts[TranslationStatus::stale], counts[TranslationStatus::no_fingerprint], counts[TranslationStatus::missing]);
  if (int other = counts[TranslationStatus::unreadable] + counts[TranslationStatus::no_source])
    fmt::print(", {} unreadable or without source (run `leitbild check`)", other);
  fmt::print("\n");
  if (options.diff) {
    for (const TranslationState& s : states) {
      if (s.status != TranslationStatus::stale || !s.source) continue;
      auto changes = source_changes_since(loaded.project, *s.source, s.recorded);
      if (!changes) {
        fmt::print("\n{}: the accepted version of {} is not in the git history\n", s.path, s.source_path);
        continue;
      }
      auto diff = source_diff_since(loaded.project.root, changes->commit, s.source_path);
      fmt::print("\n{}: changes to {} since commit {} of {}\n{}", s.path, s.source_path, changes->commit.substr(0, 10),
                 changes->date, diff ? *diff : std::string("(git diff failed)\n"));
    }
  }
  return kExitOk;
}

namespace {

// The project root above `file`: the nearest folder with a leitbild.yaml.
std::optional<fs::path> find_root(const fs::path& file) {
  std::error_code ec;
  fs::path dir = fs::absolute(file, ec).parent_path();
  for (; !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_regular_file(dir / "leitbild.yaml", ec)) return dir;
    if (dir == dir.root_path()) break;
  }
  return std::nullopt;
}

struct AcceptResult {
  int exit_code = kExitOk;
  std::string message;
};

AcceptResult accept_one(const std::string& argument) {
  auto fail = [&](int code, std::string message) { return AcceptResult{code, argument + ": " + std::move(message)}; };
  std::error_code ec;
  if (!fs::is_regular_file(argument, ec)) return fail(kExitUsage, "no such file");
  auto root = find_root(argument);
  if (!root) return fail(kExitUsage, "not inside a leitbild project (no leitbild.yaml in any folder above it)");
  const fs::path absolute = fs::weakly_canonical(fs::absolute(argument), ec);
  const fs::path canonical_root = fs::weakly_canonical(*root, ec);
  const std::string relative = absolute.lexically_relative(canonical_root).generic_string();
  // content/editions/<N>/<lang>/<stem>.md
  std::vector<std::string> parts;
  for (const auto& part : fs::path(relative)) parts.push_back(part.string());
  if (parts.size() != 5 || parts[0] != "content" || parts[1] != "editions" || !relative.ends_with(".md"))
    return fail(kExitUsage, "not a chapter file (content/editions/N/LANGUAGE/CHAPTER.md)");

  Project project;
  project.root = canonical_root;
  Diagnostics diagnostics;
  if (!load_manifest(project, diagnostics) || project.languages.empty())
    return fail(kExitUsage, "cannot read the project's leitbild.yaml (run `leitbild check`)");
  const std::string& lang = parts[3];
  if (std::find(project.languages.begin(), project.languages.end(), lang) == project.languages.end())
    return fail(kExitUsage, fmt::format("`{}` is not a language of the project", lang));
  if (lang == project.source_language())
    return fail(kExitUsage, fmt::format("this is the {} source; accept its translations instead", lang));
  const std::string source_path = fmt::format("content/editions/{}/{}/{}", parts[2], project.source_language(), parts[4]);

  auto source_text = read_text_file(project.root, source_path, diagnostics);
  if (!source_text) return fail(kExitUsage, fmt::format("cannot read its source `{}`", source_path));
  auto source = parse_chapter(source_path, *source_text, diagnostics);
  if (!source) return fail(kExitContentErrors, fmt::format("its source `{}` has errors (run `leitbild check`)", source_path));
  const std::string fingerprint = source_fingerprint(*source);

  std::string bytes;
  if (!read_file_bytes(absolute, bytes)) return fail(kExitUsage, "cannot read the file");
  auto edited = set_front_matter_key(bytes, "translation-of", fingerprint);
  if (!edited) return fail(kExitContentErrors, "has no front matter (it must start with a `---` line)");
  if (*edited == bytes) return {kExitOk, fmt::format("{}: already up to date with {} ({})", argument, source_path, fingerprint)};
  // The edit must not break the front matter: re-read it as the loader would.
  Diagnostics reparse;
  if (find_utf8_error(*edited) || !parse_chapter(relative, normalise_text(*edited), reparse))
    return fail(kExitContentErrors, "its front matter has errors (run `leitbild check`); nothing was changed");
  if (std::string error = write_file_atomically(absolute, *edited); !error.empty()) return fail(kExitUsage, error);
  return {kExitOk, fmt::format("{}: translation-of: {} (the current {})", argument, fingerprint, source_path)};
}

}  // namespace

int run_translation_accept(const TranslationAcceptOptions& options) {
  int exit_code = kExitOk;
  for (const std::string& file : options.files) {
    AcceptResult result = accept_one(file);
    fmt::print(result.exit_code == kExitOk ? stdout : stderr, "{}{}\n", result.exit_code == kExitOk ? "" : "leitbild: ",
               result.message);
    exit_code = std::max(exit_code, result.exit_code);
  }
  return exit_code;
}

}  // namespace leitbild
