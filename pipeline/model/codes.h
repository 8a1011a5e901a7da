#pragma once
// The one table of diagnostic codes. docs/diagnostics.md documents every row; a test keeps the
// two in agreement.
#include <span>
#include <string_view>

#include "model/diagnostic.h"

namespace leitbild {

struct CodeInfo {
  std::string_view code;
  Severity severity;
  std::string_view name;     // short kebab-case name
  std::string_view summary;  // one line
  std::string_view help;     // what to do about it
};

std::span<const CodeInfo> all_codes();
// Throws std::logic_error for a code not in the table: a programming error, caught by tests.
const CodeInfo& code_info(std::string_view code);

}  // namespace leitbild
