// Raw HTML and script-capable URLs. Renderers drop raw HTML from every output (see
// docs/format.md "Raw HTML"), so harmless HTML is a warning that it will vanish; HTML or URLs that
// could run code are errors, because a tree must stay safe even for a tool that keeps HTML.
// Local SVG files are documents a browser runs scripts in, so referenced ones are read too.
#include <cmark-gfm.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "check/check.h"
#include "check/html_scan.h"
#include "check/markdown_files.h"
#include "check/url_policy.h"
#include "load/text_file.h"

namespace leitbild {

namespace {

namespace fs = std::filesystem;

struct Position {
  int line = 0;    // 0-based line inside the text
  int column = 0;  // 0-based byte column
};

Position position_of(std::string_view text, std::size_t offset) {
  Position p;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 0;
    } else {
      ++p.column;
    }
  }
  return p;
}

std::string excerpt(std::string_view html) {
  html = html.substr(0, html.find('\n'));
  if (html.size() > 60) return std::string(html.substr(0, 57)) + "...";
  return std::string(html);
}

std::string describe(const std::vector<UnsafeHtml>& unsafe) {
  std::string what = unsafe.front().what;
  if (unsafe.size() > 1) what += fmt::format(" (and {} more unsafe part{})", unsafe.size() - 1, unsafe.size() == 2 ? "" : "s");
  return what;
}

void check_raw_html(InlineLocator& locator, cmark_node* node, Diagnostics& diagnostics) {
  const MarkdownFile& file = locator.file();
  const std::string literal = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
  const bool block = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK;
  SourceLocation start = block ? block_location(file, node) : locator.locate(node, excerpt(literal));
  auto at_offset = [&](std::size_t offset) {
    Position p = position_of(literal, offset);
    SourceLocation where = start;
    where.line += p.line;
    where.column = p.line == 0 ? start.column + p.column : p.column + 1;
    where.end_line = where.end_column = 0;
    return where;
  };
  const auto unsafe = find_unsafe_html(literal, false);
  if (!unsafe.empty()) {
    diagnostics.add("LB0307", at_offset(unsafe.front().offset),
                    fmt::format("raw HTML with {}: it could run code on the published site", describe(unsafe)),
                    "Remove this HTML and write the content in Markdown; leitbild never publishes raw HTML.");
    return;
  }
  const HtmlScan scan = scan_html(literal);
  if (!scan.has_content) return;  // comments are notes for editors and vanish as intended
  bool only_closing = !scan.tags.empty();
  for (const HtmlTag& tag : scan.tags) only_closing = only_closing && tag.closing;
  if (only_closing) return;  // "</span>": its opening tag was reported already
  diagnostics.add("LB0315", start, fmt::format("the raw HTML `{}` is dropped from the output", excerpt(literal)),
                  "Use Markdown instead (**bold**, *emphasis*, lists, tables, [links](https://...)); HTML comments "
                  "`<!-- ... -->` are fine for notes to other editors.");
}

void check_url_safety(InlineLocator& locator, cmark_node* node, Diagnostics& diagnostics) {
  const std::string url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
  const char* what = cmark_node_get_type(node) == CMARK_NODE_IMAGE ? "image" : "link";
  switch (classify_url(url)) {
    case UrlKind::script:
      diagnostics.add("LB0307", locator.locate(node, url),
                      fmt::format("the {} `{}` is a script URL: it would run code when clicked", what, excerpt(url)),
                      "Link to a web page with a full https:// address, or to a section with `#anchor`.");
      return;
    case UrlKind::data:
      diagnostics.add("LB0307", locator.locate(node, excerpt(url)),
                      fmt::format("the {} `{}` is a `data:` URL, which can hide a whole web page with scripts", what, excerpt(url)),
                      "Save the picture or document as a file in the project and give its path, e.g. `bilder/karte.png`.");
      return;
    default:
      return;
  }
}

struct SvgFindings {
  std::string text;
  std::vector<UnsafeHtml> unsafe;
};

const SvgFindings& read_svg(const Project& project, const std::string& relative, std::map<std::string, SvgFindings>& cache) {
  auto it = cache.find(relative);
  if (it != cache.end()) return it->second;
  SvgFindings findings;
  std::error_code ec;
  const fs::path path = project.root / relative;
  if (fs::file_size(path, ec) <= kMaxTextFileBytes && !ec) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    findings.text = std::move(buffer).str();
    findings.unsafe = find_unsafe_html(findings.text, true);
  } else {
    findings.unsafe.push_back({0, "more content than leitbild reads (it cannot be checked)"});
  }
  return cache.emplace(relative, std::move(findings)).first->second;
}

bool is_svg_path(std::string_view url) {
  std::string path = local_url_path(url);
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".svg";
}

void check_svg(const Project& project, InlineLocator& locator, cmark_node* node, std::map<std::string, SvgFindings>& cache,
               Diagnostics& diagnostics) {
  const std::string url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
  if (classify_url(url) != UrlKind::local_path || !is_svg_path(url)) return;
  const LocalTarget target = resolve_local_target(project, *locator.file().path, url);
  if (target.status != LocalTarget::Status::found) return;  // check_links reports it
  const SvgFindings& svg = read_svg(project, target.relative, cache);
  if (svg.unsafe.empty()) return;
  Position p = position_of(svg.text, svg.unsafe.front().offset);
  auto& d = diagnostics.add("LB0307", locator.locate(node, url),
                            fmt::format("the SVG file `{}` contains {}: a browser would run it", target.relative,
                                        describe(svg.unsafe)),
                            "Export the drawing again without scripts or event handlers (e.g. Inkscape: \"Plain SVG\"), "
                            "or use a PNG file.");
  d.related = SourceLocation{target.relative, p.line + 1, p.column + 1};
  d.related_message = "in the SVG file";
}

}  // namespace

void check_html(const Project& project, Diagnostics& diagnostics) {
  std::map<std::string, SvgFindings> svg_cache;
  for (const MarkdownFile& file : markdown_files(project)) {
    InlineLocator locator(file);
    for (cmark_node* node : collect_nodes(*file.doc, {CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_LINK, CMARK_NODE_IMAGE})) {
      const cmark_node_type type = cmark_node_get_type(node);
      if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) {
        check_raw_html(locator, node, diagnostics);
      } else {
        check_url_safety(locator, node, diagnostics);
        check_svg(project, locator, node, svg_cache, diagnostics);
      }
    }
  }
}

}  // namespace leitbild
