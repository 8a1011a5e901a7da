#include "publish/build_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace leitbild {
namespace {

using Json = nlohmann::ordered_json;

// report.json's long lists are written by hand; nlohmann must not be able to tell.
std::string report_for(const std::vector<std::string>& names) {
  Project project;
  project.editions.push_back(Edition{});
  project.editions.back().number = 3;
  std::map<std::string, MemoInput> inputs;
  std::vector<PlannedJob> jobs(1);
  std::vector<JobOutcome> outcomes(1);
  jobs[0].format = "html";
  jobs[0].job.key = "html/3/de";
  for (std::size_t i = 0; i < names.size(); ++i) {
    inputs[names[i]] = {std::string(64, 'a'), i * 1000, true};
    outcomes[0].written.push_back({names[i] + ".html", i, std::string(64, 'b')});
  }
  Diagnostics diagnostics;
  return report_json(project, inputs, {"html"}, {{"pdf", "no \"chromium\"\n here"}}, jobs, outcomes, RenderOptions{},
                     diagnostics);
}

std::string as_nlohmann_writes_it(const std::string& text) {
  return Json::parse(text).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

TEST(BuildReport, HandWrittenListsAreLaidOutAsNlohmannWouldLayThemOut) {
  const std::vector<std::string> names = {"content/a.md", "quote\"back\\slash", "tab\there\nnew\rline\b\f",
                                          std::string("ctrl\x01\x1f\x7f", 7), "Überschrift – ĳ € 𝄞"};
  const std::string text = report_for(names);
  EXPECT_EQ(text, as_nlohmann_writes_it(text));
  const Json parsed = Json::parse(text);
  ASSERT_EQ(parsed["inputs"].size(), names.size());
  EXPECT_EQ(parsed["outputs"].size(), names.size());
  std::set<std::string> paths;
  for (const auto& entry : parsed["inputs"]) paths.insert(entry["path"].get<std::string>());
  EXPECT_EQ(paths, std::set<std::string>(names.begin(), names.end()));
}

TEST(BuildReport, EmptyListsAndTextThatIsNotUtf8) {
  const std::string empty = report_for({});
  EXPECT_EQ(empty, as_nlohmann_writes_it(empty));
  EXPECT_NE(empty.find("\"inputs\": []"), std::string::npos);
  for (const std::string& bad : {std::string("cut \xC3"), std::string("overlong \xC0\xAF"), std::string("surrogate \xED\xA0\x80")}) {
    const std::string text = report_for({"fine.md", bad});
    EXPECT_EQ(text, as_nlohmann_writes_it(text)) << bad;
    EXPECT_NE(text.find("\xEF\xBF\xBD"), std::string::npos) << "bad bytes are replaced, as nlohmann does";
  }
}

}  // namespace
}  // namespace leitbild
