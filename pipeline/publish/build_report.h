#pragma once
// dist/report.json and dist/timings.json (schemas in docs/publishing.md). report.json holds only
// what the inputs determine (no times, no absolute paths, no cache statistics), so two builds of
// the same tree with the same SOURCE_DATE_EPOCH write it byte for byte the same; the times go
// to timings.json, written only with --timings.
#include <map>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/project.h"
#include "publish/build_memo.h"
#include "publish/job_runner.h"
#include "publish/publish.h"
#include "publish/render_cache.h"

namespace leitbild {

// report.json's inputs: every text the loader read, every other file a job named. An incremental
// build (`previous` set) takes the texts of the editions it did not load, and the files its
// carried jobs named, from the memo: they are unchanged since it was written.
std::map<std::string, MemoInput> report_inputs(const Project& project, const SourceFingerprints& fingerprints,
                                               const std::vector<PlannedJob>& jobs, const BuildMemo* previous);

std::string report_json(const Project& project, const std::map<std::string, MemoInput>& inputs, const std::vector<std::string>& formats,
                        const std::vector<SkippedFormat>& skipped, const std::vector<PlannedJob>& jobs,
                        const std::vector<JobOutcome>& outcomes, const RenderOptions& render_options,
                        const Diagnostics& diagnostics);

std::string timings_json(const std::vector<StageTiming>& stages, const std::vector<PlannedJob>& jobs,
                         const std::vector<JobOutcome>& outcomes);

}  // namespace leitbild
