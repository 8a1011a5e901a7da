#pragma once
// A diagnostic is a value: code, severity, where, what, how to fix it. Every stage appends to a
// Diagnostics list; only the CLI decides how to print them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leitbild {

enum class Severity { note, warning, error };

std::string_view severity_name(Severity severity);

// Lines are 1-based; columns are 1-based byte offsets into the line (as cmark reports them).
// Printers turn byte columns into character columns using the source text.
struct SourceLocation {
  std::string file;  // relative to the project root, '/'-separated
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;
};

struct Diagnostic {
  std::string code;
  Severity severity = Severity::error;
  SourceLocation where;
  std::string message;
  std::string hint;  // how to fix it; may be empty
  std::optional<SourceLocation> related;
  std::string related_message;
};

class Diagnostics {
 public:
  // Severity defaults to the code table's; the code must be in the table (see codes.cc).
  Diagnostic& add(std::string_view code, SourceLocation where, std::string message, std::string hint = {});
  void append(std::vector<Diagnostic> more);

  const std::vector<Diagnostic>& all() const { return items_; }
  std::vector<Diagnostic>& all() { return items_; }
  int count(Severity severity) const;
  bool has_errors() const { return count(Severity::error) > 0; }
  // By file, then position, then code: stable output run to run.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace leitbild
