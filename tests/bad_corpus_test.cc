// The bad-input corpus: every folder under tests/bad/ (but _base) is a defect layered on the
// small valid tree tests/bad/_base. `expect` says which code must be reported where, and the exit
// code. The real binary runs on each; a build must leave a previous output folder untouched and
// write nothing outside it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "support/tree.h"

namespace leitbild {
namespace {
namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(LEITBILD_SOURCE_DIR) / "tests/bad";

struct Expectation {
  std::string code;
  std::string file;
  int line = -1;
  int column = -1;
  int exit_code = 1;
};

Expectation read_expectation(const fs::path& dir) {
  std::ifstream in(dir / "expect");
  std::string line;
  std::getline(in, line);
  // CODE FILE[:LINE[:COL]] exit=N   (FILE may contain spaces: it ends at the last " exit=")
  std::smatch m;
  static const std::regex pattern(R"(^(LB\d{4}) (.+?)(?::(\d+))?(?::(\d+))? exit=(\d)\s*$)");
  Expectation e;
  if (!std::regex_match(line, m, pattern)) {
    ADD_FAILURE() << "cannot parse " << (dir / "expect") << ": " << line;
    return e;
  }
  e.code = m[1];
  e.file = m[2];
  if (m[3].matched) e.line = std::stoi(m[3]);
  if (m[4].matched) e.column = std::stoi(m[4]);
  e.exit_code = std::stoi(m[5]);
  return e;
}

void prepare(const testing::TempTree& tree, const fs::path& case_dir) {
  fs::copy(kCorpus / "_base", tree.root(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  if (std::ifstream remove(case_dir / "remove"); remove) {
    std::string path;
    while (std::getline(remove, path))
      if (!path.empty()) tree.remove(path);
  }
  if (fs::exists(case_dir / "tree"))
    fs::copy(case_dir / "tree", tree.root(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

std::set<std::string> listing(const fs::path& root, const std::set<std::string>& skip_top) {
  std::set<std::string> out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    std::string rel = fs::relative(it->path(), root).generic_string();
    std::string top = rel.substr(0, rel.find('/'));
    if (skip_top.count(top)) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    out.insert(rel);
  }
  return out;
}

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

class BadCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(BadCorpus, ReportsTheDefectAndKeepsOutputIntact) {
  const fs::path case_dir = kCorpus / GetParam();
  const Expectation expect = read_expectation(case_dir);
  testing::TempTree tree;
  prepare(tree, case_dir);
  const fs::path project = tree.root() / "project";
  // The project lives one level down so that "outside the tree" is observable.
  fs::create_directories(project);
  for (auto& entry : fs::directory_iterator(tree.root()))
    if (entry.path() != project) fs::rename(entry.path(), project / entry.path().filename());

  auto result = testing::run_leitbild("check " + quote(project) + " --format json");
  EXPECT_EQ(result.exit_code, expect.exit_code) << result.out << result.err;
  nlohmann::json doc;
  ASSERT_NO_THROW(doc = nlohmann::json::parse(result.out)) << result.out << result.err;
  bool found = false;
  for (const auto& d : doc["diagnostics"]) {
    if (d["code"] != expect.code || d["file"] != expect.file) continue;
    if (expect.line >= 0 && d["line"] != expect.line) continue;
    if (expect.column >= 0 && d["column"] != expect.column) continue;
    found = true;
    EXPECT_FALSE(d["message"].get<std::string>().empty());
  }
  EXPECT_TRUE(found) << "expected " << expect.code << " at " << expect.file << ":" << expect.line << "\n"
                     << doc["diagnostics"].dump(1);

  // A build over a previous output folder: on failure the folder is exactly as it was; in any
  // case nothing appears outside --out (and the cache).
  const fs::path out = tree.root() / "dist";
  fs::create_directories(out);
  { std::ofstream(out / "previous.html") << "previous build"; }
  const auto before = listing(tree.root(), {"dist"});
  auto build = testing::run_leitbild("build " + quote(project) + " --out " + quote(out) + " --quiet");
  if (expect.exit_code != 0) {
    EXPECT_NE(build.exit_code, 0) << build.err;
    EXPECT_EQ(listing(out, {}), std::set<std::string>{"previous.html"});
    std::ifstream previous(out / "previous.html");
    std::string content((std::istreambuf_iterator<char>(previous)), {});
    EXPECT_EQ(content, "previous build");
  }
  auto after = listing(tree.root(), {"dist"});
  for (const auto& path : after)
    if (!before.count(path)) {
      EXPECT_TRUE(path.starts_with("project/.leitbild-cache") || path.starts_with("dist.")) << "written outside --out: " << path;
    }
}

std::vector<std::string> cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCorpus))
    if (entry.is_directory() && entry.path().filename() != "_base") names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadCorpus, ::testing::ValuesIn(cases()), [](const auto& info) {
  std::string name = info.param;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
});

TEST(BadCorpus, HasAtLeastThirtyCases) { EXPECT_GE(cases().size(), 30u); }

}  // namespace
}  // namespace leitbild
