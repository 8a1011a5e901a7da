// `leitbild build`: load, resolve, check, then publish every edition in every format that can
// run here (docs/publishing.md).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <map>
#include <thread>
#include <tuple>

#include "check/check.h"
#include "check/diagnostic_format.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "load/load.h"
#include "model/strings.h"
#include "load/text_file.h"
#include "publish/atomic_file.h"
#include "publish/build_memo.h"
#include "publish/edition_view.h"
#include "publish/interrupt.h"
#include "publish/output_dir.h"
#include "publish/publish.h"
#include "render/render.h"
#include "render/warm_up.h"
#include "resolve/resolve.h"

namespace leitbild {
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string reason_unavailable(const OutputFormat& format) {
  return format.unavailable_reason ? format.unavailable_reason() : std::string();
}

std::vector<std::string> format_names(const std::vector<OutputFormat>& formats) {
  std::vector<std::string> names;
  for (const auto& f : formats) names.push_back(f.name);
  return names;
}

int list_formats(const std::vector<OutputFormat>& formats) {
  if (formats.empty()) fmt::print("(this leitbild knows no output formats)\n");
  for (const auto& format : formats) {
    std::string reason = reason_unavailable(format);
    fmt::print("{:<12} {:<13} {}\n", format.name, reason.empty() ? "available" : "unavailable",
               reason.empty() ? format.description : reason);
  }
  return kExitOk;
}

template <typename T>
std::optional<T> parse_number(const char* text) {
  if (!text) return std::nullopt;
  std::string_view s(text);
  T value{};
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

// [ROOT/themes/<theme>, ROOT/themes/default, the theme installed with leitbild], those that exist.
std::vector<fs::path> theme_dirs_for(const Project& project, Diagnostics& diagnostics) {
  std::vector<fs::path> dirs;
  auto add = [&](const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    for (const auto& known : dirs)
      if (fs::equivalent(known, dir, ec)) return;
    dirs.push_back(dir);
  };
  // Absolute: the folders go into the cache keys, which must not depend on how the root was spelled.
  std::error_code absolute_ec;
  const fs::path root = fs::weakly_canonical(fs::absolute(project.root, absolute_ec), absolute_ec);
  const fs::path own = root / "themes" / project.theme;
  std::error_code ec;
  if (project.theme != "default" && !fs::is_directory(own, ec))
    diagnostics.add("LB0621", {"leitbild.yaml", 0, 0},
                    fmt::format("leitbild.yaml names the theme `{}`, but there is no folder `themes/{}`", project.theme,
                                project.theme));
  add(own);
  add(root / "themes" / "default");
  add(LEITBILD_DEFAULT_THEME_DIR);
  return dirs;
}

// ROOT/node_modules when the tree has its own, else the one installed with leitbild; absolute, as
// it goes into cache keys and the memo's identity.
fs::path node_modules_for(const fs::path& root) {
  std::error_code ec;
  if (fs::is_directory(root / "node_modules", ec)) return fs::weakly_canonical(fs::absolute(root / "node_modules", ec), ec);
  return LEITBILD_NODE_MODULES_DIR;
}

void print_diagnostics(const Diagnostics& diagnostics, const Project& project) {
  fmt::print(stderr, "{}", format_text(diagnostics, project.sources, {use_colour(stderr)}));
}

void print_timings(const std::vector<StageTiming>& timings) {
  fmt::print(stderr, "leitbild: timings\n");
  for (const auto& t : timings) fmt::print(stderr, "  {:<40} {:>8.3f} s\n", t.stage, t.seconds);
}

// Render options that change outputs, for the build memo's identity (theme folders follow from
// leitbild.yaml, whose stamp the memo holds).
std::string render_options_identity(const RenderOptions& options, const fs::path& node_modules) {
  return fmt::format("epoch={}\ndeck-lang={}\ndeck-layout={}\nnode-modules={}\ntheme={}\n",
                     options.source_date_epoch ? std::to_string(*options.source_date_epoch) : "none", options.deck_lang,
                     options.deck_layout, node_modules.string(), LEITBILD_DEFAULT_THEME_DIR);
}

// The texts of the files the diagnostics point at, for printing diagnostics taken from the memo.
std::map<std::string, std::string> texts_for(const fs::path& root, const std::vector<Diagnostic>& diagnostics) {
  std::map<std::string, std::string> texts;
  auto add = [&](const std::string& file) {
    if (file.empty() || texts.count(file)) return;
    Diagnostics ignored;
    if (auto text = read_text_file(root, file, ignored)) texts.emplace(file, std::move(*text));
  };
  for (const Diagnostic& d : diagnostics) {
    add(d.where.file);
    if (d.related) add(d.related->file);
  }
  return texts;
}

// Diagnostics taken from the memo point into files this build did not read: the printer shows
// their lines too. Only for printing, after the outputs are written.
void add_texts_to_print(Project& project, const Diagnostics& diagnostics) {
  std::vector<Diagnostic> elsewhere;
  for (const Diagnostic& d : diagnostics.all())
    if ((!d.where.file.empty() && !project.sources.count(d.where.file)) ||
        (d.related && !d.related->file.empty() && !project.sources.count(d.related->file)))
      elsewhere.push_back(d);
  if (!elsewhere.empty()) project.sources.merge(texts_for(project.root, elsewhere));
}

// Editions an incremental build loads only as a rendered edition's predecessor (for its "what is
// new" page) are taken from their text views where the cache has them (publish/edition_view.h).
std::map<int, std::string> read_edition_views(const fs::path& cache, const BuildMemo& memo, const IncrementalScope& scope) {
  std::map<int, std::string> views;
  for (int number : scope.loaded) {
    if (scope.rendered.count(number) || memo.deck_editions.count(number)) continue;
    const std::optional<std::string> key = edition_view_key(memo, number);
    std::string bytes;
    if (key && read_file_bytes(edition_view_path(cache, *key), bytes)) views.emplace(number, std::move(bytes));
  }
  return views;
}

// ... and after a build that loaded such an edition, its view is kept for the next one. Views
// nobody wrote for `unused_for` go.
void write_edition_views(const fs::path& cache, const BuildMemo& memo, const Project& project,
                         const IncrementalScope& scope, std::chrono::seconds unused_for) {
  fs::path folder;  // set once a view is written
  for (const Edition& edition : project.editions) {
    if (edition.manifest_only || scope.rendered.count(edition.number) || memo.deck_editions.count(edition.number))
      continue;
    const std::optional<std::string> key = edition_view_key(memo, edition.number);
    if (!key) continue;
    const fs::path path = edition_view_path(cache, *key);
    std::error_code ec;
    if (fs::exists(path, ec)) continue;
    fs::create_directories(path.parent_path(), ec);
    write_file_atomically(path, serialize_edition_view(edition), false);
    folder = path.parent_path();
  }
  if (!folder.empty()) remove_unused_entries(folder, unused_for);
}

}  // namespace

int run_build(const BuildOptions& options) {
  const std::vector<OutputFormat>& known = output_formats();
  if (options.list_formats) return list_formats(known);
  if (!fs::is_directory(options.root)) {
    fmt::print(stderr, "leitbild: `{}` is not a folder\n", options.root);
    return kExitUsage;
  }
  if (options.jobs < 0) {
    fmt::print(stderr, "leitbild: --jobs must be 1 or more (0 or nothing: one per core)\n");
    return kExitUsage;
  }

  // Which formats: every available one, or exactly those asked for.
  std::vector<const OutputFormat*> selected;
  std::vector<SkippedFormat> skipped;
  if (options.formats.empty()) {
    for (const auto& format : known) {
      if (std::string reason = reason_unavailable(format); reason.empty()) selected.push_back(&format);
      else skipped.push_back({format.name, reason});
    }
  } else {
    for (const auto& name : options.formats) {
      auto it = std::find_if(known.begin(), known.end(), [&](const OutputFormat& f) { return f.name == name; });
      if (it == known.end()) {
        fmt::print(stderr, "leitbild: unknown output format `{}`; known formats: {}\n", name,
                   known.empty() ? "none" : quoted_list(format_names(known), "and"));
        return kExitUsage;
      }
      if (std::string reason = reason_unavailable(*it); !reason.empty()) {
        Diagnostics missing;
        missing.add("LB0602", {}, fmt::format("the output format `{}` cannot run here: {}", name, reason));
        fmt::print(stderr, "{}", format_text(missing, {}, {use_colour(stderr)}));
        return kExitUsage;
      }
      if (std::find(selected.begin(), selected.end(), &*it) == selected.end()) selected.push_back(&*it);
    }
  }

  RenderOptions render_options;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    auto value = parse_number<long long>(epoch);
    if (!value || *value < 0) {
      fmt::print(stderr, "leitbild: SOURCE_DATE_EPOCH must be a number of seconds since 1970, not `{}`\n", epoch);
      return kExitUsage;
    }
    render_options.source_date_epoch = *value;
  }
  render_options.deck_lang = options.deck_lang;
  render_options.deck_layout = options.deck_layout;

  PublishOptions publish_options;
  publish_options.out = options.out.empty() ? fs::path(options.root) / "dist" : fs::path(options.out);
  if (!options.no_cache)
    publish_options.cache = options.cache.empty() ? fs::path(options.root) / ".leitbild-cache" : fs::path(options.cache);
  publish_options.threads =
      options.jobs > 0 ? static_cast<unsigned>(options.jobs) : std::max(1u, std::thread::hardware_concurrency());
  publish_options.werror = options.werror;
  publish_options.write_timings = options.timings;
  publish_options.skipped = skipped;
  if (auto slow = parse_number<int>(std::getenv("LEITBILD_TEST_SLOW_MS")); slow && *slow > 0)
    publish_options.slow_write = std::chrono::milliseconds(*slow);
  const fs::path out = normalized_output_path(publish_options.out);

  install_interrupt_handlers();
  Progress progress(Progress::mode_for(stderr, options.quiet), stderr);
  const auto build_start = Clock::now();
  std::vector<StageTiming> timings;

  // What the last build of this tree into this folder left (publish/build_memo.h): with it, only the
  // editions whose files changed are loaded, and with nothing changed there is nothing to do.
  auto stage_start = Clock::now();
  std::string identity;
  std::optional<std::vector<FileStamp>> stamps;
  std::optional<BuildMemo> memo;
  std::optional<IncrementalScope> scope;
  std::map<int, std::string> views;  // edition text views taken instead of loading those editions
  std::optional<std::vector<FileStamp>> output_now, spare_now;
  if (publish_options.cache && options.editions.empty()) {
    std::vector<std::string> names, skipped_names;
    for (const auto* f : selected) names.push_back(f->name);
    for (const auto& s : skipped) skipped_names.push_back(s.name + ": " + s.reason);
    const fs::path node_modules = node_modules_for(options.root);
    identity = memo_identity(options.root, out, names, skipped_names, render_options_identity(render_options, node_modules));
    // Four independent reads of thousands of files' metadata and of a large file: side by side.
    // Each folder's inode first: publish checks it again under the lock.
    bool listed_inodes_match = true;
    auto output_stamps = std::async(std::launch::async, [&] {
      const auto inode = folder_inode(out);
      return std::make_pair(inode, stamp_output(out, &listed_inodes_match));
    });
    const fs::path spare = spare_path(*publish_options.cache, out);
    auto spare_stamps = std::async(std::launch::async, [&] {
      const auto inode = folder_inode(spare);
      return std::make_pair(inode, inode ? list_output_inodes(spare) : std::nullopt);
    });
    auto previous = std::async(std::launch::async, [&] { return read_memo(*publish_options.cache, identity); });
    stamps = stamp_inputs(options.root, {LEITBILD_DEFAULT_THEME_DIR}, node_modules);
    memo = previous.get();
    std::tie(publish_options.out_inode, output_now) = output_stamps.get();
    std::tie(publish_options.spare_inode, spare_now) = spare_stamps.get();
    if (spare_now && !listed_inodes_match) spare_now = stamp_output(spare);  // the listing's numbers are not stat's
    if (!stamps || !output_now || (memo && *output_now != memo->output)) memo.reset();  // not as the memo left it
    if (memo && spare_now) publish_options.spare = &*spare_now;
    if (memo) {
      const InputChanges changes = compare_inputs(memo->inputs, *stamps, memo->editions);
      if (!changes.outside_editions && named_files_unchanged(*memo, options.root))
        scope = incremental_scope(memo->editions, changes.editions, memo->deck_editions);
    }
    if (scope) {
      views = read_edition_views(*publish_options.cache, *memo, *scope);
      for (const auto& [number, bytes] : views) scope->loaded.erase(number);
    }
  }
  timings.push_back({"memo read", since(stage_start)});
  // timings.json is this build's own: with --timings it must be written, without it a previous
  // one must go, either way by a build (which carries every job over).
  if (scope && scope->rendered.empty() && !options.timings && !fs::exists(out / "timings.json")) {
    // Nothing the build reads changed, and the output folder is as the last build left it.
    Diagnostics diagnostics;
    diagnostics.append(memo->diagnostics);
    for (const MemoJob& job : memo->jobs) diagnostics.append(job.diagnostics);
    diagnostics.sort();
    progress.clear();
    fmt::print(stderr, "{}", format_text(diagnostics, texts_for(options.root, diagnostics.all()), {use_colour(stderr)}));
    timings.push_back({"total", since(build_start)});
    if (options.timings) print_timings(timings);
    if (diagnostics.has_errors() || (options.werror && diagnostics.count(Severity::warning) > 0)) {
      fmt::print(stderr, "leitbild: {} warning(s) (--werror); nothing was built and `{}` was left as it was\n",
                 diagnostics.count(Severity::warning), out.string());
      return kExitContentErrors;
    }
    if (!options.quiet)
      fmt::print(stderr, "leitbild: `{}` is up to date: nothing it is built from changed since the last build ({:.1f}s)\n",
                 out.string(), since(build_start));
    return exit_code_for(diagnostics, options.werror);
  }

  // Load, resolve, check.
  Diagnostics diagnostics;
  stage_start = Clock::now();
  progress.start_stage("load", 0);
  LoadOptions load_options{options.editions};
  if (scope) load_options.editions.assign(scope->loaded.begin(), scope->loaded.end());
  Project project = load_project(options.root, diagnostics, load_options);
  if (scope)
    for (int number : memo->editions)
      if (!scope->loaded.count(number))
        if (auto used = memo->terms_used.find(number); used != memo->terms_used.end())
          project.terms_used_elsewhere.insert(used->second.begin(), used->second.end());
  timings.push_back({"load", since(stage_start)});
  if (project.languages.empty()) {
    progress.finish_stage();
    diagnostics.sort();
    print_diagnostics(diagnostics, project);
    return kExitUsage;
  }
  for (int number : options.editions)
    if (!project.find_edition(number) && !diagnostics.has_errors()) {
      fmt::print(stderr, "leitbild: edition {} does not exist (no content/editions/{}/edition.yaml)\n", number, number);
      return kExitUsage;
    }
  // The manifests of the editions taken from the memo, read while this thread resolves and checks.
  std::vector<int> taken;
  std::future<EditionManifests> manifests;
  if (scope) {
    for (int number : memo->editions)
      if (!scope->loaded.count(number)) taken.push_back(number);
    manifests = std::async(std::launch::async, read_edition_manifests, project.root, project.languages, taken);
  }
  render_options.theme_dirs = theme_dirs_for(project, diagnostics);
  render_options.node_modules = node_modules_for(project.root);
  // While this thread resolves and checks, another loads the renderers' locale data.
  std::jthread warm_up(warm_up_renderers, project.languages, render_options);
  stage_start = Clock::now();
  progress.start_stage("resolve", 0);
  resolve_project(project, diagnostics);
  timings.push_back({"resolve", since(stage_start)});
  stage_start = Clock::now();
  progress.start_stage("check", 0);
  check_project(project, diagnostics);
  timings.push_back({"check", since(stage_start)});
  stage_start = Clock::now();
  warm_up.join();
  timings.push_back({"warm-up wait", since(stage_start)});
  if (int signal = interrupt_signal()) {
    progress.clear();
    die_by_signal(signal);
  }

  const std::vector<Diagnostic> checked = diagnostics.all();  // for the memo: this build's part
  std::vector<Diagnostic> taken_over;  // the memo's, of the editions not loaded
  if (scope) {
    for (const Diagnostic& d : memo->diagnostics)
      if (auto edition = edition_of_path(d.where.file); edition && !scope->loaded.count(*edition)) taken_over.push_back(d);
    diagnostics.append(taken_over);
  }

  const bool failed_checks = diagnostics.has_errors() || (options.werror && diagnostics.count(Severity::warning) > 0);
  if (failed_checks) {
    progress.finish_stage();
    diagnostics.sort();
    add_texts_to_print(project, diagnostics);
    print_diagnostics(diagnostics, project);
    fmt::print(stderr, "leitbild: {} error(s){}; nothing was built and `{}` was left as it was\n",
               diagnostics.count(Severity::error),
               options.werror && diagnostics.count(Severity::warning) ? fmt::format(
                                                                            ", {} warning(s) (--werror)",
                                                                            diagnostics.count(Severity::warning))
                                                                      : "",
               out.string());
    return kExitContentErrors;
  }

  stage_start = Clock::now();
  if (scope) {
    // The editions taken from the memo: their manifests, for the pages that list every edition.
    add_manifest_only_editions(project, manifests.get(), [&](const std::string& path) { return has_file(*stamps, path); });
    for (Edition& edition : project.editions)
      if (auto view = views.find(edition.number); view != views.end()) apply_edition_view(view->second, edition);
    // Editions loaded only for their neighbours' pages keep their outputs too.
    for (Edition& edition : project.editions) edition.outputs_carried = !scope->rendered.count(edition.number);
    publish_options.carry_unplanned = true;
    timings.push_back({"manifests from memo", since(stage_start)});
  }
  if (memo) publish_options.previous = &*memo;

  for (const auto& s : skipped) progress.note(fmt::format("leitbild: skipping {}: {}", s.name, s.reason));
  if (selected.empty()) progress.note("leitbild: no output format can run here; only report.json is written");
  if (stamps)
    publish_options.after_swap = [&](PublishResult& published) {
      const auto memo_start = Clock::now();
      BuildMemo next;
      next.identity = identity;
      next.inputs = std::move(*stamps);
      if (!published.output_stamps) return;
      next.output = std::move(*published.output_stamps);
      for (const Edition& edition : project.editions) {
        next.editions.push_back(edition.number);
        if (!edition.manifest_only) next.terms_used[edition.number] = terms_used_in(edition);
        else if (auto used = memo->terms_used.find(edition.number); used != memo->terms_used.end())
          next.terms_used.insert(*used);
      }
      for (const Deck& deck : project.decks) next.deck_editions.insert(deck.edition);
      next.diagnostics = checked;
      next.diagnostics.insert(next.diagnostics.end(), taken_over.begin(), taken_over.end());
      next.report_inputs = std::move(published.report_inputs);
      next.jobs = std::move(published.memo_jobs);
      write_memo(*publish_options.cache, next, publish_options.cache_entry_lifetime);
      if (scope) write_edition_views(*publish_options.cache, next, project, *scope, publish_options.cache_entry_lifetime);
      timings.push_back({"memo write", since(memo_start)});
    };
  PublishResult result = publish(project, selected, render_options, publish_options, diagnostics, timings, progress);
  timings.push_back({"total", since(build_start)});
  progress.finish_stage();
  for (const auto& stale : result.stale_removed)
    progress.note(fmt::format("leitbild: removed `{}`, left by an interrupted build", stale.string()));

  diagnostics.sort();
  progress.clear();
  add_texts_to_print(project, diagnostics);
  print_diagnostics(diagnostics, project);
  if (options.timings) print_timings(timings);

  switch (result.status) {
    case PublishResult::Status::ok: {
      if (!options.quiet) {
        std::vector<std::string> names;
        for (const auto* f : selected) names.push_back(f->name);
        fmt::print(stderr, "leitbild: built {} into `{}`: {} file(s); {} job(s) rendered, {} from the cache, {} unchanged{}{} ({:.1f}s)\n",
                   names.empty() ? "nothing" : fmt::format("{}", fmt::join(names, ", ")), out.string(),
                   result.files_written, result.jobs_rendered, result.jobs_from_cache, result.jobs_carried,
                   result.cache_damaged ? fmt::format(", {} damaged cache entr{} ignored", result.cache_damaged,
                                                      result.cache_damaged == 1 ? "y" : "ies")
                                        : "",
                   result.cache_pruned
                       ? fmt::format(", {} cache entr{} unused for {} days removed", result.cache_pruned,
                                     result.cache_pruned == 1 ? "y" : "ies",
                                     std::chrono::duration_cast<std::chrono::days>(publish_options.cache_entry_lifetime).count())
                       : "",
                   since(build_start));
      }
      keep_until_exit(std::move(project));
      return exit_code_for(diagnostics, options.werror);
    }
    case PublishResult::Status::failed:
      fmt::print(stderr, "leitbild: {} error(s); {}\n", diagnostics.count(Severity::error), result.message);
      return kExitContentErrors;
    case PublishResult::Status::refused:
    case PublishResult::Status::io_error:
      fmt::print(stderr, "leitbild: {}\n", result.message);
      return kExitUsage;
    case PublishResult::Status::interrupted:
      fmt::print(stderr, "leitbild: {}\n", result.message);
      die_by_signal(result.signal);
  }
  return kExitUsage;
}

}  // namespace leitbild
