// The whole site: every page of the bundled tree, the test tree tests/trees/html-sample and small
// trees of its own, with every internal link followed. Also the helpers html_test_support.h declares.
#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>

#include <map>
#include <set>

#include "load/load.h"
#include "render/html/html_format.h"
#include "render/html/html_test_support.h"
#include "resolve/resolve.h"
#include "support/tree.h"

namespace leitbild::testing {

namespace fs = std::filesystem;

const OutputFile* BuiltSite::find(const std::string& path) const {
  for (const OutputFile& f : outputs)
    if (f.path == path) return &f;
  return nullptr;
}

const std::string& BuiltSite::page(const std::string& path) const {
  static const std::string none;
  if (const OutputFile* f = find(path)) return f->bytes;
  ADD_FAILURE() << "the site has no " << path;
  return none;
}

BuiltSite build_html_site(const fs::path& root, const fs::path& extra_theme_dir) {
  BuiltSite site;
  site.project = load_project(root, site.diagnostics);
  resolve_project(site.project, site.diagnostics);
  RenderOptions options;
  if (!extra_theme_dir.empty()) options.theme_dirs.push_back(extra_theme_dir);
  options.theme_dirs.push_back(LEITBILD_DEFAULT_THEME_DIR);
  for (RenderJob& job : plan_html(site.project, options))
    for (OutputFile& f : job.run(site.diagnostics)) site.outputs.push_back(std::move(f));
  return site;
}

namespace {

struct ParsedPage {
  std::set<std::string> ids;
  std::vector<std::string> links;  // href and src values
};

void walk(xmlNodePtr node, ParsedPage& page) {
  for (xmlNodePtr n = node; n; n = n->next) {
    if (n->type == XML_ELEMENT_NODE) {
      for (xmlAttrPtr a = n->properties; a; a = a->next) {
        const std::string name = reinterpret_cast<const char*>(a->name);
        xmlChar* value = xmlNodeListGetString(n->doc, a->children, 1);
        const std::string v = value ? reinterpret_cast<const char*>(value) : "";
        xmlFree(value);
        if (name == "id") page.ids.insert(v);
        if (name == "href" || name == "src") page.links.push_back(v);
      }
    }
    walk(n->children, page);
  }
}

ParsedPage parse(const std::string& html) {
  ParsedPage page;
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), "page.html", "UTF-8",
                                  HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (!doc) return page;
  walk(xmlDocGetRootElement(doc), page);
  xmlFreeDoc(doc);
  return page;
}

std::string resolve(const std::string& from, const std::string& href) {
  fs::path base = fs::path(from).parent_path();
  return (base / href).lexically_normal().generic_string();
}

}  // namespace

std::vector<std::string> broken_links(const Outputs& outputs) {
  std::map<std::string, ParsedPage> pages;
  std::set<std::string> files;
  for (const OutputFile& f : outputs) {
    files.insert(f.path);
    if (f.path.ends_with(".html")) pages.emplace(f.path, parse(f.bytes));
  }
  std::vector<std::string> broken;
  for (const auto& [path, page] : pages) {
    for (const std::string& link : page.links) {
      if (link.find(':') != std::string::npos && link.find(':') < link.find_first_of("/#?")) continue;  // scheme
      const auto hash = link.find('#');
      const std::string file_part = link.substr(0, hash);
      const std::string fragment = hash == std::string::npos ? "" : link.substr(hash + 1);
      const std::string target = file_part.empty() ? path : resolve(path, file_part);
      if (!files.count(target)) {
        broken.push_back(path + " -> " + link + " (no file " + target + ")");
        continue;
      }
      if (!fragment.empty()) {
        auto it = pages.find(target);
        if (it == pages.end() || !it->second.ids.count(fragment))
          broken.push_back(path + " -> " + link + " (no id \"" + fragment + "\" in " + target + ")");
      }
    }
  }
  return broken;
}

namespace {

std::string dump(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += x.code + " " + x.where.file + ":" + std::to_string(x.where.line) + " " + x.message + "\n";
  return s;
}

std::string join(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

bool has_render_errors(const Diagnostics& d) {
  for (const auto& x : d.all())
    if (x.code.starts_with("LB06")) return true;
  return false;
}

// The bundled tree is built once for the tests that only read it.
const BuiltSite& bundled_site() {
  static const BuiltSite site = build_html_site(LEITBILD_SOURCE_DIR);
  return site;
}

TEST(HtmlSite, BundledTreeHasEveryPageAndNoBrokenLink) {
  const BuiltSite& site = bundled_site();
  EXPECT_FALSE(has_render_errors(site.diagnostics)) << dump(site.diagnostics);
  ASSERT_NE(site.find("index.html"), nullptr);
  for (const Edition& edition : site.project.editions)
    for (const LanguageTag& lang : site.project.languages) {
      const std::string dir = std::to_string(edition.number) + "/" + lang + "/";
      EXPECT_NE(site.find(dir + "index.html"), nullptr) << dir;
      EXPECT_NE(site.find(dir + "glossary.html"), nullptr) << dir;
      for (const Chapter& chapter : edition.chapters.at(lang)) EXPECT_NE(site.find(dir + chapter.stem + ".html"), nullptr);
    }
  EXPECT_NE(site.find("3/de/changes.html"), nullptr);
  EXPECT_NE(site.find("4/nl/changes.html"), nullptr);
  EXPECT_EQ(site.find("1/de/changes.html"), nullptr) << "edition 1 has no previous edition";
  EXPECT_NE(site.find("de/accessibility.html"), nullptr);
  EXPECT_NE(site.find("nl/accessibility.html"), nullptr);
  EXPECT_NE(site.find("nl/index.html"), nullptr);
  EXPECT_NE(site.find("assets/site.css"), nullptr);
  EXPECT_NE(site.find("assets/print.css"), nullptr);
  EXPECT_EQ(join(broken_links(site.outputs)), "");
}

TEST(HtmlSite, SampleTreeHasNoBrokenLink) {
  BuiltSite site = build_html_site(fs::path(LEITBILD_SOURCE_DIR) / "tests/trees/html-sample");
  EXPECT_FALSE(site.diagnostics.has_errors()) << dump(site.diagnostics);
  EXPECT_GT(site.outputs.size(), 10u);
  EXPECT_EQ(join(broken_links(site.outputs)), "");
}

TEST(HtmlSite, TwoBuildsAreByteIdentical) {
  const BuiltSite& first = bundled_site();
  BuiltSite second = build_html_site(LEITBILD_SOURCE_DIR);
  ASSERT_EQ(first.outputs.size(), second.outputs.size());
  for (std::size_t i = 0; i < first.outputs.size(); ++i) {
    EXPECT_EQ(first.outputs[i].path, second.outputs[i].path);
    EXPECT_TRUE(first.outputs[i].bytes == second.outputs[i].bytes) << first.outputs[i].path;
  }
}

TEST(HtmlSite, OutputPathsAreUnique) {
  const BuiltSite& site = bundled_site();
  std::set<std::string> seen;
  for (const OutputFile& f : site.outputs) EXPECT_TRUE(seen.insert(f.path).second) << f.path;
}

}  // namespace
}  // namespace leitbild::testing
