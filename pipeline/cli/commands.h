#pragma once
// Each subcommand: parsed options in, exit code out. 0 success, 1 content errors, 2 usage/I/O.
#include <string>
#include <vector>

namespace leitbild {

enum ExitCode : int { kExitOk = 0, kExitContentErrors = 1, kExitUsage = 2 };

struct CheckOptions {
  std::string root = ".";
  std::vector<int> editions;
  std::string format = "text";  // text | json | sarif
  bool werror = false;
};
int run_check(const CheckOptions& options);

struct BuildOptions {
  std::string root = ".";
  std::vector<int> editions;
  std::vector<std::string> formats;  // empty: every available format
  std::string out;                   // default ROOT/dist
  int jobs = 0;                      // 0: number of cores
  bool werror = false;
  bool quiet = false;
};
int run_build(const BuildOptions& options);

}  // namespace leitbild
