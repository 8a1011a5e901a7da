#include "publish/build_report.h"

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "model/sha256.h"
#include "model/version.h"
#include "publish/atomic_file.h"

namespace leitbild {

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& json) { return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

}  // namespace

std::map<std::string, MemoInput> report_inputs(const Project& project, const SourceFingerprints& fingerprints,
                                               const std::vector<PlannedJob>& jobs, const BuildMemo* previous) {
  std::map<std::string, MemoInput> inputs;
  for (const auto& [path, text] : project.sources) inputs[path] = {fingerprints.at(path), text.size(), true};
  for (const auto& planned : jobs) {
    for (const auto& path : planned.job.inputs) {
      if (inputs.count(path)) continue;
      if (planned.carried && previous) {
        if (auto known = previous->report_inputs.find(path); known != previous->report_inputs.end()) {
          inputs.emplace(path, known->second);
          continue;
        }
      }
      std::string bytes;
      if (path.find("..") == std::string::npos && read_file_bytes(project.root / path, bytes))
        inputs[path] = {sha256_hex(bytes), bytes.size(), false};
    }
  }
  if (previous) {
    std::set<int> taken;
    for (const Edition& edition : project.editions)
      if (edition.manifest_only) taken.insert(edition.number);
    if (!taken.empty())
      for (const auto& [path, input] : previous->report_inputs)
        if (auto edition = edition_of_path(path); edition && taken.count(*edition)) inputs.emplace(path, input);
  }
  return inputs;
}

std::string report_json(const Project& project, const std::map<std::string, MemoInput>& inputs, const std::vector<std::string>& formats,
                        const std::vector<SkippedFormat>& skipped, const std::vector<PlannedJob>& jobs,
                        const std::vector<JobOutcome>& outcomes, const RenderOptions& render_options,
                        const Diagnostics& diagnostics) {
  Json report;
  report["report_version"] = 1;
  report["leitbild_version"] = kVersion;
  report["source_date_epoch"] = render_options.source_date_epoch ? Json(*render_options.source_date_epoch) : Json(nullptr);
  Json editions = Json::array();
  for (const Edition& edition : project.editions) editions.push_back(edition.number);
  report["editions"] = editions;
  Json decks = Json::array();
  for (const Deck& deck : project.decks) decks.push_back(deck.name);
  report["decks"] = decks;

  std::map<std::string, std::pair<std::size_t, std::size_t>> per_format;  // jobs, files
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    per_format[jobs[i].format].first += 1;
    per_format[jobs[i].format].second += outcomes[i].written.size();
  }
  Json built = Json::array();
  for (const auto& name : formats)
    built.push_back({{"name", name}, {"jobs", per_format[name].first}, {"files", per_format[name].second}});
  report["formats"] = built;
  Json skipped_json = Json::array();
  for (const auto& s : skipped) skipped_json.push_back({{"name", s.name}, {"reason", s.reason}});
  report["skipped_formats"] = skipped_json;
  report["diagnostics"] = {{"errors", diagnostics.count(Severity::error)},
                           {"warnings", diagnostics.count(Severity::warning)},
                           {"notes", diagnostics.count(Severity::note)}};

  std::set<std::string> theme_files;
  for (const auto& planned : jobs) theme_files.insert(planned.job.theme_inputs.begin(), planned.job.theme_inputs.end());
  Json inputs_json = Json::array();
  for (const auto& [path, input] : inputs)
    inputs_json.push_back({{"path", path}, {"size", input.size}, {"sha256", input.sha256}});
  report["inputs"] = inputs_json;
  Json theme_json = Json::array();
  for (const auto& path : theme_files) {
    auto bytes = render_options.theme_file(path);
    theme_json.push_back({{"path", path},
                          {"size", bytes ? Json(bytes->size()) : Json(nullptr)},
                          {"sha256", bytes ? Json(sha256_hex(*bytes)) : Json(nullptr)}});
  }
  report["theme_inputs"] = theme_json;

  std::map<std::string, Json> outputs;  // sorted by path
  for (std::size_t i = 0; i < jobs.size(); ++i)
    for (const WrittenFile& file : outcomes[i].written)
      outputs[file.path] = {{"path", file.path}, {"size", file.size}, {"sha256", file.sha256},
                            {"format", jobs[i].format}, {"job", jobs[i].job.key}};
  Json outputs_json = Json::array();
  for (auto& [path, entry] : outputs) outputs_json.push_back(std::move(entry));
  report["outputs"] = outputs_json;
  return dump(report);
}

std::string timings_json(const std::vector<StageTiming>& stages, const std::vector<PlannedJob>& jobs,
                         const std::vector<JobOutcome>& outcomes) {
  Json timings;
  Json stages_json = Json::array();
  for (const auto& stage : stages) stages_json.push_back({{"stage", stage.stage}, {"seconds", stage.seconds}});
  timings["stages"] = stages_json;
  Json jobs_json = Json::array();
  for (std::size_t i = 0; i < jobs.size(); ++i)
    jobs_json.push_back({{"job", jobs[i].job.key},
                         {"format", jobs[i].format},
                         {"seconds", outcomes[i].seconds},
                         {"from_cache", outcomes[i].from_cache},
                         {"carried", outcomes[i].carried}});
  timings["jobs"] = jobs_json;
  return dump(timings);
}

}  // namespace leitbild
