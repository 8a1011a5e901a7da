// Per-stage timings from inside the process: load, resolve, check and each output format's
// plan + jobs, on the tree named by LEITBILD_BENCH_TREE (bench/run points it at a generated
// corpus; default: the bundled tree) for the formats in LEITBILD_BENCH_FORMATS (default html,epub).
// Renderers are timed without writing files, single-threaded, so "publish" is the build's remainder.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "check/check.h"
#include "load/load.h"
#include "render/render.h"
#include "resolve/resolve.h"

namespace leitbild {
namespace {

std::filesystem::path tree() {
  const char* path = std::getenv("LEITBILD_BENCH_TREE");
  return path ? path : LEITBILD_SOURCE_DIR;
}

void fail_on_errors(benchmark::State& state, const Diagnostics& diagnostics) {
  if (diagnostics.has_errors())
    state.SkipWithError(fmt::format("the tree has {} errors; run `leitbild check` on it",
                                    diagnostics.count(Severity::error)).c_str());
}

void count_chapters(benchmark::State& state, const Project& project) {
  std::size_t files = 0;
  for (const Edition& edition : project.editions)
    for (const auto& [lang, chapters] : edition.chapters) files += chapters.size();
  state.counters["chapter_files"] = static_cast<double>(files);
}

void load_stage(benchmark::State& state) {
  for (auto _ : state) {
    Diagnostics diagnostics;
    Project project = load_project(tree(), diagnostics);
    benchmark::DoNotOptimize(project.editions.data());
    state.PauseTiming();
    count_chapters(state, project);
    state.ResumeTiming();
  }
}

void resolve_stage(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    Diagnostics diagnostics;
    Project project = load_project(tree(), diagnostics);
    state.ResumeTiming();
    resolve_project(project, diagnostics);
    benchmark::DoNotOptimize(project.editions.data());
  }
}

void check_stage(benchmark::State& state) {
  Diagnostics diagnostics;
  Project project = load_project(tree(), diagnostics);
  resolve_project(project, diagnostics);
  for (auto _ : state) {
    Diagnostics found;
    check_project(project, found);
    benchmark::DoNotOptimize(found.all().data());
  }
  check_project(project, diagnostics);
  fail_on_errors(state, diagnostics);
}

RenderOptions render_options() {
  RenderOptions options;
  options.theme_dirs = {std::filesystem::path(LEITBILD_DEFAULT_THEME_DIR)};
  options.node_modules = LEITBILD_NODE_MODULES_DIR;
  options.source_date_epoch = 0;
  return options;
}

// One format: plan() and every job, sequentially, outputs kept in memory and dropped.
void render_stage(benchmark::State& state, const OutputFormat* format) {
  Diagnostics diagnostics;
  Project project = load_project(tree(), diagnostics);
  resolve_project(project, diagnostics);
  const RenderOptions options = render_options();
  std::size_t bytes = 0, files = 0, jobs = 0;
  for (auto _ : state) {
    bytes = files = 0;
    std::vector<RenderJob> planned = format->plan(project, options);
    jobs = planned.size();
    for (RenderJob& job : planned) {
      Diagnostics job_diagnostics;
      Outputs outputs = job.run(job_diagnostics);
      for (const OutputFile& file : outputs) bytes += file.bytes.size();
      files += outputs.size();
    }
  }
  state.counters["jobs"] = static_cast<double>(jobs);
  state.counters["files"] = static_cast<double>(files);
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}

}  // namespace
}  // namespace leitbild

int main(int argc, char** argv) {
  using namespace leitbild;
  benchmark::RegisterBenchmark("load", load_stage)->Unit(benchmark::kMillisecond)->UseRealTime();
  benchmark::RegisterBenchmark("resolve", resolve_stage)->Unit(benchmark::kMillisecond)->UseRealTime();
  benchmark::RegisterBenchmark("check", check_stage)->Unit(benchmark::kMillisecond)->UseRealTime();
  // Only the formats the whole-process benchmark builds (html,epub): the others start Pandoc or Chromium.
  const char* wanted_env = std::getenv("LEITBILD_BENCH_FORMATS");
  const std::string wanted = "," + std::string(wanted_env ? wanted_env : "html,epub") + ",";
  for (const OutputFormat& format : output_formats()) {
    if (wanted.find("," + format.name + ",") == std::string::npos) continue;
    if (format.unavailable_reason && !format.unavailable_reason().empty()) continue;
    benchmark::RegisterBenchmark(("render/" + format.name).c_str(), render_stage, &format)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
