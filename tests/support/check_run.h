#pragma once
// Runs load -> resolve -> check on a test tree and asks about the diagnostics it produced.
#include <string>
#include <string_view>

#include "check/check.h"
#include "load/load.h"
#include "model/diagnostic.h"
#include "resolve/resolve.h"

namespace leitbild::testing {

inline Diagnostics check_tree(const std::filesystem::path& root) {
  Diagnostics diagnostics;
  Project project = load_project(root, diagnostics);
  resolve_project(project, diagnostics);
  check_project(project, diagnostics);
  diagnostics.sort();
  return diagnostics;
}

inline int count_code(const Diagnostics& d, std::string_view code) {
  int n = 0;
  for (const auto& x : d.all()) n += x.code == code;
  return n;
}

inline const Diagnostic* find_code(const Diagnostics& d, std::string_view code, std::string_view file = {}, int line = -1) {
  for (const auto& x : d.all())
    if (x.code == code && (file.empty() || x.where.file == file) && (line < 0 || x.where.line == line)) return &x;
  return nullptr;
}

inline std::string dump(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all())
    s += x.code + " " + x.where.file + ":" + std::to_string(x.where.line) + ":" + std::to_string(x.where.column) + " " +
         x.message + " | " + x.hint + "\n";
  return s;
}

}  // namespace leitbild::testing
