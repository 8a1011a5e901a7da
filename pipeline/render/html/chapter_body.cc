#include <cmark-gfm.h>
#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "render/html/html_site.h"
#include "render/html/site_paths.h"
#include "render/xhtml/markdown_xml.h"
#include "render/xhtml/xml_tree.h"

namespace leitbild {

namespace fs = std::filesystem;

namespace {

std::string attribute(xmlNodePtr node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

bool is_element(xmlNodePtr node, const char* name) {
  return node->type == XML_ELEMENT_NODE && xmlStrcmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

bool has_scheme(std::string_view url) {
  auto colon = url.find(':');
  return colon != std::string_view::npos && url.find_first_of("/?#") > colon;
}

// A local file a chapter names, relative to the project root; nullopt for #fragments, URLs with a
// scheme, and paths that leave the project (the checks report those).
std::optional<std::string> local_file(const Chapter& chapter, std::string_view url) {
  if (url.empty() || url.starts_with("#") || url.starts_with("/") || has_scheme(url)) return std::nullopt;
  url = url.substr(0, url.find_first_of("?#"));
  if (url.empty()) return std::nullopt;
  const fs::path path = (fs::path(chapter.path).parent_path() / std::string(url)).lexically_normal();
  if (path.empty() || *path.begin() == ".." || path.is_absolute()) return std::nullopt;
  return path.generic_string();
}

std::string url_fragment(std::string_view url) {
  auto hash = url.find('#');
  return hash == std::string_view::npos ? std::string() : std::string(url.substr(hash));
}

std::optional<std::string> read_binary(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

class LocalFiles {
 public:
  LocalFiles(SiteContext& ctx, const Edition& edition, const Chapter& chapter, const std::string& page_path)
      : ctx_(ctx), edition_(edition), chapter_(chapter), page_path_(page_path) {}

  void rewrite(xmlNodePtr node) {
    for (xmlNodePtr child = node->children; child;) {
      xmlNodePtr next = child->next;
      if (is_element(child, "img")) image(child);
      else if (is_element(child, "a") && attribute(child, "class").empty()) link(child);
      else rewrite(child);
      child = next;
    }
  }

 private:
  // Local images are copied next to the page; remote ones would make the page fetch from another
  // server, so they become a link to the image instead.
  void image(xmlNodePtr img) {
    const std::string src = attribute(img, "src");
    if (has_scheme(src)) {
      xmlNodePtr a = xmlNewNode(img->ns, reinterpret_cast<const xmlChar*>("a"));
      set_attribute(a, "href", src);
      append_text(a, attribute(img, "alt"));
      xmlReplaceNode(img, a);
      xmlFreeNode(img);
      return;
    }
    if (auto target = copy(src)) set_attribute(img, "src", *target);
  }

  void link(xmlNodePtr a) {
    const std::string href = attribute(a, "href");
    auto file = local_file(chapter_, href);
    if (!file) {
      rewrite(a);
      return;
    }
    // A link to another chapter's Markdown file goes to that chapter's page.
    for (const Chapter& other : edition_.chapters.at(chapter_.lang))
      if (other.path == *file) {
        set_attribute(a, "href", relative_href(page_path_, chapter_path(edition_.number, chapter_.lang, other.stem) + url_fragment(href)));
        return;
      }
    if (auto target = copy(href)) set_attribute(a, "href", *target + url_fragment(href));
    rewrite(a);
  }

  std::optional<std::string> copy(const std::string& url) {
    auto file = local_file(chapter_, url);
    if (!file) return std::nullopt;
    const std::string out = fmt::format("{}/{}/media/{}", edition_.number, chapter_.lang, *file);
    if (!copied_.count(out)) {
      auto bytes = read_binary(ctx_.project.root / *file);
      if (!bytes) {
        ctx_.diagnostics.add("LB0303", {chapter_.path, 0, 0},
                             fmt::format("the chapter links to `{}`, but the file `{}` does not exist", url, *file),
                             "Correct the path (relative to the chapter file) or add the file.");
        return std::nullopt;
      }
      copied_.insert(out);
      bool already = false;
      for (const OutputFile& f : ctx_.outputs) already = already || f.path == out;
      if (!already) ctx_.outputs.push_back({out, std::move(*bytes)});
    }
    return relative_href(page_path_, out);
  }

  SiteContext& ctx_;
  const Edition& edition_;
  const Chapter& chapter_;
  const std::string& page_path_;
  std::set<std::string> copied_;
};

// Wide tables scroll inside their own box on narrow screens rather than widening the page
// (WCAG 1.4.10 reflow); the box can take keyboard focus so it can be scrolled without a mouse.
void wrap_tables(xmlNodePtr node, const std::string& label, int& count) {
  for (xmlNodePtr child = node->children; child; child = child->next) {
    if (!is_element(child, "table")) {
      wrap_tables(child, label, count);
      continue;
    }
    xmlNodePtr box = xmlNewNode(child->ns, reinterpret_cast<const xmlChar*>("div"));
    set_attribute(box, "class", "table-wrap");
    set_attribute(box, "role", "region");
    set_attribute(box, "aria-label", fmt::format("{} {}", label, ++count));
    set_attribute(box, "tabindex", "0");
    xmlReplaceNode(child, box);
    xmlAddChild(box, child);
    child = box;
  }
}

// "siehe 4 Integrationsleitziele": a cross-reference's section number stays on the line of its
// title's first word (U+00A0 instead of the space), so a line never ends in a bare number.
void keep_numbers_with_titles(xmlNodePtr node) {
  for (xmlNodePtr child = node->children; child; child = child->next) {
    if (!is_element(child, "a") || attribute(child, "class") != "xref") {
      keep_numbers_with_titles(child);
      continue;
    }
    xmlNodePtr text = child->children;
    if (!text || text->type != XML_TEXT_NODE || !text->content) continue;
    std::string words(reinterpret_cast<const char*>(text->content));
    std::size_t end = 0;
    while (end < words.size() && (std::isdigit(static_cast<unsigned char>(words[end])) || (end > 0 && words[end] == '.'))) ++end;
    if (end == 0 || end + 1 >= words.size() || words[end] != ' ') continue;
    words.replace(end, 1, "\u00A0");
    xmlNodeSetContent(text, reinterpret_cast<const xmlChar*>(words.c_str()));
  }
}

void collect_urls(cmark_node* node, std::vector<std::string>& urls) {
  cmark_iter* iter = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* cur = cmark_iter_get_node(iter);
    const auto type = cmark_node_get_type(cur);
    if (type != CMARK_NODE_IMAGE && type != CMARK_NODE_LINK) continue;
    if (const char* url = cmark_node_get_url(cur)) urls.emplace_back(url);
  }
  cmark_iter_free(iter);
}

}  // namespace

std::vector<std::string> chapter_local_files(const Chapter& chapter) {
  std::vector<std::string> urls, files;
  if (chapter.doc) collect_urls(chapter.doc.root(), urls);
  for (const std::string& url : urls)
    if (auto file = local_file(chapter, url); file && std::find(files.begin(), files.end(), *file) == files.end())
      files.push_back(*file);
  return files;
}

std::string chapter_body_html(SiteContext& ctx, const Edition& edition, const Chapter& chapter, const std::string& page_path) {
  if (!chapter.doc) return {};
  MarkdownXmlContext xml;
  xml.lang = chapter.lang;
  xml.quotes = quote_marks_for(chapter.lang);
  xml.links = &chapter.links;
  xml.term_links = &chapter.term_links;
  xml.term_hits = &chapter.term_hits;
  xml.sections = &chapter.sections;
  xml.target_href = [&](const LinkTarget& target) {
    std::string path = target.chapter_stem == chapter.stem ? page_path : chapter_path(edition.number, chapter.lang, target.chapter_stem);
    if (!target.anchor.empty()) path += "#" + target.anchor;
    return relative_href(page_path, path);
  };
  xml.term_href = [&](const std::string& id) {
    return relative_href(page_path, glossary_path(edition.number, chapter.lang) + "#term-" + id);
  };
  auto container = new_fragment_container();
  append_document(container.get(), chapter.doc.root(), xml);
  LocalFiles(ctx, edition, chapter, page_path).rewrite(container.get());
  const Labels& labels = ctx.theme.labels(chapter.lang);
  auto table_label = labels.find("table_region");
  int tables = 0;
  wrap_tables(container.get(), table_label == labels.end() ? "Table" : table_label->second, tables);
  keep_numbers_with_titles(container.get());
  return serialize_children(container.get());
}

}  // namespace leitbild
