#include "check/html_scan.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "check/url_policy.h"

namespace leitbild {

namespace {

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool starts_with_nocase(std::string_view text, std::size_t pos, std::string_view prefix) {
  if (pos + prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower_ascii(text[pos + i]) != prefix[i]) return false;
  return true;
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The named references that can hide a URL scheme, plus the everyday ones.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kNamedEntities = {{
    {"tab", "\t"}, {"newline", "\n"}, {"colon", ":"}, {"sol", "/"}, {"lpar", "("}, {"rpar", ")"},
    {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"},
    {"period", "."}, {"semi", ";"},
}};

}  // namespace

std::string decode_html_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    std::size_t j = i + 1;
    if (j < text.size() && text[j] == '#') {
      // Numeric references: browsers accept them without the ';' and with leading zeros.
      ++j;
      bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
      if (hex) ++j;
      std::size_t digits_start = j;
      unsigned long cp = 0;
      while (j < text.size()) {
        char c = lower_ascii(text[j]);
        int v = c >= '0' && c <= '9' ? c - '0' : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
        if (v < 0) break;
        cp = std::min<unsigned long>(cp * (hex ? 16 : 10) + static_cast<unsigned long>(v), 0x110000);
        ++j;
      }
      if (j == digits_start) {
        out += '&';
        continue;
      }
      if (j < text.size() && text[j] == ';') ++j;
      append_utf8(out, cp);
      i = j - 1;
      continue;
    }
    std::size_t name_end = j;
    while (name_end < text.size() && name_end - j < 10 && is_alpha(text[name_end])) ++name_end;
    bool decoded = false;
    for (const auto& [name, value] : kNamedEntities) {
      if (name_end - j != name.size() || !starts_with_nocase(text, j, name)) continue;
      out += value;
      i = name_end < text.size() && text[name_end] == ';' ? name_end : name_end - 1;
      decoded = true;
      break;
    }
    if (!decoded) out += '&';
  }
  return out;
}

HtmlScan scan_html(std::string_view html) {
  HtmlScan scan;
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      if (!is_space(html[i])) scan.has_content = true;
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (html.substr(i, 4) == "<!--") {
      std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    scan.has_content = true;
    if (starts_with_nocase(html, i, "<![cdata[")) {
      std::size_t end = html.find("]]>", i);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
      if (starts_with_nocase(html, i, "<?xml-stylesheet")) scan.stylesheet_instructions.push_back(i);
      // A DOCTYPE's internal subset "[...]" may hold entity declarations: look inside it.
      std::size_t end = i + 2;
      int bracket = 0;
      for (; end < html.size(); ++end) {
        if (html[end] == '[') ++bracket;
        else if (html[end] == ']') --bracket;
        else if (html[end] == '<' && starts_with_nocase(html, end, "<!entity")) scan.entity_declarations.push_back(end);
        else if (html[end] == '>' && bracket <= 0) break;
      }
      if (starts_with_nocase(html, i, "<!entity")) scan.entity_declarations.push_back(i);
      i = end + 1;
      continue;
    }
    HtmlTag tag;
    tag.offset = start;
    std::size_t j = i + 1;
    if (j < html.size() && html[j] == '/') {
      tag.closing = true;
      ++j;
    }
    if (j >= html.size() || !is_alpha(html[j])) {  // "a < b": text, not a tag
      ++i;
      continue;
    }
    while (j < html.size() && !is_space(html[j]) && html[j] != '/' && html[j] != '>') tag.name += lower_ascii(html[j++]);
    // Attributes, following the HTML tokenizer's rules closely enough for safety decisions.
    while (j < html.size() && html[j] != '>') {
      if (is_space(html[j]) || html[j] == '/') {
        ++j;
        continue;
      }
      HtmlAttribute attribute;
      while (j < html.size() && !is_space(html[j]) && html[j] != '/' && html[j] != '>' &&
             (html[j] != '=' || attribute.name.empty()))
        attribute.name += lower_ascii(html[j++]);
      while (j < html.size() && is_space(html[j])) ++j;
      if (j < html.size() && html[j] == '=') {
        ++j;
        while (j < html.size() && is_space(html[j])) ++j;
        std::string raw;
        if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
          char quote = html[j++];
          std::size_t end = html.find(quote, j);
          if (end == std::string_view::npos) end = html.size();
          raw = std::string(html.substr(j, end - j));
          j = std::min(end + 1, html.size());
        } else {
          while (j < html.size() && !is_space(html[j]) && html[j] != '>') raw += html[j++];
        }
        attribute.value = decode_html_entities(raw);
      }
      tag.attributes.push_back(std::move(attribute));
    }
    i = j < html.size() ? j + 1 : j;
    scan.tags.push_back(std::move(tag));
  }
  return scan;
}

std::vector<UnsafeHtml> find_unsafe_html(std::string_view html, bool svg) {
  // Elements that run code, load other documents or change how the page loads.
  static constexpr std::array<std::string_view, 11> kHtmlUnsafe = {
      "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link"};
  // SVG files legitimately use <style>; the rest still runs code or loads documents.
  static constexpr std::array<std::string_view, 8> kSvgUnsafe = {
      "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base"};
  std::vector<UnsafeHtml> found;
  HtmlScan scan = scan_html(html);
  for (std::size_t offset : scan.entity_declarations)
    found.push_back({offset, "an XML entity declaration `<!ENTITY` (it can smuggle in markup)"});
  for (std::size_t offset : scan.stylesheet_instructions)
    found.push_back({offset, "an `<?xml-stylesheet` instruction (it can load a script-capable stylesheet)"});
  for (const HtmlTag& tag : scan.tags) {
    if (tag.closing) continue;
    const std::string local_name = tag.name.substr(tag.name.find(':') == std::string::npos ? 0 : tag.name.find(':') + 1);
    bool element_unsafe = svg ? std::find(kSvgUnsafe.begin(), kSvgUnsafe.end(), local_name) != kSvgUnsafe.end()
                              : std::find(kHtmlUnsafe.begin(), kHtmlUnsafe.end(), local_name) != kHtmlUnsafe.end();
    if (element_unsafe) found.push_back({tag.offset, fmt::format("a <{}> element", local_name)});
    for (const HtmlAttribute& attribute : tag.attributes) {
      if (attribute.name.size() > 2 && attribute.name.starts_with("on")) {
        found.push_back({tag.offset, fmt::format("the event handler attribute `{}` on <{}>", attribute.name, tag.name)});
        continue;
      }
      const std::string compact = compact_url(attribute.value);
      if (attribute.name == "attributename" && compact.starts_with("on")) {  // SVG <set>/<animate> of a handler
        found.push_back({tag.offset, fmt::format("an animation that sets the event handler `{}`", compact)});
        continue;
      }
      for (std::string_view scheme : {"javascript:", "vbscript:", "livescript:"})
        if (compact.starts_with(scheme))
          found.push_back({tag.offset, fmt::format("a `{}` URL in `{}` of <{}>", scheme, attribute.name, tag.name)});
      if (is_active_data_url(compact))
        found.push_back({tag.offset, fmt::format("a `data:` URL with markup or script in `{}` of <{}>", attribute.name, tag.name)});
      if (attribute.name == "style" && (compact.find("expression(") != std::string::npos ||
                                        compact.find("javascript:") != std::string::npos))
        found.push_back({tag.offset, fmt::format("a script in the `style` attribute of <{}>", tag.name)});
    }
  }
  std::sort(found.begin(), found.end(), [](const UnsafeHtml& a, const UnsafeHtml& b) { return a.offset < b.offset; });
  return found;
}

}  // namespace leitbild
