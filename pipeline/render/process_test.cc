#include "render/process.h"

#include <gtest/gtest.h>

#include <chrono>

#include "support/tree.h"

namespace leitbild {
namespace {

using namespace std::chrono_literals;
using Status = ProgramOutcome::Status;

ProgramInvocation invocation(std::string program, std::vector<std::string> arguments = {}) {
  ProgramInvocation out;
  out.program = std::move(program);
  out.arguments = std::move(arguments);
  return out;
}

TEST(RunProgram, PassesInputThroughAndCollectsOutput) {
  std::string input(3 << 20, 'x');  // more than a pipe buffer holds, both ways
  input += "end";
  ProgramInvocation cat = invocation("cat");
  cat.input = input;
  const ProgramOutcome outcome = run_program(cat);
  ASSERT_EQ(outcome.status, Status::exited) << outcome.failure;
  EXPECT_TRUE(outcome.succeeded());
  EXPECT_EQ(outcome.output, input);
  EXPECT_EQ(outcome.executable.filename(), "cat");
}

TEST(RunProgram, ArgumentsReachTheProgramVerbatim) {
  const ProgramOutcome outcome = run_program(invocation("printf", {"%s|", "a b", "$HOME", "'; rm -rf /'"}));
  ASSERT_TRUE(outcome.succeeded());
  EXPECT_EQ(outcome.output, "a b|$HOME|'; rm -rf /'|");
}

TEST(RunProgram, ReportsExitStatusAndStandardError) {
  const ProgramOutcome outcome = run_program(invocation("sh", {"-c", "echo partial; echo 'it broke' >&2; exit 3"}));
  EXPECT_EQ(outcome.status, Status::exited);
  EXPECT_EQ(outcome.exit_code, 3);
  EXPECT_FALSE(outcome.succeeded());
  EXPECT_EQ(outcome.output, "partial\n");
  EXPECT_EQ(outcome.errors, "it broke\n");
  EXPECT_EQ(outcome.describe({}), "stopped with exit status 3");
}

TEST(RunProgram, SetsEnvironmentVariables) {
  ProgramInvocation sh = invocation("sh", {"-c", "printf '%s/%s' \"$SOURCE_DATE_EPOCH\" \"${HOME:+home}\""});
  sh.environment = {{"SOURCE_DATE_EPOCH", "1554854400"}};
  const ProgramOutcome outcome = run_program(sh);
  ASSERT_TRUE(outcome.succeeded());
  EXPECT_EQ(outcome.output, "1554854400/home");  // the rest of the environment is inherited
}

TEST(RunProgram, MissingProgramIsNotFound) {
  const ProgramOutcome outcome = run_program(invocation("leitbild-no-such-tool"));
  EXPECT_EQ(outcome.status, Status::not_found);
  EXPECT_NE(outcome.failure.find("leitbild-no-such-tool"), std::string::npos);
  EXPECT_EQ(run_program(invocation("/nonexistent/tool")).status, Status::not_found);
}

TEST(RunProgram, KillsAProgramThatHangsAndWhatItStarted) {
  const auto start = std::chrono::steady_clock::now();
  ProgramInvocation hanging = invocation("sh", {"-c", "sleep 30 & sleep 30"});
  hanging.timeout = 300ms;
  const ProgramOutcome outcome = run_program(hanging);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(outcome.status, Status::timed_out);
  EXPECT_LT(elapsed, 5s);
  EXPECT_EQ(outcome.describe(hanging), "did not finish within 300 ms and was stopped");
}

TEST(RunProgram, ProgramThatIgnoresItsInputDoesNotBlock) {
  ProgramInvocation ignoring = invocation("true");
  ignoring.input = std::string(4 << 20, 'y');
  const ProgramOutcome outcome = run_program(ignoring);
  EXPECT_TRUE(outcome.succeeded());
}

TEST(RunProgram, OutputLimitStopsTheChild) {
  ProgramInvocation yes = invocation("yes");
  yes.output_limit = 1 << 20;
  const ProgramOutcome outcome = run_program(yes);
  EXPECT_EQ(outcome.status, Status::output_too_large);
}

TEST(RunProgram, RunsInTheGivenFolder) {
  testing::TempTree tree;
  ProgramInvocation pwd = invocation("pwd");
  pwd.working_directory = tree.root();
  const ProgramOutcome outcome = run_program(pwd);
  ASSERT_TRUE(outcome.succeeded());
  EXPECT_EQ(outcome.output, tree.root().string() + "\n");
}

TEST(FindProgram, SearchesTheGivenPathOnly) {
  testing::TempTree tree;
  tree.write("bin/tool", "#!/bin/sh\n");
  std::filesystem::permissions(tree.root() / "bin/tool", std::filesystem::perms::owner_all);
  tree.write("plain/tool", "not executable");
  EXPECT_EQ(find_program("tool", (tree.root() / "plain").string() + ":" + (tree.root() / "bin").string()),
            tree.root() / "bin/tool");
  EXPECT_FALSE(find_program("tool", (tree.root() / "plain").string()));
  EXPECT_FALSE(find_program("tool", ":relative"));  // empty and relative entries are never searched
  EXPECT_TRUE(find_program("sh"));
}

}  // namespace
}  // namespace leitbild
