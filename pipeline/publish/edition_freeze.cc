#include "publish/edition_freeze.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "check/check.h"
#include "load/edition_lock.h"
#include "load/load.h"
#include "load/text_file.h"
#include "model/sha256.h"
#include "publish/atomic_file.h"
#include "publish/edition_yaml_edit.h"
#include "resolve/resolve.h"

namespace leitbild {
namespace fs = std::filesystem;

namespace {

Project load_edition_only(const fs::path& root, int number, Diagnostics& diagnostics) {
  Project project = load_project(root, diagnostics, LoadOptions{{number}});
  if (project.languages.empty()) return project;
  resolve_project(project, diagnostics);
  check_project(project, diagnostics);
  return project;
}

Edition* find_edition(Project& project, int number) {
  for (Edition& edition : project.editions)
    if (edition.number == number) return &edition;
  return nullptr;
}

// Errors that make freezing wrong: those in the edition's own files, the glossary and the manifest.
// Decks are not part of an edition.
int errors_in_edition(const Diagnostics& diagnostics, const Edition& edition, bool count_frozen_changes) {
  int n = 0;
  for (const Diagnostic& d : diagnostics.all()) {
    if (d.severity != Severity::error) continue;
    if (!count_frozen_changes && (d.code == "LB0501")) continue;
    const std::string& file = d.where.file;
    if (file.starts_with(edition.dir + "/") || file.starts_with("glossary/") || file == "leitbild.yaml") ++n;
  }
  return n;
}

FreezeResult missing_edition(const fs::path& root, const Project& project, int number) {
  FreezeResult result;
  const std::string manifest = fmt::format("content/editions/{}/edition.yaml", number);
  if (project.languages.empty()) {
    result.status = FreezeStatus::usage_error;
    result.message = fmt::format("`{}` has no usable leitbild.yaml", root.string());
  } else if (std::error_code ec; fs::exists(root / manifest, ec)) {
    result.status = FreezeStatus::content_errors;
    result.message = fmt::format("`{}` could not be read; fix the problems shown above", manifest);
  } else {
    result.status = FreezeStatus::usage_error;
    result.message = fmt::format("edition {} does not exist: there is no `{}`", number, manifest);
  }
  return result;
}

std::string manifest_path(const Edition& edition) { return edition.dir + "/edition.yaml"; }

// edition.yaml with its new text, then the lock computed from it. edition.yaml goes first: a crash
// in between leaves a lock that reports edition.yaml as changed, which the same command repairs.
FreezeResult write_frozen(const fs::path& root, Project& project, const Edition& edition, const std::string& old_yaml,
                          const std::string& new_yaml) {
  FreezeResult result;
  const std::string manifest = manifest_path(edition);
  project.sources[manifest] = normalise_text(new_yaml);
  EditionLock lock = compute_edition_lock(project, edition);
  result.lock_path = lock.path;
  result.locked_files = lock.files.size();
  if (new_yaml != old_yaml) {
    if (std::string error = write_file_atomically(root / manifest, new_yaml); !error.empty()) {
      result.status = FreezeStatus::io_error;
      result.message = error;
      return result;
    }
  }
  if (std::string error = write_file_atomically(root / lock.path, format_edition_lock(edition.number, lock)); !error.empty()) {
    result.status = FreezeStatus::io_error;
    result.message = error;
    return result;
  }
  return result;
}

std::optional<YAML::Node> parse_yaml(const std::string& text) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

std::vector<std::string> differences(const EditionLock& before, const EditionLock& after) {
  std::vector<std::string> out;
  for (const auto& [path, file] : after.files) {
    if (is_glossary_path(path)) continue;
    auto old = before.files.find(path);
    if (old == before.files.end()) out.push_back(path + " (added)");
    else if (old->second.sha256 != file.sha256) out.push_back(path + " (changed)");
  }
  for (const auto& [path, file] : before.files)
    if (!is_glossary_path(path) && !after.files.count(path)) out.push_back(path + " (removed)");
  return out;
}

}  // namespace

EditionLock compute_edition_lock(const Project& project, const Edition& edition) {
  EditionLock lock;
  lock.path = edition_lock_path(edition);
  const std::string prefix = edition.dir + "/";
  for (const auto& [path, text] : project.sources) {
    if (path == lock.path) continue;
    if (path.starts_with(prefix) || is_glossary_path(path)) lock.files[path] = LockedFile{sha256_hex(text), 0};
  }
  return lock;
}

FreezeResult publish_edition(const fs::path& root, int number, Diagnostics& diagnostics) {
  Project project = load_edition_only(root, number, diagnostics);
  Edition* edition = find_edition(project, number);
  if (!edition) return missing_edition(root, project, number);
  FreezeResult result;
  result.lock_path = edition_lock_path(*edition);
  if (edition->lock) {
    for (const Diagnostic& d : diagnostics.all())
      if (d.code == "LB0501") {
        result.status = FreezeStatus::content_errors;
        result.message = fmt::format(
            "edition {} is already published and its sources changed since: record the change with "
            "`leitbild edition erratum {} --note \"...\"`, or undo it",
            number, number);
        return result;
      }
    if (edition->status == "published") {
      result.status = FreezeStatus::already_frozen;
      result.locked_files = edition->lock->files.size();
      result.message = fmt::format("edition {} is already published; its files match `{}`", number, result.lock_path);
      return result;
    }
  }
  if (int errors = errors_in_edition(diagnostics, *edition, true); errors > 0) {
    result.status = FreezeStatus::content_errors;
    result.message = fmt::format("edition {} has {} error(s); fix them before publishing it", number, errors);
    return result;
  }
  if (!edition->adopted) {
    result.status = FreezeStatus::content_errors;
    result.message = fmt::format(
        "edition {} has no adoption date: add `adopted: YYYY-MM-DD` (the date of the council decision) to `{}` first",
        number, manifest_path(*edition));
    return result;
  }
  std::string old_yaml;
  if (!read_file_bytes(root / manifest_path(*edition), old_yaml)) {
    result.status = FreezeStatus::io_error;
    result.message = fmt::format("cannot read `{}`", manifest_path(*edition));
    return result;
  }
  auto new_yaml = set_status_published(old_yaml);
  auto parsed = new_yaml ? parse_yaml(*new_yaml) : std::nullopt;
  if (!parsed || !parsed->IsMap() || !(*parsed)["status"] || (*parsed)["status"].as<std::string>("") != "published") {
    result.status = FreezeStatus::usage_error;
    result.message = fmt::format("cannot set `status: published` in `{}` automatically; set it by hand and run again",
                                 manifest_path(*edition));
    return result;
  }
  result = write_frozen(root, project, *edition, old_yaml, *new_yaml);
  if (result.status == FreezeStatus::done)
    result.message = fmt::format("edition {} published: {} file(s) locked in `{}`", number, result.locked_files, result.lock_path);
  return result;
}

FreezeResult record_erratum(const fs::path& root, int number, const std::string& note, Diagnostics& diagnostics) {
  FreezeResult result;
  if (note.find_first_not_of(" \t\r\n") == std::string::npos) {
    result.status = FreezeStatus::usage_error;
    result.message = "the note is empty: say what was corrected, e.g. --note \"Tippfehler in 5.4 korrigiert\"";
    return result;
  }
  Project project = load_edition_only(root, number, diagnostics);
  Edition* edition = find_edition(project, number);
  if (!edition) return missing_edition(root, project, number);
  result.lock_path = edition_lock_path(*edition);
  if (!edition->lock) {
    result.status = FreezeStatus::usage_error;
    result.message = fmt::format(
        "edition {} is not published yet (there is no `{}`): errata are for published editions; "
        "publish it with `leitbild edition publish {}`",
        number, result.lock_path, number);
    return result;
  }
  if (int errors = errors_in_edition(diagnostics, *edition, false); errors > 0) {
    result.status = FreezeStatus::content_errors;
    result.message = fmt::format("edition {} has {} error(s); fix them before recording the erratum", number, errors);
    return result;
  }
  std::string old_yaml;
  if (!read_file_bytes(root / manifest_path(*edition), old_yaml)) {
    result.status = FreezeStatus::io_error;
    result.message = fmt::format("cannot read `{}`", manifest_path(*edition));
    return result;
  }
  const std::vector<std::string> changed = differences(*edition->lock, compute_edition_lock(project, *edition));
  auto new_yaml = append_erratum(old_yaml, note, edition->errata);
  auto parsed = new_yaml ? parse_yaml(*new_yaml) : std::nullopt;
  std::vector<std::string> expected = edition->errata;
  expected.push_back(note);
  bool verified = false;
  if (parsed && parsed->IsMap() && (*parsed)["errata"] && (*parsed)["errata"].IsSequence()) {
    try {
      verified = (*parsed)["errata"].as<std::vector<std::string>>() == expected;
    } catch (const YAML::Exception&) {
    }
  }
  if (!verified) {
    result.status = FreezeStatus::usage_error;
    result.message = fmt::format("cannot add the note to `errata:` in `{}` automatically; write `errata:` as a list "
                                 "with one `  - \"...\"` line per erratum and run the command again",
                                 manifest_path(*edition));
    return result;
  }
  result = write_frozen(root, project, *edition, old_yaml, *new_yaml);
  result.changed_files = changed;
  if (result.status == FreezeStatus::done)
    result.message = fmt::format("edition {}: erratum recorded, {} file(s) locked again in `{}`", number,
                                 result.locked_files, result.lock_path);
  return result;
}

}  // namespace leitbild
