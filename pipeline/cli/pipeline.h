#pragma once
// load -> resolve -> check, the front half every command shares.
#include <cstdio>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/project.h"

namespace leitbild {

struct LoadedProject {
  Project project;
  std::size_t chapter_files = 0;
  bool fatal = false;  // no usable manifest: nothing else could be read
};

LoadedProject load_resolve_check(const std::string& root, const std::vector<int>& editions, Diagnostics& diagnostics);

bool use_colour(FILE* stream);
int exit_code_for(const Diagnostics& diagnostics, bool werror);

}  // namespace leitbild
