#include "check/diagnostic_format.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "model/codes.h"
#include "model/version.h"

namespace leitbild {

namespace {

std::string_view line_of(const std::string& text, int line) {
  std::size_t pos = 0;
  for (int l = 1; l < line; ++l) {
    pos = text.find('\n', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  std::size_t end = text.find('\n', pos);
  return std::string_view(text).substr(pos, end == std::string::npos ? std::string::npos : end - pos);
}

int utf8_length(std::string_view s) {
  int n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

struct Columns {
  int start = 0;
  int end = 0;  // exclusive, character based
};

Columns character_columns(const Diagnostic& d, const std::map<std::string, std::string>& sources) {
  Columns c{d.where.column, d.where.end_column};
  auto it = sources.find(d.where.file);
  if (it == sources.end() || d.where.line <= 0) return c;
  c.start = character_column(it->second, d.where.line, d.where.column);
  if (d.where.end_column > 0 && (d.where.end_line == 0 || d.where.end_line == d.where.line))
    c.end = character_column(it->second, d.where.line, d.where.end_column);
  return c;
}

std::string position(const SourceLocation& where, int column) {
  if (where.line <= 0) return where.file;
  if (column <= 0) return fmt::format("{}:{}", where.file, where.line);
  return fmt::format("{}:{}:{}", where.file, where.line, column);
}

}  // namespace

int character_column(const std::string& text, int line, int byte_column) {
  if (byte_column <= 0) return byte_column;
  std::string_view l = line_of(text, line);
  std::size_t bytes = std::min<std::size_t>(static_cast<std::size_t>(byte_column - 1), l.size());
  return utf8_length(l.substr(0, bytes)) + 1 + (byte_column - 1 > static_cast<int>(l.size()) ? byte_column - 1 - static_cast<int>(l.size()) : 0);
}

std::string format_text(const Diagnostics& diagnostics, const std::map<std::string, std::string>& sources,
                        TextStyle style) {
  auto paint = [&](std::string_view code, std::string_view text) {
    return style.colour ? fmt::format("\033[{}m{}\033[0m", code, text) : std::string(text);
  };
  std::string out;
  for (const Diagnostic& d : diagnostics.all()) {
    Columns cols = character_columns(d, sources);
    const char* colour = d.severity == Severity::error ? "1;31" : d.severity == Severity::warning ? "1;35" : "1;36";
    out += paint("1", position(d.where, cols.start)) + ": " +
           paint(colour, fmt::format("{}[{}]", severity_name(d.severity), d.code)) + ": " + d.message + "\n";
    auto src = sources.find(d.where.file);
    if (src != sources.end() && d.where.line > 0) {
      std::string_view line = line_of(src->second, d.where.line);
      if (line.size() > 200) line = line.substr(0, 200);  // a 5 MB line helps nobody
      const std::string gutter = fmt::format("{:>5} | ", d.where.line);
      out += gutter + std::string(line) + "\n";
      if (cols.start > 0) {
        int width = cols.end > cols.start ? cols.end - cols.start : 1;
        out += std::string(gutter.size() - 2, ' ') + "| " + std::string(static_cast<std::size_t>(cols.start - 1), ' ') +
               paint("1;32", "^" + std::string(static_cast<std::size_t>(width - 1), '~')) + "\n";
      }
    }
    if (!d.hint.empty()) out += "  " + paint("1;36", "hint:") + " " + d.hint + "\n";
    if (d.related) {
      auto rel = *d.related;
      int col = rel.column;
      if (auto it = sources.find(rel.file); it != sources.end() && rel.line > 0) col = character_column(it->second, rel.line, rel.column);
      out += "  " + paint("1;36", "note:") + " " + (d.related_message.empty() ? "see" : d.related_message) + ": " +
             position(rel, col) + "\n";
    }
  }
  int errors = diagnostics.count(Severity::error), warnings = diagnostics.count(Severity::warning);
  if (errors || warnings)
    out += fmt::format("{} error{}, {} warning{}\n", errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  return out;
}

std::string format_json(const Diagnostics& diagnostics, const std::map<std::string, std::string>& sources) {
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diagnostics.all()) {
    Columns cols = character_columns(d, sources);
    nlohmann::ordered_json item;
    item["code"] = d.code;
    item["name"] = code_info(d.code).name;
    item["severity"] = severity_name(d.severity);
    item["file"] = d.where.file;
    item["line"] = d.where.line;
    item["column"] = cols.start;
    item["end_line"] = d.where.end_line > 0 ? d.where.end_line : d.where.line;
    item["end_column"] = cols.end > 0 ? cols.end : cols.start;
    item["message"] = d.message;
    item["hint"] = d.hint;
    if (d.related) {
      item["related"] = {{"file", d.related->file}, {"line", d.related->line}, {"column", d.related->column},
                         {"message", d.related_message}};
    }
    items.push_back(std::move(item));
  }
  nlohmann::ordered_json doc;
  doc["schema"] = "leitbild-diagnostics/1";
  doc["tool"] = {{"name", "leitbild"}, {"version", kVersion}};
  doc["diagnostics"] = std::move(items);
  doc["summary"] = {{"errors", diagnostics.count(Severity::error)},
                    {"warnings", diagnostics.count(Severity::warning)},
                    {"notes", diagnostics.count(Severity::note)}};
  return doc.dump(2) + "\n";
}

std::string format_sarif(const Diagnostics& diagnostics, const std::map<std::string, std::string>& sources) {
  auto level = [](Severity s) { return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note"; };
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  std::map<std::string, int> rule_index;
  for (const CodeInfo& info : all_codes()) {
    rule_index[std::string(info.code)] = static_cast<int>(rules.size());
    rules.push_back({{"id", info.code},
                     {"name", info.name},
                     {"shortDescription", {{"text", info.summary}}},
                     {"fullDescription", {{"text", info.help}}},
                     {"helpUri", fmt::format("docs/diagnostics.md#{}", fmt::format("{}", info.code))},
                     {"defaultConfiguration", {{"level", level(info.severity)}}}});
  }
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diagnostics.all()) {
    Columns cols = character_columns(d, sources);
    nlohmann::ordered_json physical = {{"artifactLocation", {{"uri", d.where.file}, {"uriBaseId", "%SRCROOT%"}}}};
    if (d.where.line > 0) {
      nlohmann::ordered_json region = {{"startLine", d.where.line}};
      if (cols.start > 0) region["startColumn"] = cols.start;
      if (cols.end > cols.start) {
        region["endLine"] = d.where.end_line > 0 ? d.where.end_line : d.where.line;
        region["endColumn"] = cols.end;
      }
      physical["region"] = region;
    }
    std::string text = d.message;
    if (!d.hint.empty()) text += " " + d.hint;
    nlohmann::ordered_json result = {{"ruleId", d.code},
                                     {"ruleIndex", rule_index[d.code]},
                                     {"level", level(d.severity)},
                                     {"message", {{"text", text}}},
                                     {"locations", nlohmann::ordered_json::array({{{"physicalLocation", physical}}})}};
    if (d.related) {
      nlohmann::ordered_json rel_phys = {{"artifactLocation", {{"uri", d.related->file}, {"uriBaseId", "%SRCROOT%"}}}};
      if (d.related->line > 0) rel_phys["region"] = {{"startLine", d.related->line}};
      result["relatedLocations"] = nlohmann::ordered_json::array(
          {{{"id", 1}, {"physicalLocation", rel_phys}, {"message", {{"text", d.related_message}}}}});
    }
    results.push_back(std::move(result));
  }
  nlohmann::ordered_json run = {
      {"tool",
       {{"driver",
         {{"name", "leitbild"}, {"version", kVersion}, {"rules", rules}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", results}};
  nlohmann::ordered_json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                                {"version", "2.1.0"},
                                {"runs", nlohmann::ordered_json::array({run})}};
  return doc.dump(2) + "\n";
}

}  // namespace leitbild
