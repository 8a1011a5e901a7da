#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "load/edition_lock.h"
#include "load/load.h"
#include "load/text_file.h"
#include "load/yaml_reader.h"
#include "model/parallel.h"
#include "model/strings.h"

namespace leitbild {
namespace fs = std::filesystem;

namespace {

void read_edition_manifest(YamlReader& yaml, const YAML::Node& root, const Project& project, Edition& edition) {
  yaml.check_keys(root, {"edition", "title", "status", "adopted", "valid", "chapters", "errata"}, "edition.yaml");
  if (auto n = yaml.integer(root, "edition", true); n && *n != edition.number)
    yaml.diagnostics().add("LB0113", yaml.where(root["edition"]),
                           fmt::format("edition.yaml says `edition: {}` but it is in the folder of edition {}", *n,
                                       edition.number),
                           fmt::format("Write `edition: {}`, or move the folder to content/editions/{}.", edition.number, *n));
  if (auto v = yaml.localized(root, "title", true, project.languages)) edition.title = *v;
  if (auto status = yaml.string(root, "status", false)) {
    if (*status == "draft" || *status == "published") edition.status = *status;
    else yaml.diagnostics().add("LB0105", yaml.where(root["status"]), fmt::format("unknown status `{}`", *status),
                                "Use `status: draft` or `status: published`.");
  }
  edition.adopted = yaml.date(root, "adopted", edition.status == "published");
  YAML::Node valid = root["valid"];
  if (valid.IsDefined() && !valid.IsNull() && yaml.expect_map(valid, "`valid`")) {
    yaml.check_keys(valid, {"from", "to"}, "`valid`");
    edition.valid_from = yaml.integer(valid, "from", false);
    edition.valid_to = yaml.integer(valid, "to", false);
    if (edition.valid_from && edition.valid_to && *edition.valid_to < *edition.valid_from)
      yaml.diagnostics().add("LB0105", yaml.where(valid), "`valid.to` is before `valid.from`", "Swap the two years.");
  }
  if (auto errata = yaml.string_list(root, "errata", false)) edition.errata = *errata;
  if (root["chapters"].IsDefined()) edition.chapters_where = yaml.where(root["chapters"]);
  if (auto stems = yaml.string_list(root, "chapters", true)) {
    std::set<std::string> seen;
    for (const auto& stem : *stems) {
      if (!is_valid_id(stem)) {
        yaml.diagnostics().add("LB0112", yaml.where(root["chapters"]), fmt::format("`{}` is not a valid chapter stem", stem),
                               "Stems use lowercase ASCII letters, digits and hyphens (e.g. `erfolgsfaktoren`).");
        continue;
      }
      if (!seen.insert(stem).second) {
        yaml.diagnostics().add("LB0105", yaml.where(root["chapters"]), fmt::format("`{}` is listed twice in `chapters`", stem),
                               "List each chapter once.");
        continue;
      }
      edition.chapter_stems.push_back(stem);
    }
    if (stems->empty())
      yaml.diagnostics().add("LB0114", yaml.where(root["chapters"]), fmt::format("edition {} lists no chapters", edition.number),
                             "List the chapter stems in order, e.g. `chapters: [praeambel, grundsaetze]`.");
  }
}

// One chapter file to read and parse. Files are independent, so they are read on several threads;
// the results are taken over in the manifest's order, whatever order the threads finished in.
struct ChapterRead {
  std::string path;
  std::string stem;
  LanguageTag lang;
  std::optional<std::string> text;
  std::optional<Chapter> chapter;
  Diagnostics diagnostics;
};

// A thread per this many files: below it, starting the thread costs more than it saves.
constexpr std::size_t kFilesPerExtraThread = 32;

void read_and_parse(const fs::path& root, std::vector<ChapterRead>& reads) {
  for_each_in_parallel(reads.size(), threads_for(reads.size(), kFilesPerExtraThread), [&] {
    return [&](std::size_t i) {
      ChapterRead& read = reads[i];
      read.text = read_text_file(root, read.path, read.diagnostics);
      if (read.text) read.chapter = parse_chapter(read.path, *read.text, read.diagnostics);
    };
  });
}

}  // namespace

std::optional<Edition> load_edition_manifest(Project& project, const std::string& folder_name, Diagnostics& diagnostics,
                                             bool parse_lock) {
  Edition edition;
  edition.dir = "content/editions/" + folder_name;
  edition.number = std::stoi(folder_name);
  const std::string manifest = edition.dir + "/edition.yaml";
  auto text = read_text_file(project.root, manifest, diagnostics);
  if (!text) return std::nullopt;
  project.sources[manifest] = *text;
  YamlReader yaml(manifest, 1, diagnostics);
  auto root = yaml.parse(*text);
  if (!root || !yaml.expect_map(*root, "edition.yaml")) return std::nullopt;
  read_edition_manifest(yaml, *root, project, edition);

  // A frozen edition's fingerprints (check_frozen compares them with the sources read here).
  const std::string lock = edition_lock_path(edition);
  if (std::error_code lock_ec; fs::exists(fs::symlink_status(project.root / lock, lock_ec))) {
    if (auto lock_text = read_text_file(project.root, lock, diagnostics)) {
      project.sources[lock] = *lock_text;
      if (parse_lock) edition.lock = parse_edition_lock(lock, *lock_text, diagnostics);
    }
  }
  return edition;
}

std::optional<Edition> load_edition(Project& project, const std::string& folder_name, Diagnostics& diagnostics) {
  std::optional<Edition> read = load_edition_manifest(project, folder_name, diagnostics);
  if (!read) return std::nullopt;
  Edition edition = std::move(*read);
  const std::string manifest = edition.dir + "/edition.yaml";

  // Language folders and stray files.
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(project.root / edition.dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_directory()) continue;
    if (std::find(project.languages.begin(), project.languages.end(), name) == project.languages.end())
      diagnostics.add("LB0110", {edition.dir + "/" + name, 0, 0},
                      fmt::format("the folder `{}` is not a language of the project", name),
                      fmt::format("Add `{}` to `languages:` in leitbild.yaml, or rename the folder to one of {}.", name,
                                  quoted_list(project.languages)));
  }
  std::vector<ChapterRead> reads;
  for (const auto& lang : project.languages) {
    const std::string lang_dir = edition.dir + "/" + lang;
    std::vector<std::string> unlisted;
    for (const auto& entry : fs::directory_iterator(project.root / lang_dir, ec)) {
      if (entry.path().extension() != ".md") continue;
      const std::string stem = entry.path().stem().string();
      if (std::find(edition.chapter_stems.begin(), edition.chapter_stems.end(), stem) == edition.chapter_stems.end())
        unlisted.push_back(stem);
    }
    std::sort(unlisted.begin(), unlisted.end());
    for (const auto& stem : unlisted) {
      auto near = closest(stem, edition.chapter_stems, 1);
      diagnostics.add("LB0109", {lang_dir + "/" + stem + ".md", 0, 0},
                      fmt::format("the chapter `{}` is not listed in {}", stem, manifest),
                      near.empty() ? fmt::format("Add `{}` to `chapters:` in {}, or delete the file.", stem, manifest)
                                   : fmt::format("Did you mean `{}`? Rename the file, or add `{}` to `chapters:`.",
                                                 near.front(), stem));
    }
    edition.chapters[lang];  // the language has a (possibly empty) chapter list
    for (const auto& stem : edition.chapter_stems) {
      const std::string path = lang_dir + "/" + stem + ".md";
      std::error_code exists_ec;
      if (!fs::exists(fs::symlink_status(project.root / path, exists_ec))) {
        if (lang == project.source_language())
          diagnostics.add("LB0108", edition.chapters_where,
                          fmt::format("the chapter `{}` is listed, but `{}` does not exist", stem, path),
                          fmt::format("Create `{}`, or remove `{}` from `chapters:`.", path, stem));
        else
          diagnostics.add("LB0301", {path, 0, 0},
                          fmt::format("the chapter `{}` has no {} translation: `{}` is missing", stem, lang, path),
                          fmt::format("Translate content/editions/{}/{}/{}.md into `{}`.", edition.number,
                                      project.source_language(), stem, path));
        continue;
      }
      reads.push_back({path, stem, lang, {}, {}, {}});
    }
  }
  read_and_parse(project.root, reads);
  for (ChapterRead& read : reads) {
    diagnostics.append(std::move(read.diagnostics.all()));
    if (!read.text) continue;
    project.sources[read.path] = std::move(*read.text);
    if (!read.chapter) continue;
    read.chapter->stem = read.stem;
    read.chapter->lang = read.lang;
    edition.chapters[read.lang].push_back(std::move(*read.chapter));
  }
  return edition;
}

EditionManifests read_edition_manifests(const std::filesystem::path& root, const std::vector<LanguageTag>& languages,
                                        const std::vector<int>& numbers) {
  // Each manifest into a project of its own (yaml-cpp takes most of the time), then taken over.
  std::vector<Project> parts(numbers.size());
  std::vector<std::optional<Edition>> editions(numbers.size());
  for_each_in_parallel(numbers.size(), threads_for(numbers.size(), 4), [&] {
    return [&](std::size_t i) {
      parts[i].root = root;
      parts[i].languages = languages;
      Diagnostics ignored;
      editions[i] = load_edition_manifest(parts[i], std::to_string(numbers[i]), ignored, /*parse_lock=*/false);
    };
  });
  EditionManifests manifests;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    manifests.sources.merge(parts[i].sources);
    if (editions[i]) manifests.editions.push_back(std::move(*editions[i]));
  }
  return manifests;
}

void add_manifest_only_editions(Project& project, EditionManifests manifests,
                                const std::function<bool(const std::string&)>& exists) {
  project.sources.merge(manifests.sources);
  for (Edition& edition : manifests.editions) {
    edition.manifest_only = true;
    edition.outputs_carried = true;
    for (const LanguageTag& lang : project.languages) {
      std::vector<Chapter>& present = edition.chapters[lang];
      present.reserve(edition.chapter_stems.size());
      for (const std::string& stem : edition.chapter_stems) {
        Chapter chapter;
        chapter.stem = stem;
        chapter.lang = lang;
        chapter.path = fmt::format("{}/{}/{}.md", edition.dir, lang, stem);
        if (exists(chapter.path)) present.push_back(std::move(chapter));
      }
    }
    project.editions.push_back(std::move(edition));
  }
  std::sort(project.editions.begin(), project.editions.end(),
            [](const Edition& a, const Edition& b) { return a.number < b.number; });
}

}  // namespace leitbild
