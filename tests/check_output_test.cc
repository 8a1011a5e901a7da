// `leitbild check` as an editor and a CI system see it: the real binary, its three output formats
// and its exit codes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/tree.h"

namespace leitbild {
namespace {

using testing::run_leitbild;
using testing::TempTree;

constexpr const char* kChapter = "content/editions/3/de/grundsaetze.md";

// Line 7 holds a broken cross-reference after two umlauts: byte column 19, character column 17.
void write_broken_tree(const TempTree& tree) {
  tree.write_minimal_project();
  tree.write(kChapter,
             "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\nÜber Öffnung: [](#vielfallt) mehr.\n\n"
             "### Teilhabe\n\nAlle sollen teilhaben.\n");
}

std::string root_of(const TempTree& tree) { return "'" + tree.root().string() + "'"; }

TEST(CheckOutput, TextHasPositionSourceLineAndCaretInCharacters) {
  TempTree tree;
  write_broken_tree(tree);
  auto result = run_leitbild("check " + root_of(tree));
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const std::string header =
      "content/editions/3/de/grundsaetze.md:7:18: error[LB0202]: the cross-reference `#vielfallt` points to no section or "
      "chapter of edition 3\n";
  const std::string quoted = "    7 | Über Öffnung: [](#vielfallt) mehr.\n";
  const std::string caret = "      |                  ^~~~~~~~~~\n";
  EXPECT_NE(result.err.find(header + quoted + caret), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("  hint: Did you mean `vielfalt`?"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("1 error, 0 warnings"), std::string::npos) << result.err;
  EXPECT_EQ(result.out, "");
}

TEST(CheckOutput, JsonFields) {
  TempTree tree;
  write_broken_tree(tree);
  auto result = run_leitbild("check --format json " + root_of(tree));
  EXPECT_EQ(result.exit_code, 1);
  auto doc = nlohmann::json::parse(result.out);
  EXPECT_EQ(doc["schema"], "leitbild-diagnostics/1");
  EXPECT_EQ(doc["tool"]["name"], "leitbild");
  EXPECT_TRUE(doc["tool"]["version"].is_string());
  EXPECT_EQ(doc["summary"]["errors"], 1);
  EXPECT_EQ(doc["summary"]["warnings"], 0);
  EXPECT_TRUE(doc["summary"]["notes"].is_number());
  const nlohmann::json* error = nullptr;
  for (const auto& d : doc["diagnostics"])
    if (d["code"] == "LB0202") error = &d;
  ASSERT_NE(error, nullptr) << result.out;
  const auto& d = *error;
  EXPECT_EQ(d["name"], "unknown-anchor");
  EXPECT_EQ(d["severity"], "error");
  EXPECT_EQ(d["file"], kChapter);
  EXPECT_EQ(d["line"], 7);
  EXPECT_EQ(d["column"], 18);
  EXPECT_EQ(d["end_line"], 7);
  EXPECT_EQ(d["end_column"], 28);
  EXPECT_EQ(d["message"], "the cross-reference `#vielfallt` points to no section or chapter of edition 3");
  EXPECT_EQ(d["hint"], "Did you mean `vielfalt`?");
  for (const auto& n : doc["diagnostics"])
    for (const char* key : {"code", "name", "severity", "file", "line", "column", "end_line", "end_column", "message", "hint"})
      EXPECT_TRUE(n.contains(key)) << key;
}

TEST(CheckOutput, SarifFields) {
  TempTree tree;
  write_broken_tree(tree);
  auto result = run_leitbild("check --format sarif " + root_of(tree));
  EXPECT_EQ(result.exit_code, 1);
  auto doc = nlohmann::json::parse(result.out);
  EXPECT_EQ(doc["version"], "2.1.0");
  EXPECT_EQ(doc["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  const auto& run = doc["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "leitbild");
  const auto& rules = run["tool"]["driver"]["rules"];
  ASSERT_TRUE(rules.is_array());
  const nlohmann::json* result_item = nullptr;
  for (const auto& r : run["results"])
    if (r["ruleId"] == "LB0202") result_item = &r;
  ASSERT_NE(result_item, nullptr) << result.out;
  const auto& r = *result_item;
  EXPECT_EQ(r["level"], "error");
  EXPECT_EQ(rules[r["ruleIndex"].get<int>()]["id"], "LB0202");
  EXPECT_EQ(rules[r["ruleIndex"].get<int>()]["defaultConfiguration"]["level"], "error");
  const auto& physical = r["locations"][0]["physicalLocation"];
  EXPECT_EQ(physical["artifactLocation"]["uri"], kChapter);
  EXPECT_EQ(physical["region"]["startLine"], 7);
  EXPECT_EQ(physical["region"]["startColumn"], 18);
  EXPECT_EQ(physical["region"]["endColumn"], 28);
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_NE(r["message"]["text"].get<std::string>().find("#vielfallt"), std::string::npos);
}

TEST(CheckOutput, ExitCodes) {
  TempTree tree;
  tree.write_minimal_project();
  // Notes (here: translations without a fingerprint) never fail a check.
  auto clean = run_leitbild("check " + root_of(tree));
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_EQ(run_leitbild("check --werror " + root_of(tree)).exit_code, 0);
  // `--edition` takes one value each time, so ROOT after it is still the root.
  EXPECT_EQ(run_leitbild("check --edition 3 " + root_of(tree)).exit_code, 0);
  EXPECT_EQ(run_leitbild("check --edition 3 --edition 3 " + root_of(tree)).exit_code, 0);

  // A warning only: exit 0, or 1 with --werror.
  tree.write(kChapter, "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\nVielfalt<br>ist Stärke.\n\n"
                       "### Teilhabe\n\nAlle sollen teilhaben.\n");
  auto warned = run_leitbild("check " + root_of(tree));
  EXPECT_EQ(warned.exit_code, 0) << warned.err;
  EXPECT_NE(warned.err.find("warning[LB0315]"), std::string::npos) << warned.err;
  EXPECT_EQ(run_leitbild("check --werror " + root_of(tree)).exit_code, 1);
  EXPECT_EQ(run_leitbild("check --werror --format json " + root_of(tree)).exit_code, 1);

  write_broken_tree(tree);
  EXPECT_EQ(run_leitbild("check " + root_of(tree)).exit_code, 1);

  TempTree empty;
  EXPECT_EQ(run_leitbild("check " + root_of(empty)).exit_code, 2);  // no leitbild.yaml
  EXPECT_EQ(run_leitbild("check " + root_of(tree) + "/does-not-exist").exit_code, 2);
  EXPECT_EQ(run_leitbild("check --format xml " + root_of(tree)).exit_code, 2);
  EXPECT_EQ(run_leitbild("check --no-such-option " + root_of(tree)).exit_code, 2);
}

}  // namespace
}  // namespace leitbild
