// The `leitbild` command: parses arguments and hands them to the subcommands.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.h"
#include "model/version.h"

int main(int argc, char** argv) {
  using namespace leitbild;
  CLI::App app{"leitbild: validate, cross-reference and publish a multilingual Leitbild"};
  app.set_version_flag("--version", std::string("leitbild ") + kVersion);
  app.require_subcommand(1);

  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand("check", "Validate the tree and report problems with file:line:col");
  check_cmd->add_option("root", check.root, "Project root (default: current folder)");
  check_cmd->add_option("--edition", check.editions, "Check only this edition (repeatable)");
  check_cmd->add_option("--format", check.format, "Output: text, json or sarif")->check(CLI::IsMember({"text", "json", "sarif"}));
  check_cmd->add_flag("--werror", check.werror, "Treat warnings as errors");

  BuildOptions build;
  CLI::App* build_cmd = app.add_subcommand("build", "Render every edition and deck into the output folder");
  build_cmd->add_option("root", build.root, "Project root (default: current folder)");
  build_cmd->add_option("--edition", build.editions, "Build only this edition (repeatable)");
  build_cmd->add_option("--formats", build.formats, "Comma-separated formats: html,epub,slides,docx,odt,pptx")->delimiter(',');
  build_cmd->add_option("--out", build.out, "Output folder (default: ROOT/dist)");
  build_cmd->add_option("--jobs", build.jobs, "Parallel jobs (default: number of cores)");
  build_cmd->add_flag("--werror", build.werror, "Treat warnings as errors");
  build_cmd->add_flag("--quiet", build.quiet, "Print only diagnostics");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (*check_cmd) return run_check(check);
  if (*build_cmd) return run_build(build);
  return kExitUsage;
}
