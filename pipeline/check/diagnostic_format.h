#pragma once
// Diagnostics as text (compiler style, with the source line and a caret), JSON (our stable
// schema, docs/diagnostics.md) and SARIF 2.1.0 (for code-scanning UIs).
#include <map>
#include <string>

#include "model/diagnostic.h"

namespace leitbild {

struct TextStyle {
  bool colour = false;
};

// `sources` maps relative paths to file text; lines are quoted from it and byte columns turned
// into character columns.
std::string format_text(const Diagnostics& diagnostics, const std::map<std::string, std::string>& sources,
                        TextStyle style);
std::string format_json(const Diagnostics& diagnostics, const std::map<std::string, std::string>& sources);
std::string format_sarif(const Diagnostics& diagnostics, const std::map<std::string, std::string>& sources);

// 1-based character column for a 1-based byte column on `line` of `text`.
int character_column(const std::string& text, int line, int byte_column);

}  // namespace leitbild
