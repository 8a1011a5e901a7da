#include "publish/edition_yaml_edit.h"

#include <fmt/format.h>

namespace leitbild {

namespace {

struct Line {
  std::string text;  // without the line end
  std::string end;   // "\n", "\r\n" or "" (last line without one)
};

std::vector<Line> split_lines(std::string_view yaml) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start < yaml.size()) {
    std::size_t nl = yaml.find('\n', start);
    if (nl == std::string_view::npos) {
      lines.push_back({std::string(yaml.substr(start)), ""});
      break;
    }
    std::size_t end = nl;
    std::string eol = "\n";
    if (end > start && yaml[end - 1] == '\r') {
      --end;
      eol = "\r\n";
    }
    lines.push_back({std::string(yaml.substr(start, end - start)), eol});
    start = nl + 1;
  }
  return lines;
}

std::string join(const std::vector<Line>& lines) {
  std::string out;
  for (const auto& line : lines) out += line.text + line.end;
  return out;
}

std::string file_line_end(const std::vector<Line>& lines) {
  for (const auto& line : lines)
    if (!line.end.empty()) return line.end;
  return "\n";
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The value part of a top-level `key:` line, or nullopt when the line is something else.
std::optional<std::string_view> top_level_value(std::string_view line, std::string_view key, bool first_line) {
  if (first_line && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  if (!line.starts_with(key)) return std::nullopt;
  std::string_view rest = line.substr(key.size());
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  if (rest.empty() || rest.front() != ':') return std::nullopt;
  rest.remove_prefix(1);
  if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t') return std::nullopt;
  return rest;
}

// Where a `# comment` starts in a value (outside quotes), or npos.
std::size_t comment_start(std::string_view value) {
  char quote = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (quote) {
      if (c == quote) quote = 0;
      else if (c == '\\' && quote == '"') ++i;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || value[i - 1] == ' ' || value[i - 1] == '\t')) {
      return i;
    }
  }
  return std::string_view::npos;
}

struct SplitValue {
  std::string_view value;    // trimmed, without the comment
  std::string_view comment;  // "# ..." or empty
};

SplitValue split_comment(std::string_view value) {
  std::size_t c = comment_start(value);
  if (c == std::string_view::npos) return {trim(value), {}};
  return {trim(value.substr(0, c)), trim(value.substr(c))};
}

bool is_blank(std::string_view line) { return trim(line).empty(); }

// The file can take a new top-level key at its end: a block map, not ended by `...`.
bool can_append(const std::vector<Line>& lines) {
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    if (is_blank(it->text)) continue;
    return trim(it->text) != "...";
  }
  return true;
}

void append_lines(std::vector<Line>& lines, const std::vector<std::string>& added) {
  const std::string eol = file_line_end(lines);
  if (!lines.empty() && lines.back().end.empty()) lines.back().end = eol;
  for (const auto& text : added) lines.push_back({text, eol});
}

}  // namespace

std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02X}", c);
        else out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::optional<std::string> set_status_published(std::string_view yaml) {
  std::vector<Line> lines = split_lines(yaml);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto value = top_level_value(lines[i].text, "status", i == 0);
    if (!value) continue;
    const bool bom = i == 0 && lines[i].text.starts_with("\xEF\xBB\xBF");
    SplitValue split = split_comment(*value);
    lines[i].text = std::string(bom ? "\xEF\xBB\xBF" : "") + "status: published" +
                    (split.comment.empty() ? "" : " " + std::string(split.comment));
    return join(lines);
  }
  if (!can_append(lines)) return std::nullopt;
  append_lines(lines, {"status: published"});
  return join(lines);
}

std::optional<std::string> append_erratum(std::string_view yaml, std::string_view note,
                                          const std::vector<std::string>& existing) {
  std::vector<Line> lines = split_lines(yaml);
  const std::string eol = file_line_end(lines);
  const std::string item = yaml_quoted(note);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    auto value = top_level_value(lines[k].text, "errata", k == 0);
    if (!value) continue;
    SplitValue split = split_comment(*value);
    const std::string comment = split.comment.empty() ? "" : " " + std::string(split.comment);
    if (split.value.starts_with('[')) {
      if (!split.value.ends_with(']')) return std::nullopt;  // a flow list over several lines
      std::vector<Line> replacement = {{"errata:" + comment, eol}};
      for (const auto& old : existing) replacement.push_back({"  - " + yaml_quoted(old), eol});
      replacement.push_back({"  - " + item, lines[k].end.empty() ? "" : eol});
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(k));
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(k), replacement.begin(), replacement.end());
      return join(lines);
    }
    if (!split.value.empty() && split.value != "~" && split.value != "null") return std::nullopt;
    if (!split.value.empty()) lines[k].text = "errata:" + comment;
    // A block list: the indented lines and `- ` lines that follow the key.
    std::size_t last = k;
    std::string prefix;
    for (std::size_t j = k + 1; j < lines.size(); ++j) {
      const std::string& text = lines[j].text;
      if (is_blank(text)) continue;
      const bool indented = text.front() == ' ' || text.front() == '\t';
      const bool dash_item = text.starts_with("- ") || text == "-";
      if (!indented && !dash_item) break;
      last = j;
      std::string_view body = trim(text);
      if (prefix.empty() && (body.starts_with("- ") || body == "-"))
        prefix = text.substr(0, text.size() - body.size()) + "- ";
    }
    if (prefix.empty()) prefix = "  - ";
    if (lines[last].end.empty()) lines[last].end = eol;
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(last + 1), Line{prefix + item, eol});
    return join(lines);
  }
  if (!can_append(lines)) return std::nullopt;
  append_lines(lines, {"errata:", "  - " + item});
  return join(lines);
}

}  // namespace leitbild
