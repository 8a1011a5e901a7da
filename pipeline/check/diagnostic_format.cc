#include "check/diagnostic_format.h"

#include <fmt/format.h>

#include <optional>
#include <vector>

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

// Line starts of each quoted file, computed once, and character columns counted incrementally:
// a file can carry thousands of diagnostics on one long line, and rescanning the file for each
// made printing quadratic.
class SourceIndex {
 public:
  explicit SourceIndex(const std::map<std::string, std::string>& sources) : sources_(sources) {}

  // Line `line` (1-based) of `file`; nullopt when the file is not a quoted source.
  std::optional<std::string_view> line(const std::string& file, int line) {
    auto it = sources_.find(file);
    if (it == sources_.end() || line <= 0) return std::nullopt;
    auto [starts, fresh] = starts_.try_emplace(file);
    if (fresh) {
      starts->second.push_back(0);
      for (std::size_t pos = it->second.find('\n'); pos != std::string::npos; pos = it->second.find('\n', pos + 1))
        starts->second.push_back(pos + 1);
    }
    const auto index = static_cast<std::size_t>(line - 1);
    if (index >= starts->second.size()) return std::string_view();
    const std::size_t begin = starts->second[index];
    const std::size_t end = index + 1 < starts->second.size() ? starts->second[index + 1] - 1 : it->second.size();
    return std::string_view(it->second).substr(begin, end - begin);
  }

  // Diagnostics arrive sorted, so counting resumes where the previous column on that line stopped.
  int character_column(const std::string& file, int line_number, int byte_column) {
    if (byte_column <= 0) return byte_column;
    auto l = line(file, line_number);
    if (!l) return byte_column;
    const std::size_t bytes = std::min<std::size_t>(static_cast<std::size_t>(byte_column - 1), l->size());
    Memo& memo = memos_[{file, line_number}];
    if (memo.bytes > bytes) memo = {};
    memo.chars += utf8_length(l->substr(memo.bytes, bytes - memo.bytes));
    memo.bytes = bytes;
    const int chars = memo.chars;
    const int beyond = byte_column - 1 > static_cast<int>(l->size()) ? byte_column - 1 - static_cast<int>(l->size()) : 0;
    return chars + 1 + beyond;
  }

  Columns columns(const SourceLocation& where) {
    Columns c{where.column, where.end_column};
    if (!sources_.count(where.file) || where.line <= 0) return c;
    c.start = character_column(where.file, where.line, where.column);
    if (where.end_column > 0 && (where.end_line == 0 || where.end_line == where.line))
      c.end = character_column(where.file, where.line, where.end_column);
    return c;
  }

 private:
  struct Memo {
    std::size_t bytes = 0;  // counted so far on the line
    int chars = 0;
  };
  const std::map<std::string, std::string>& sources_;
  std::map<std::string, std::vector<std::size_t>> starts_;
  std::map<std::pair<std::string, int>, Memo> memos_;
};

// Byte offset `n` characters before/after `pos` in a UTF-8 line.
std::size_t back_chars(std::string_view s, std::size_t pos, int n) {
  while (n-- > 0 && pos > 0) {
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  }
  return pos;
}
std::size_t forward_chars(std::string_view s, std::size_t pos, int n) {
  while (n-- > 0 && pos < s.size()) {
    ++pos;
    while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
  }
  return pos;
}

// What the text output quotes of a line: the whole line, or for a long one a window of
// kQuoteWidth characters around the column, marked with "…" where it is cut.
struct Quote {
  std::string text;
  int caret = 0;      // 0-based character offset of the caret in `text`, -1 for none
  int available = 0;  // characters from the caret to the end of `text`
};
constexpr int kQuoteWidth = 200;

Quote quote_line(std::string_view line, int byte_column, int char_column) {
  Quote q;
  if (line.size() <= static_cast<std::size_t>(kQuoteWidth)) {
    q.text = std::string(line);
    q.caret = char_column > 0 ? char_column - 1 : -1;
    q.available = char_column > 0 ? utf8_length(line) - (char_column - 1) : 0;
    return q;
  }
  const std::size_t at = char_column > 0 ? std::min<std::size_t>(static_cast<std::size_t>(byte_column - 1), line.size()) : 0;
  const std::size_t begin = back_chars(line, at, kQuoteWidth / 4);
  const std::size_t end = forward_chars(line, begin, kQuoteWidth);
  const std::string prefix = begin > 0 ? "…" : "";
  q.text = prefix + std::string(line.substr(begin, end - begin)) + (end < line.size() ? "…" : "");
  q.caret = char_column > 0 ? utf8_length(line.substr(begin, at - begin)) + (begin > 0 ? 1 : 0) : -1;
  q.available = char_column > 0 ? utf8_length(line.substr(at, end - at)) : 0;
  return q;
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
  SourceIndex index(sources);
  for (const Diagnostic& d : diagnostics.all()) {
    Columns cols = index.columns(d.where);
    const char* colour = d.severity == Severity::error ? "1;31" : d.severity == Severity::warning ? "1;35" : "1;36";
    out += paint("1", position(d.where, cols.start)) + ": " +
           paint(colour, fmt::format("{}[{}]", severity_name(d.severity), d.code)) + ": " + d.message + "\n";
    if (auto line = index.line(d.where.file, d.where.line)) {
      const Quote quote = quote_line(*line, d.where.column, cols.start);
      const std::string gutter = fmt::format("{:>5} | ", d.where.line);
      out += gutter + quote.text + "\n";
      if (quote.caret >= 0) {
        int width = cols.end > cols.start ? cols.end - cols.start : 1;
        width = std::max(1, std::min(width, quote.available));
        std::string marker(static_cast<std::size_t>(width), '~');
        marker[0] = '^';
        out += std::string(gutter.size() - 2, ' ') + "| " + std::string(static_cast<std::size_t>(quote.caret), ' ') +
               paint("1;32", marker) + "\n";
      }
    }
    if (!d.hint.empty()) out += "  " + paint("1;36", "hint:") + " " + d.hint + "\n";
    if (d.related) {
      auto rel = *d.related;
      int col = index.columns(rel).start;
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
  SourceIndex index(sources);
  for (const Diagnostic& d : diagnostics.all()) {
    Columns cols = index.columns(d.where);
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
      item["related"] = {{"file", d.related->file}, {"line", d.related->line}, {"column", index.columns(*d.related).start},
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
  SourceIndex index(sources);
  for (const Diagnostic& d : diagnostics.all()) {
    Columns cols = index.columns(d.where);
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
