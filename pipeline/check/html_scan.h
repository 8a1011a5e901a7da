#pragma once
// A forgiving tokenizer for raw HTML fragments and SVG files: enough of the HTML parsing rules
// to find every element and attribute a browser would see, including entity-encoded values.
// It never builds a tree; the safety check only needs tags and attributes.
#include <string>
#include <string_view>
#include <vector>

namespace leitbild {

struct HtmlAttribute {
  std::string name;   // ASCII-lowercased
  std::string value;  // entities decoded
};

struct HtmlTag {
  std::string name;  // ASCII-lowercased, without the "/" of a closing tag
  bool closing = false;
  std::vector<HtmlAttribute> attributes;
  std::size_t offset = 0;  // byte offset of '<'
};

struct HtmlScan {
  std::vector<HtmlTag> tags;
  bool has_content = false;  // anything besides comments and whitespace
  std::vector<std::size_t> entity_declarations;  // offsets of "<!ENTITY" (XML internal subsets)
  std::vector<std::size_t> stylesheet_instructions;  // offsets of "<?xml-stylesheet"
};

HtmlScan scan_html(std::string_view html);

// "&#x09;", "&#9;", "&colon;", "&amp;" ... to UTF-8; unknown names stay as they are.
std::string decode_html_entities(std::string_view text);

// Why a fragment is unsafe; empty when it is not. `svg` applies the SVG policy (styles and
// embedded raster images are fine there).
struct UnsafeHtml {
  std::size_t offset = 0;
  std::string what;  // "a <script> element", "the event handler attribute `onclick`", ...
};
std::vector<UnsafeHtml> find_unsafe_html(std::string_view html, bool svg);

}  // namespace leitbild
