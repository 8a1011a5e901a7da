#include "model/diagnostic.h"

#include <algorithm>
#include <tuple>

#include "model/codes.h"

namespace leitbild {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

Diagnostic& Diagnostics::add(std::string_view code, SourceLocation where, std::string message, std::string hint) {
  const CodeInfo& info = code_info(code);
  Diagnostic d;
  d.code = std::string(info.code);
  d.severity = info.severity;
  d.where = std::move(where);
  d.message = std::move(message);
  d.hint = std::move(hint);
  items_.push_back(std::move(d));
  return items_.back();
}

void Diagnostics::append(std::vector<Diagnostic> more) {
  for (auto& d : more) items_.push_back(std::move(d));
}

int Diagnostics::count(Severity severity) const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                        [&](const Diagnostic& d) { return d.severity == severity; }));
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.file, a.where.line, a.where.column, a.code, a.message) <
           std::tie(b.where.file, b.where.line, b.where.column, b.code, b.message);
  });
  items_.erase(std::unique(items_.begin(), items_.end(),
                           [](const Diagnostic& a, const Diagnostic& b) {
                             return a.code == b.code && a.where.file == b.where.file && a.where.line == b.where.line &&
                                    a.where.column == b.where.column && a.message == b.message;
                           }),
               items_.end());
}

}  // namespace leitbild
