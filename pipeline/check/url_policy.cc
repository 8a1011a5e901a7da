#include "check/url_policy.h"

#include <array>

namespace leitbild {

namespace {

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_scheme_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower_ascii(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

std::string compact_url(std::string_view url) {
  std::string out;
  out.reserve(url.size());
  for (char c : url)
    if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F) out += lower_ascii(c);
  return out;
}

bool is_active_data_url(std::string_view compact) {
  if (!compact.starts_with("data:")) return false;
  std::string_view type = compact.substr(5);
  type = type.substr(0, type.find_first_of(";,"));
  if (type.empty()) return false;  // data:,text is plain text
  for (std::string_view active : {"html", "xml", "svg", "script"})
    if (type.find(active) != std::string_view::npos) return true;
  return false;
}

UrlKind classify_url(std::string_view url) {
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.remove_prefix(1);
  while (!url.empty() && static_cast<unsigned char>(url.back()) <= 0x20) url.remove_suffix(1);
  if (url.empty()) return UrlKind::empty;
  if (url.front() == '#') return UrlKind::fragment;
  const std::string compact = compact_url(url);
  for (std::string_view scheme : {"javascript:", "vbscript:", "livescript:"})
    if (compact.starts_with(scheme)) return UrlKind::script;
  if (compact.starts_with("data:")) return UrlKind::data;
  if (url.front() == '/' || url.front() == '\\') return UrlKind::absolute_path;
  std::size_t i = 0;
  if (!compact.empty() && compact[0] >= 'a' && compact[0] <= 'z')
    while (i < compact.size() && is_scheme_char(compact[i])) ++i;
  if (i > 0 && i < compact.size() && compact[i] == ':') {
    const std::string scheme = compact.substr(0, i);
    if (scheme.size() == 1) return UrlKind::absolute_path;  // a Windows drive letter, "C:\..."
    if (scheme == "term") return UrlKind::term;
    if (scheme == "http" || scheme == "https") return UrlKind::web;
    if (scheme == "mailto" || scheme == "tel") return UrlKind::mail;
    if (scheme == "file") return UrlKind::file_scheme;
    return UrlKind::other_scheme;
  }
  return UrlKind::local_path;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string local_url_path(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  std::string path = percent_decode(url);
  for (char& c : path)
    if (c == '\\') c = '/';
  return path;
}

}  // namespace leitbild
