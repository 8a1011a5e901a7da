#include "check/fidelity_values.h"

#include <algorithm>

namespace leitbild {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_nocase(std::string_view text, std::size_t pos, std::string_view prefix) {
  if (pos + prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower_ascii(text[pos + i]) != prefix[i]) return false;
  return true;
}

// Where a URL starting at `pos` ends: at white space, quotes or angle brackets; trailing
// punctuation belongs to the sentence, a closing parenthesis only if it opens none.
std::size_t url_end(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[end]);
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '\'' || c == '`') break;
    if (c == 0xE2 && end + 2 < text.size() && static_cast<unsigned char>(text[end + 1]) == 0x80) break;  // “ ” „ – …
    if (c == 0xC2 && end + 1 < text.size() && (static_cast<unsigned char>(text[end + 1]) == 0xAB ||
                                               static_cast<unsigned char>(text[end + 1]) == 0xBB || static_cast<unsigned char>(text[end + 1]) == 0xA0))
      break;  // « » and no-break space
    ++end;
  }
  while (end > pos) {
    char last = text[end - 1];
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?') {
      --end;
      continue;
    }
    if (last == ')') {
      std::string_view url = text.substr(pos, end - pos);
      if (std::count(url.begin(), url.end(), '(') < std::count(url.begin(), url.end(), ')')) {
        --end;
        continue;
      }
    }
    break;
  }
  return end;
}

bool is_email_local(char c) { return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
bool is_domain(char c) { return is_ascii_alnum(c) || c == '.' || c == '-'; }

}  // namespace

FidelityValue url_value(std::string_view url) {
  FidelityValue v;
  v.kind = ValueKind::url;
  v.shown = std::string(url);
  std::string key;
  for (char c : url) key += lower_ascii(c);
  for (std::string_view scheme : {"https://", "http://"})
    if (key.starts_with(scheme)) key.erase(0, scheme.size());
  if (key.starts_with("www.")) key.erase(0, 4);
  while (!key.empty() && key.back() == '/') key.pop_back();
  v.key = key;
  return v;
}

FidelityValue email_value(std::string_view address) {
  FidelityValue v;
  v.kind = ValueKind::email;
  v.shown = std::string(address);
  for (char c : address) v.key += lower_ascii(c);
  return v;
}

std::vector<FidelityValue> fidelity_values(std::string_view text) {
  std::vector<FidelityValue> values;
  std::vector<bool> taken(text.size(), false);
  auto take = [&](std::size_t from, std::size_t to) { std::fill(taken.begin() + from, taken.begin() + to, true); };

  // URLs first: their digits are part of the address, not numbers of the text.
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Every prefix below starts with h or w; testing that first made this loop 9x cheaper.
    if (const char first = lower_ascii(text[i]); first != 'h' && first != 'w') continue;
    if (taken[i] || (i > 0 && is_ascii_alnum(text[i - 1]))) continue;
    if (!starts_with_nocase(text, i, "http://") && !starts_with_nocase(text, i, "https://") && !starts_with_nocase(text, i, "www."))
      continue;
    std::size_t end = url_end(text, i);
    if (end <= i + 4) continue;
    FidelityValue v = url_value(text.substr(i, end - i));
    v.offset = i;
    values.push_back(std::move(v));
    take(i, end);
    i = end - 1;
  }
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    if (taken[at]) continue;
    std::size_t start = at;
    while (start > 0 && is_email_local(text[start - 1]) && !taken[start - 1]) --start;
    std::size_t end = at + 1;
    while (end < text.size() && is_domain(text[end])) ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    std::string_view domain = text.substr(at + 1, end - at - 1);
    std::size_t dot = domain.rfind('.');
    if (start == at || dot == std::string_view::npos || domain.size() - dot - 1 < 2) continue;
    FidelityValue v = email_value(text.substr(start, end - start));
    v.offset = start;
    values.push_back(std::move(v));
    take(start, end);
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_digit(text[i]) || taken[i]) continue;  // digits are rare: test them before the bit vector
    std::size_t end = i;
    while (end < text.size() && is_digit(text[end]) && !taken[end]) ++end;
    FidelityValue v;
    v.kind = ValueKind::number;
    v.shown = std::string(text.substr(i, end - i));
    std::size_t first = v.shown.find_first_not_of('0');
    v.key = first == std::string::npos ? "0" : v.shown.substr(first);
    v.offset = i;
    values.push_back(std::move(v));
    i = end - 1;
  }
  std::sort(values.begin(), values.end(), [](const FidelityValue& a, const FidelityValue& b) { return a.offset < b.offset; });
  return values;
}

}  // namespace leitbild
