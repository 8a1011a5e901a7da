// docs/diagnostics.md documents every code of model/codes.cc, with the same severity and name,
// and an example for each: a code added to the table without documentation fails here.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "model/codes.h"

namespace leitbild {
namespace {

std::string read_doc() {
  std::ifstream in(std::string(LEITBILD_SOURCE_DIR) + "/docs/diagnostics.md");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct DocRow {
  std::string severity;
  std::string name;
};

std::map<std::string, DocRow> table_rows(const std::string& doc) {
  // | `LB0101` | error | `file-unreadable` | ... |
  static const std::regex row(R"(^\|\s*`?(LB\d{4})`?\s*\|\s*(\w+)\s*\|\s*`?([a-z0-9-]+)`?\s*\|)");
  std::map<std::string, DocRow> rows;
  std::istringstream lines(doc);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (std::regex_search(line, m, row)) rows[m[1]] = {m[2], m[3]};
  }
  return rows;
}

// "### LB0101 file-unreadable" -> the text up to the next heading.
std::map<std::string, std::string> code_sections(const std::string& doc) {
  static const std::regex heading(R"(^#{2,4} (LB\d{4})\b)");
  std::map<std::string, std::string> sections;
  std::istringstream lines(doc);
  std::string line, current;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (std::regex_search(line, m, heading)) {
      current = m[1];
      sections[current];
      continue;
    }
    if (line.starts_with("#")) current.clear();
    if (!current.empty()) sections[current] += line + "\n";
  }
  return sections;
}

TEST(DiagnosticsDoc, TableMatchesTheCodeTable) {
  const std::string doc = read_doc();
  ASSERT_FALSE(doc.empty()) << "docs/diagnostics.md is missing";
  const auto rows = table_rows(doc);
  std::set<std::string> known;
  for (const CodeInfo& info : all_codes()) {
    const std::string code(info.code);
    known.insert(code);
    auto it = rows.find(code);
    if (it == rows.end()) {
      ADD_FAILURE() << code << " (" << info.name << ") is not in the table of docs/diagnostics.md";
      continue;
    }
    EXPECT_EQ(it->second.severity, severity_name(info.severity)) << code << ": severity differs from model/codes.cc";
    EXPECT_EQ(it->second.name, info.name) << code << ": name differs from model/codes.cc";
  }
  for (const auto& [code, row] : rows)
    EXPECT_TRUE(known.count(code)) << code << " is documented but not in model/codes.cc";
}

TEST(DiagnosticsDoc, EveryCodeHasASectionWithAnExample) {
  const auto sections = code_sections(read_doc());
  for (const CodeInfo& info : all_codes()) {
    auto it = sections.find(std::string(info.code));
    if (it == sections.end()) {
      ADD_FAILURE() << info.code << " has no `### " << info.code << " " << info.name << "` section in docs/diagnostics.md";
      continue;
    }
    const std::string marker = std::string(severity_name(info.severity)) + "[" + std::string(info.code) + "]";
    EXPECT_NE(it->second.find(marker), std::string::npos)
        << info.code << ": its section needs an example message containing `" << marker << "`";
  }
}

}  // namespace
}  // namespace leitbild
