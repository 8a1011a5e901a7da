#include "publish/build_report.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "load/text_file.h"
#include "model/sha256.h"
#include "model/version.h"
#include "publish/atomic_file.h"

namespace leitbild {

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& json) { return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

// A JSON string as nlohmann's dump writes it without ensure_ascii; false for text that is not UTF-8.
bool append_string(std::string& out, std::string_view s) {
  if (find_utf8_error(s)) return false;  // (also a NUL byte: nlohmann writes those lists then)
  out += '"';
  // Paths and hashes need no escapes: most strings go in whole.
  if (std::none_of(s.begin(), s.end(), [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; })) {
    out += s;
    out += '"';
    return true;
  }
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else out += c;
    }
  }
  out += '"';
  return true;
}

// One of report.json's long lists (thousands of entries) written directly, laid out as
// dump(2) lays out an array of flat objects at the second level. nullopt when a string is not
// UTF-8: nlohmann then writes the list (it replaces bad bytes).
using Field = std::pair<std::string_view, std::variant<std::string_view, std::size_t>>;
template <typename Entries, typename Fields>
std::optional<std::string> flat_list(const Entries& entries, Fields fields_of) {
  if (entries.empty()) return std::string("[]");
  std::string out = "[\n";
  out.reserve(entries.size() * 200);
  bool first = true;
  for (const auto& entry : entries) {
    out += first ? "    {\n" : ",\n    {\n";
    first = false;
    bool first_field = true;
    for (const Field& field : fields_of(entry)) {
      out += first_field ? "      \"" : ",\n      \"";
      first_field = false;
      out += field.first;
      out += "\": ";
      if (const auto* text = std::get_if<std::string_view>(&field.second)) {
        if (!append_string(out, *text)) return std::nullopt;
      } else {
        out += std::to_string(std::get<std::size_t>(field.second));
      }
    }
    out += "\n    }";
  }
  out += "\n  ]";
  return out;
}

// Puts each list where dump() wrote its placeholder string, in one pass (the lists are megabytes:
// replacing in place would move the text after them once per list).
std::string splice(const std::string& text, const std::vector<std::pair<std::string, const std::string*>>& lists) {
  std::vector<std::pair<std::size_t, std::pair<std::size_t, const std::string*>>> places;  // at, (length, list)
  std::size_t size = text.size();
  for (const auto& [marker, list] : lists) {
    const std::string quoted = Json(marker).dump(-1, ' ', false);
    if (auto at = text.find(quoted); at != std::string::npos) {
      places.push_back({at, {quoted.size(), list}});
      size += list->size();
    }
  }
  std::sort(places.begin(), places.end());
  std::string out;
  out.reserve(size);
  std::size_t from = 0;
  for (const auto& [at, what] : places) {
    out.append(text, from, at - from);
    out += *what.second;
    from = at + what.first;
  }
  out.append(text, from, std::string::npos);
  return out;
}

}  // namespace

std::map<std::string, MemoInput> report_inputs(const Project& project, const SourceFingerprints& fingerprints,
                                               const std::vector<PlannedJob>& jobs, const BuildMemo* previous) {
  std::map<std::string, MemoInput> inputs;
  for (const auto& [path, text] : project.sources) inputs[path] = {fingerprints.at(path), text.size(), true};
  // The texts of the editions taken from the memo, as the build that read them recorded them,
  // before any job's inputs: a job may name them (the "what is new" page names the previous
  // edition's chapters), and they are texts, not files read as they are.
  if (previous) {
    std::set<int> taken;
    for (const Edition& edition : project.editions)
      if (edition.manifest_only) taken.insert(edition.number);
    if (!taken.empty())
      for (const auto& [path, input] : previous->report_inputs)
        if (auto edition = edition_of_path(path); edition && taken.count(*edition)) inputs.emplace(path, input);
  }
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
  const std::string inputs_marker = "\x01leitbild report list: inputs\x01";
  std::optional<std::string> inputs_list = flat_list(inputs, [](const auto& entry) {
    return std::array<Field, 3>{Field{"path", std::string_view(entry.first)}, Field{"size", entry.second.size},
                                Field{"sha256", std::string_view(entry.second.sha256)}};
  });
  if (inputs_list) {
    report["inputs"] = inputs_marker;
  } else {
    Json inputs_json = Json::array();
    for (const auto& [path, input] : inputs)
      inputs_json.push_back({{"path", path}, {"size", input.size}, {"sha256", input.sha256}});
    report["inputs"] = inputs_json;
  }
  Json theme_json = Json::array();
  for (const auto& path : theme_files) {
    auto bytes = render_options.theme_file(path);
    theme_json.push_back({{"path", path},
                          {"size", bytes ? Json(bytes->size()) : Json(nullptr)},
                          {"sha256", bytes ? Json(sha256_hex(*bytes)) : Json(nullptr)}});
  }
  report["theme_inputs"] = theme_json;

  std::map<std::string_view, std::pair<const WrittenFile*, const PlannedJob*>> outputs;  // sorted by path
  for (std::size_t i = 0; i < jobs.size(); ++i)
    for (const WrittenFile& file : outcomes[i].written) outputs[file.path] = {&file, &jobs[i]};
  const std::string outputs_marker = "\x01leitbild report list: outputs\x01";
  std::optional<std::string> outputs_list = flat_list(outputs, [](const auto& entry) {
    const auto& [file, planned] = entry.second;
    return std::array<Field, 5>{Field{"path", std::string_view(file->path)}, Field{"size", file->size},
                                Field{"sha256", std::string_view(file->sha256)},
                                Field{"format", std::string_view(planned->format)},
                                Field{"job", std::string_view(planned->job.key)}};
  });
  if (outputs_list) {
    report["outputs"] = outputs_marker;
  } else {
    Json outputs_json = Json::array();
    for (const auto& [path, entry] : outputs) {
      const auto& [file, planned] = entry;
      outputs_json.push_back({{"path", file->path}, {"size", file->size}, {"sha256", file->sha256},
                              {"format", planned->format}, {"job", planned->job.key}});
    }
    report["outputs"] = outputs_json;
  }
  std::vector<std::pair<std::string, const std::string*>> lists;
  if (inputs_list) lists.push_back({inputs_marker, &*inputs_list});
  if (outputs_list) lists.push_back({outputs_marker, &*outputs_list});
  return splice(dump(report), lists);
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
