#include "publish/front_matter_edit.h"

#include <vector>

namespace leitbild {

namespace {

struct Line {
  std::size_t start = 0;
  std::size_t content_end = 0;  // before the line ending
  std::size_t end = 0;          // after the line ending
};

// Lines with LF, CRLF or lone CR endings, as the loader accepts them.
std::vector<Line> split_lines(std::string_view text, std::size_t from) {
  std::vector<Line> lines;
  std::size_t pos = from;
  while (pos < text.size()) {
    Line line;
    line.start = pos;
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) {
      line.content_end = line.end = text.size();
    } else {
      line.content_end = end;
      line.end = end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
    }
    lines.push_back(line);
    pos = line.end;
  }
  return lines;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_key_line(std::string_view content, std::string_view key) {
  if (!content.starts_with(key)) return false;
  std::string_view rest = content.substr(key.size());
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  return rest.starts_with(":") && (rest.size() == 1 || rest[1] == ' ' || rest[1] == '\t');
}

}  // namespace

std::optional<std::string> set_front_matter_key(std::string_view file, std::string_view key, std::string_view value,
                                                std::string_view after_key) {
  const std::size_t body_start = file.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::vector<Line> lines = split_lines(file, body_start);
  auto content = [&](const Line& l) { return file.substr(l.start, l.content_end - l.start); };
  auto ending = [&](const Line& l) { return file.substr(l.content_end, l.end - l.content_end); };
  if (lines.empty() || trim_right(content(lines[0])) != "---" || ending(lines[0]).empty()) return std::nullopt;
  std::size_t closing = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::string_view c = trim_right(content(lines[i]));
    if (c == "---" || c == "...") {
      closing = i;
      break;
    }
  }
  if (closing == 0) return std::nullopt;

  const std::string new_line = std::string(key) + ": " + std::string(value);
  for (std::size_t i = 1; i < closing; ++i) {
    if (!is_key_line(content(lines[i]), key)) continue;
    std::string out(file.substr(0, lines[i].start));
    out += new_line;
    out += file.substr(lines[i].content_end);
    return out;
  }
  // Insert after `after_key` and the lines that continue its value (indented, or blank inside a
  // block scalar), using that line's ending.
  std::size_t insert_before = closing;
  std::string_view line_ending = ending(lines[0]);
  for (std::size_t i = 1; i < closing; ++i) {
    if (!is_key_line(content(lines[i]), after_key)) continue;
    line_ending = ending(lines[i]);
    std::size_t j = i + 1;
    while (j < closing) {
      std::string_view c = content(lines[j]);
      if (!c.empty() && c.front() != ' ' && c.front() != '\t' && c.front() != '#') break;
      ++j;
    }
    while (j > i + 1 && trim_right(content(lines[j - 1])).empty()) --j;  // blank lines stay below
    insert_before = j;
    if (ending(lines[j - 1]).empty()) return std::nullopt;  // cannot happen before a closing line
    break;
  }
  std::string out(file.substr(0, lines[insert_before].start));
  out += new_line;
  out += line_ending;
  out += file.substr(lines[insert_before].start);
  return out;
}

}  // namespace leitbild
