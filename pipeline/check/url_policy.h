#pragma once
// What a link or image destination is, as a browser would see it. Shared by the link checks
// (missing files, paths leaving the tree) and the safety checks (script URLs).
#include <string>
#include <string_view>

namespace leitbild {

enum class UrlKind {
  empty,
  fragment,       // "#anchor": a cross-reference
  term,           // "term:id"
  web,            // http:, https:
  mail,           // mailto:, tel:
  script,         // javascript:, vbscript:, livescript: (after the browser's whitespace stripping)
  data,           // data:
  file_scheme,    // file:
  other_scheme,   // ftp:, irc:, ... (left alone)
  absolute_path,  // "/etc/passwd", "C:\x", "//server/share"
  local_path,     // "bilder/karte.png": relative to the file that contains it
};

UrlKind classify_url(std::string_view url);

// The URL as a browser parses its scheme: ASCII whitespace and control characters removed, ASCII
// lowercased ("Java\tScript:" -> "javascript:").
std::string compact_url(std::string_view url);

// True for data: URLs whose media type can carry markup or script (html, xml, svg, script).
bool is_active_data_url(std::string_view compact);

// "%C3%A4" -> "ä"; malformed escapes are kept as they are.
std::string percent_decode(std::string_view text);

// The path part of a local URL: without "?query" and "#fragment", percent-decoded, backslashes as
// slashes (browsers treat them alike).
std::string local_url_path(std::string_view url);

}  // namespace leitbild
