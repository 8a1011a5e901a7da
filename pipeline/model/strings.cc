#include "model/strings.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace leitbild {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

namespace {

bool is_subsequence(std::string_view small, std::string_view big) {
  std::size_t i = 0;
  for (char c : big)
    if (i < small.size() && small[i] == c) ++i;
  return i == small.size();
}

}  // namespace

// Nearest by edit distance; among equals, a candidate that contains the word's letters in order
// wins (a typo usually drops a letter: "numberd" -> "numbered").
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates, std::size_t limit) {
  std::vector<std::tuple<std::size_t, int, std::string>> scored;
  const std::size_t max_distance = std::max<std::size_t>(2, word.size() / 2);
  for (const std::string& c : candidates) {
    std::size_t d = edit_distance(word, c);
    bool prefix = !word.empty() && (c.starts_with(word) || word.starts_with(c));
    if (d <= max_distance || prefix) scored.emplace_back(d, is_subsequence(word, c) ? 0 : 1, c);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (auto& [d, sub, c] : scored) {
    if (out.size() == limit) break;
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

std::string quoted_list(const std::vector<std::string>& items, std::string_view conjunction) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? " " + std::string(conjunction) + " " : ", ";
    out += "`" + items[i] + "`";
  }
  return out;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  if (id.front() < 'a' || id.front() > 'z') return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool is_safe_relative_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos ||
      path.find('\0') != std::string_view::npos)
    return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace leitbild
