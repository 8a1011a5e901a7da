// `leitbild build`, `diff` as real processes: signals, kill -9, a lock held by another process,
// reproducible report.json (docs/publishing.md, docs/editions.md).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <thread>

#include <nlohmann/json.hpp>

#include "support/tree.h"

namespace leitbild {
namespace {

namespace fs = std::filesystem;
using testing::run_leitbild;
using testing::TempTree;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  if (!fs::exists(dir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) files[fs::relative(entry.path(), dir).string()] = read_file(entry.path());
  return files;
}

std::vector<std::string> staging_folders(const fs::path& root) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("dist.staging-") || name.starts_with("dist.old-")) names.push_back(name);
  }
  return names;
}

// The cheapest format to build in these tests: html when this binary has it (and always runs),
// else whatever is available (possibly nothing: then only report.json is written).
const std::string& cheap_formats() {
  static const std::string flag = [] {
    auto listed = run_leitbild("build --list-formats");
    for (std::size_t at = 0; (at = listed.out.find("html ", at)) != std::string::npos; ++at)
      if ((at == 0 || listed.out[at - 1] == '\n') && listed.out.find("available", at) < listed.out.find('\n', at) &&
          listed.out.find("unavailable", at) > listed.out.find('\n', at))
        return std::string(" --formats html");
    return std::string();
  }();
  return flag;
}

struct Child {
  pid_t pid = -1;
  fs::path err;
};

// Starts the binary without a shell, so the test can signal the build itself.
Child spawn(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& env,
            const fs::path& err) {
  Child child;
  child.err = err;
  child.pid = fork();
  if (child.pid == 0) {
    int fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 2);
    int null = ::open("/dev/null", O_WRONLY);
    dup2(null, 1);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> argv;
    std::string binary = LEITBILD_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  return child;
}

bool wait_until(const std::function<bool()>& condition, std::chrono::seconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

class BuildProcess : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_.write_minimal_project();
    root_ = tree_.root().string();
  }
  std::string build_args(const std::string& extra = {}) const {
    return "build " + root_ + " --jobs 2" + cheap_formats() + extra;
  }
  fs::path dist() const { return tree_.root() / "dist"; }
  void edit_chapter() const {
    tree_.write("content/editions/3/de/grundsaetze.md",
                "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\nVielfalt ist die Stärke der Stadt.\n\n"
                "### Teilhabe\n\nAlle sollen teilhaben; mehr in [der Präambel](#praeambel).\n");
  }

  // Starts a slow build (the LEITBILD_TEST_SLOW_MS hook), waits until it writes into staging,
  // then sends `signal`. Returns the wait status.
  int interrupt_slow_build(int signal) {
    std::vector<std::string> args = {"build", root_, "--no-cache", "--jobs", "1"};
    if (!cheap_formats().empty()) args.insert(args.end(), {"--formats", "html"});
    Child child = spawn(args, {{"LEITBILD_TEST_SLOW_MS", "1500"}, {"SOURCE_DATE_EPOCH", "1700000000"}},
                        tree_.root() / "slow.err");
    const fs::path staging = tree_.root() / ("dist.staging-" + std::to_string(child.pid));
    const bool writing = wait_until([&] { return fs::exists(staging) && !fs::is_empty(staging); }, std::chrono::seconds(120));
    EXPECT_TRUE(writing) << read_file(child.err);
    kill(child.pid, signal);
    int status = 0;
    waitpid(child.pid, &status, 0);
    slow_err_ = read_file(child.err);
    return status;
  }

  TempTree tree_;
  std::string root_;
  std::string slow_err_;
};

TEST_F(BuildProcess, ReportJsonIsByteIdenticalAcrossBuilds) {
  // SOURCE_DATE_EPOCH reaches the binary through the environment the test passes on.
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  auto b = run_leitbild("build " + root_ + " --no-cache --jobs 1 --out " + (tree_.root() / "b").string() + cheap_formats());
  auto c = run_leitbild("build " + root_ + " --jobs 2 --out " + (tree_.root() / "c").string() + cheap_formats());
  auto d = run_leitbild("build " + root_ + " --jobs 2 --out " + (tree_.root() / "d").string() + cheap_formats());
  unsetenv("SOURCE_DATE_EPOCH");
  ASSERT_EQ(b.exit_code, 0) << b.err;
  ASSERT_EQ(c.exit_code, 0) << c.err;
  ASSERT_EQ(d.exit_code, 0) << d.err;
  const std::string report = read_file(tree_.root() / "b/report.json");
  ASSERT_FALSE(report.empty());
  EXPECT_NE(report.find("\"source_date_epoch\": 1700000000"), std::string::npos);
  EXPECT_EQ(read_file(tree_.root() / "c/report.json"), report);  // cold cache, 2 threads
  EXPECT_EQ(read_file(tree_.root() / "d/report.json"), report);  // warm cache
  EXPECT_EQ(snapshot(tree_.root() / "b"), snapshot(tree_.root() / "d"));
  EXPECT_NE(d.err.find("from the cache"), std::string::npos) << d.err;
  auto parsed = nlohmann::json::parse(report);
  EXPECT_EQ(parsed["diagnostics"]["errors"], 0);
  EXPECT_FALSE(parsed["inputs"].empty());
}

TEST_F(BuildProcess, LockHeldByAnotherProcessIsRefused) {
  int fd = ::open((tree_.root() / "dist.lock").c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(flock(fd, LOCK_EX | LOCK_NB), 0);
  auto r = run_leitbild(build_args());
  ::close(fd);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("another leitbild build"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dist()));
  EXPECT_EQ(run_leitbild(build_args()).exit_code, 0);  // once the lock is free
}

TEST_F(BuildProcess, SigtermLeavesDistIntactAndRemovesStaging) {
  ASSERT_EQ(run_leitbild(build_args()).exit_code, 0);
  const auto before = snapshot(dist());
  ASSERT_FALSE(before.empty());
  edit_chapter();
  int status = interrupt_slow_build(SIGTERM);
  ASSERT_TRUE(WIFSIGNALED(status)) << slow_err_;
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  EXPECT_NE(slow_err_.find("interrupted"), std::string::npos) << slow_err_;
  EXPECT_EQ(snapshot(dist()), before);
  EXPECT_TRUE(staging_folders(tree_.root()).empty());
}

TEST_F(BuildProcess, SigintLeavesDistIntactAndRemovesStaging) {
  ASSERT_EQ(run_leitbild(build_args()).exit_code, 0);
  const auto before = snapshot(dist());
  edit_chapter();
  int status = interrupt_slow_build(SIGINT);
  ASSERT_TRUE(WIFSIGNALED(status)) << slow_err_;
  EXPECT_EQ(WTERMSIG(status), SIGINT);
  EXPECT_EQ(snapshot(dist()), before);
  EXPECT_TRUE(staging_folders(tree_.root()).empty());
}

TEST_F(BuildProcess, KillNineLeavesDistIntactAndTheNextBuildCleansUp) {
  ASSERT_EQ(run_leitbild(build_args()).exit_code, 0);
  const auto before = snapshot(dist());
  edit_chapter();
  int status = interrupt_slow_build(SIGKILL);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(snapshot(dist()), before);
  EXPECT_EQ(staging_folders(tree_.root()).size(), 1u);  // the killed build's leftovers
  auto next = run_leitbild(build_args());
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_NE(next.err.find("left by an interrupted build"), std::string::npos) << next.err;
  EXPECT_TRUE(staging_folders(tree_.root()).empty());
  EXPECT_NE(snapshot(dist()), before);  // the edit is published now
}

TEST_F(BuildProcess, FailedBuildLeavesDistIntact) {
  ASSERT_EQ(run_leitbild(build_args()).exit_code, 0);
  const auto before = snapshot(dist());
  tree_.write("content/editions/3/de/praeambel.md",
              "---\ntitle: Präambel\nnumbered: false\n---\n\n## Anlass {#anlass}\n\nSiehe [](#gibt-es-nicht).\n");
  auto r = run_leitbild(build_args());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("left as it was"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(dist()), before);
  EXPECT_TRUE(staging_folders(tree_.root()).empty());
}

TEST_F(BuildProcess, FormatsThatDoNotExistOrCannotRun) {
  auto unknown = run_leitbild(build_args(" --formats nosuch"));
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown output format `nosuch`"), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("known formats"), std::string::npos);
  auto listed = run_leitbild("build --list-formats");
  EXPECT_EQ(listed.exit_code, 0);
  auto out_of_tree = run_leitbild("build " + root_ + " --out " + root_ + cheap_formats());
  EXPECT_EQ(out_of_tree.exit_code, 2);  // the project root is not a folder leitbild may replace
  EXPECT_TRUE(fs::exists(tree_.root() / "leitbild.yaml"));
}

TEST_F(BuildProcess, QuietPrintsNoProgressAndTimingsGoToTheirOwnFile) {
  auto quiet = run_leitbild(build_args(" --quiet"));
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err.find("leitbild: built"), std::string::npos) << quiet.err;
  EXPECT_EQ(quiet.err.find("leitbild: render"), std::string::npos) << quiet.err;
  auto timed = run_leitbild(build_args(" --timings"));
  EXPECT_EQ(timed.exit_code, 0) << timed.err;
  EXPECT_NE(timed.err.find("leitbild: timings"), std::string::npos);
  EXPECT_TRUE(fs::exists(dist() / "timings.json"));
  EXPECT_EQ(read_file(dist() / "report.json").find("seconds"), std::string::npos);
  auto plain = run_leitbild(build_args());
  EXPECT_NE(plain.err.find("leitbild: render"), std::string::npos) << plain.err;  // not a TTY: plain lines
  EXPECT_EQ(plain.err.find('\r'), std::string::npos);
  EXPECT_FALSE(fs::exists(dist() / "timings.json"));
}

// `leitbild diff` on two editions with known changes.
class DiffProcess : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_.write("leitbild.yaml", "title: { de: \"Test\" }\npublisher: { de: \"Stadt\" }\nlanguages: [de]\n");
    tree_.write("content/editions/1/edition.yaml",
                "edition: 1\ntitle: { de: \"1. Auflage\" }\nchapters: [einleitung, masterplan]\n");
    tree_.write("content/editions/1/de/einleitung.md",
                "---\ntitle: Einleitung\n---\n\n## Anlass {#anlass}\n\nDer Integrationsrat berät seit 2005 die Stadt, wenn a < b.\n");
    tree_.write("content/editions/1/de/masterplan.md",
                "---\ntitle: Masterplan\n---\n\n## Schritte {#schritte}\n\nAcht Schritte.\n\n## Bericht {#bericht}\n\nJährlich.\n");
    tree_.write("content/editions/2/edition.yaml",
                "edition: 2\ntitle: { de: \"2. Auflage\" }\nchapters: [einleitung, umsetzung, neu]\n");
    tree_.write("content/editions/2/de/einleitung.md",
                "---\ntitle: Einleitung\n---\n\n## Anlass {#anlass}\n\nDer Integrationsrat berät seit 2010 die Stadt, wenn a < b.\n");
    tree_.write("content/editions/2/de/umsetzung.md",
                "---\ntitle: Umsetzung\n---\n\n## Schritte {#schritte}\n\nNeun Schritte.\n\n## Bericht {#bericht}\n\nJährlich.\n");
    tree_.write("content/editions/2/de/neu.md", "---\ntitle: Neu\n---\n\n## Frisch {#frisch}\n\nGanz neu.\n");
    root_ = tree_.root().string();
  }
  TempTree tree_;
  std::string root_;
};

TEST_F(DiffProcess, TextMarksWordsWithoutColourWhenNotATerminal) {
  auto r = run_leitbild("diff 1 2 " + root_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_NE(r.out.find("[-2005-]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("{+2010+}"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("renamed from `masterplan` (shares #schritte, #bericht)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("chapter added"), std::string::npos);
  EXPECT_NE(r.out.find("[-Acht-] {+Neun+}"), std::string::npos) << r.out;
}

TEST_F(DiffProcess, NoColorWinsEvenOnATerminal) {
  // `script` gives the command a terminal; NO_COLOR must still switch colours off.
  if (system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "util-linux `script` is not installed";
  const fs::path out = tree_.root() / "tty.txt";
  const std::string command = std::string("NO_COLOR=1 script -qec '") + LEITBILD_BINARY + " diff 1 2 " + root_ + "' " +
                              out.string() + " >/dev/null 2>&1";
  ASSERT_EQ(system(command.c_str()), 0);
  const std::string text = read_file(out);
  EXPECT_NE(text.find("[-2005-]"), std::string::npos) << text;
  EXPECT_EQ(text.find("\x1b[31m"), std::string::npos);
  const std::string coloured = std::string("script -qec 'env -u NO_COLOR ") + LEITBILD_BINARY + " diff 1 2 " + root_ +
                               "' " + out.string() + " >/dev/null 2>&1";
  ASSERT_EQ(system(coloured.c_str()), 0);
  EXPECT_NE(read_file(out).find("\x1b[31m"), std::string::npos);
}

TEST_F(DiffProcess, JsonFollowsTheDocumentedSchema) {
  auto r = run_leitbild("diff 1 2 " + root_ + " --format json --lang de");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json["from"], 1);
  EXPECT_EQ(json["to"], 2);
  ASSERT_EQ(json["languages"].size(), 1u);
  const auto& de = json["languages"][0];
  EXPECT_EQ(de["lang"], "de");
  EXPECT_EQ(de["summary"]["chapters_renamed"], 1);
  EXPECT_EQ(de["summary"]["chapters_added"], 1);
  EXPECT_EQ(de["summary"]["sections_changed"], 2);
  bool found = false;
  for (const auto& chapter : de["chapters"])
    for (const auto& section : chapter["sections"])
      if (section["anchor"] == "anlass") {
        found = true;
        EXPECT_TRUE(section["text_changed"].get<bool>());
        std::string added;
        for (const auto& run : section["text_diff"])
          if (run["op"] == "added") added += run["text"].get<std::string>();
        EXPECT_EQ(added, " 2010");
      }
  EXPECT_TRUE(found);
}

TEST_F(DiffProcess, HtmlIsEscaped) {
  auto r = run_leitbild("diff 1 2 " + root_ + " --format html");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<!DOCTYPE html>"), std::string::npos);
  EXPECT_NE(r.out.find("<del> 2005</del><ins> 2010</ins>"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("a &lt; b"), std::string::npos);
  EXPECT_EQ(r.out.find("a < b"), std::string::npos);
}

TEST_F(DiffProcess, UnknownEditionOrLanguageIsAUsageError) {
  EXPECT_EQ(run_leitbild("diff 1 9 " + root_).exit_code, 2);
  EXPECT_EQ(run_leitbild("diff 1 2 " + root_ + " --lang fr").exit_code, 2);
}

}  // namespace
}  // namespace leitbild
