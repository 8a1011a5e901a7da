#include "render/slides/slide_page.h"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include <fstream>
#include <sstream>

#include "render/html/locale_text.h"
#include "render/slides/slide_text.h"
#include "render/xhtml/xml_tree.h"

namespace leitbild {

std::optional<DeckLayout> parse_deck_layout(std::string_view name) {
  if (name == "side-by-side") return DeckLayout::side_by_side;
  if (name == "stacked") return DeckLayout::stacked;
  if (name == "single") return DeckLayout::single;
  return std::nullopt;
}

std::string_view deck_layout_name(DeckLayout layout) {
  switch (layout) {
    case DeckLayout::side_by_side: return "side-by-side";
    case DeckLayout::stacked: return "stacked";
    case DeckLayout::single: return "single";
  }
  return "side-by-side";
}

const std::vector<std::string>& slide_theme_files() {
  static const std::vector<std::string> files = {"slides/deck.mustache", "slides/leitbild-slides.css",
                                                 "slides/leitbild-slides.js"};
  return files;
}

const std::vector<std::string>& reveal_files() {
  // Only what a deck needs: the engine, its base styles, and the speaker view.
  static const std::vector<std::string> files = {"reveal.js/dist/reveal.js", "reveal.js/dist/reveal.css",
                                                 "reveal.js/dist/plugin/notes.js", "reveal.js/LICENSE"};
  return files;
}

namespace {

// Where each copied file lands, relative to the page.
std::string asset_name(const std::string& file) { return "assets/" + file.substr(file.rfind('/') + 1); }

std::string_view kind_class(SlideKind kind) {
  switch (kind) {
    case SlideKind::title: return "lb-title-slide";
    case SlideKind::section: return "lb-section-slide";
    case SlideKind::content: return "lb-content-slide";
    case SlideKind::closing: return "lb-closing-slide";
  }
  return "lb-content-slide";
}

void append_side(xmlNodePtr parent, const SlideSide& side, SlideKind kind, bool source) {
  if (!side.heading && !side.body) return;
  xmlNodePtr div = element(parent, "div", {{"class", source ? "lb-side lb-source" : "lb-side lb-translation"}, {"lang", side.lang}});
  if (side.heading) side.heading(element(div, kind == SlideKind::title ? "h1" : "h2"));
  if (side.body) side.body(element(div, "div", {{"class", "lb-text"}}));
}

// The localized values of `text` for the languages shown, once when they are all equal.
void append_localized(xmlNodePtr parent, const Localized& text, const std::vector<LanguageTag>& languages,
                      const std::function<std::string(const LanguageTag&, const std::string&)>& format = nullptr) {
  std::vector<std::pair<LanguageTag, std::string>> values;
  for (const auto& lang : languages)
    if (auto it = text.find(lang); it != text.end() && !it->second.empty())
      values.emplace_back(lang, format ? format(lang, it->second) : it->second);
  const bool all_equal = std::all_of(values.begin(), values.end(), [&](const auto& v) { return v.second == values.front().second; });
  if (all_equal && !values.empty()) values.resize(1);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) append_text(parent, " / ");
    element_text(parent, "span", values[i].second, {{"lang", values[i].first}});
  }
}

void append_footer(xmlNodePtr frame, const SlidePage& page, std::size_t number) {
  const SlideFooter& footer = page.footer;
  xmlNodePtr foot = element(frame, "footer", {{"class", "lb-footer"}});
  xmlNodePtr text = element(foot, "div", {{"class", "lb-footer-text"}});
  xmlNodePtr who = element(text, "p", {{"class", "lb-footer-who"}});
  if (!footer.presenter.empty()) element_text(who, "span", footer.presenter, {{"class", "lb-presenter"}});
  if (!footer.role.empty()) {
    if (!footer.presenter.empty()) append_text(who, " \u00B7 ");
    append_localized(element(who, "span", {{"class", "lb-role"}}), footer.role, page.languages);
  }
  xmlNodePtr when = element(text, "p", {{"class", "lb-footer-when"}});
  if (!footer.event.empty()) element_text(when, "span", footer.event, {{"class", "lb-event"}});
  if (footer.date) {
    if (!footer.event.empty()) append_text(when, " \u00B7 ");
    Localized dates;
    for (const auto& lang : page.languages) dates[lang] = long_date(*footer.date, lang);
    append_localized(element(when, "time", {{"class", "lb-date"}, {"datetime", footer.date->iso()}}), dates, page.languages);
  }
  element_text(foot, "p", fmt::format("{}\u2009/\u2009{}", number, page.slides.size()), {{"class", "lb-number"}});
}

void append_slide(xmlNodePtr slides, const SlidePage& page, const SlideSpec& slide, std::size_t number) {
  xmlNodePtr section = element(slides, "section", {{"class", std::string("lb-slide ") + std::string(kind_class(slide.kind))},
                                                   {"data-lb-slide", std::to_string(number)}});
  if (slide.where.line > 0) set_attribute(section, "data-lb-source", fmt::format("{}:{}", slide.where.file, slide.where.line));
  xmlNodePtr frame = element(section, "div", {{"class", "lb-frame"}});
  xmlNodePtr body = element(frame, "div", {{"class", "lb-body"}});
  const bool two_columns = page.layout == DeckLayout::side_by_side && slide.kind == SlideKind::content && slide.sides.size() > 1;
  xmlNodePtr sides = two_columns ? element(body, "div", {{"class", "lb-columns"}}) : body;
  for (std::size_t i = 0; i < slide.sides.size(); ++i) append_side(sides, slide.sides[i], slide.kind, i == 0);
  if (slide.shared) slide.shared(element(body, "div", {{"class", "lb-shared"}}));
  append_footer(frame, page, number);

  const bool has_notes = std::any_of(slide.sides.begin(), slide.sides.end(), [](const SlideSide& s) { return bool(s.notes); });
  if (!has_notes) return;
  xmlNodePtr aside = element(section, "aside", {{"class", "notes"}});
  for (const SlideSide& side : slide.sides)
    if (side.notes) side.notes(element(aside, "div", {{"class", "lb-notes"}, {"lang", side.lang}}));
}

std::string sanitized_file_name(const std::string& src) {
  std::string name = src.substr(src.find_last_of('/') + 1);
  name = name.substr(0, name.find_first_of("?#"));
  std::string out;
  for (char c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    out += std::isalnum(u) || c == '.' || c == '-' || c == '_' ? static_cast<char>(std::tolower(u)) : '-';
  }
  return out.empty() ? "image" : out;
}

// Local images are copied to media/ under computed names; their src follows.
void copy_images(xmlNodePtr node, const SlidePage& page, const std::string& folder, Outputs& outputs) {
  for (xmlNodePtr child = node->children; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (xmlStrEqual(child->name, reinterpret_cast<const xmlChar*>("img")) && page.read_image) {
      xmlChar* raw = xmlGetProp(child, reinterpret_cast<const xmlChar*>("src"));
      const std::string src = raw ? reinterpret_cast<const char*>(raw) : "";
      xmlFree(raw);
      if (src.find(':') == std::string::npos)
        if (auto bytes = page.read_image(src)) {
          const std::string name = fmt::format("media/{}-{}", outputs.size(), sanitized_file_name(src));
          outputs.push_back({folder + "/" + name, std::move(*bytes)});
          set_attribute(child, "src", name);
        }
    }
    copy_images(child, page, folder, outputs);
  }
}

// A link inside a link is not valid HTML (a glossary term found inside an explicit
// `[...](term:id)` link gives one); the inner link gives way to its text.
void unwrap_nested_links(xmlNodePtr node, bool inside_link) {
  for (xmlNodePtr child = node->children; child;) {
    xmlNodePtr next = child->next;
    if (child->type == XML_ELEMENT_NODE) {
      const bool is_link = xmlStrEqual(child->name, reinterpret_cast<const xmlChar*>("a"));
      unwrap_nested_links(child, inside_link || is_link);
      if (is_link && inside_link) {
        while (xmlNodePtr grandchild = child->children) {
          xmlUnlinkNode(grandchild);
          xmlAddPrevSibling(child, grandchild);
        }
        xmlUnlinkNode(child);
        xmlFreeNode(child);
      }
    }
    child = next;
  }
}

std::string build_sections(const SlidePage& page, const std::string& folder, Outputs* images) {
  auto container = new_fragment_container();
  for (std::size_t i = 0; i < page.slides.size(); ++i) append_slide(container.get(), page, page.slides[i], i + 1);
  unwrap_nested_links(container.get(), false);
  if (images) copy_images(container.get(), page, folder, *images);
  return serialize_children(container.get());
}

std::optional<std::string> read_binary(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

}  // namespace

std::string slide_sections_html(const SlidePage& page) { return build_sections(page, "", nullptr); }

Outputs write_slide_page(const SlidePage& page, const std::string& folder, const RenderOptions& options,
                         Diagnostics& diagnostics) {
  Outputs outputs;
  const SourceLocation where = page.slides.empty() ? SourceLocation{} : page.slides.front().where;
  const auto template_text = options.theme_file("slides/deck.mustache");
  if (!template_text) {
    diagnostics.add("LB0605", {where.file, 0, 0}, "the slide theme has no `slides/deck.mustache`",
                    "Restore themes/default/slides/ or add slides/deck.mustache to the project's theme.");
    return {};
  }
  std::vector<OutputFile> assets;
  for (const std::string& file : {std::string("slides/leitbild-slides.css"), std::string("slides/leitbild-slides.js")}) {
    auto bytes = options.theme_file(file);
    if (!bytes) {
      diagnostics.add("LB0605", {where.file, 0, 0}, fmt::format("the slide theme has no `{}`", file),
                      "Restore themes/default/slides/ or add the file to the project's theme.");
      return {};
    }
    assets.push_back({folder + "/" + asset_name(file), std::move(*bytes)});
  }
  for (const std::string& file : reveal_files()) {
    auto bytes = read_binary(options.node_modules / file);
    if (!bytes) {
      diagnostics.add("LB0605", {where.file, 0, 0}, fmt::format("`{}` is missing from node_modules", file),
                      "Run scripts/setup (it installs reveal.js with `npm ci`).");
      return {};
    }
    const std::string name = file.ends_with("LICENSE") ? "assets/reveal.js-LICENSE.txt" : asset_name(file);
    assets.push_back({folder + "/" + name, std::move(*bytes)});
  }

  Outputs images;
  const std::string sections = build_sections(page, folder, &images);

  kainjow::mustache::mustache tmpl(*template_text);
  if (!tmpl.is_valid()) {
    diagnostics.add("LB0605", {where.file, 0, 0}, "the slide template `slides/deck.mustache` is not valid: " + tmpl.error_message(),
                    "Fix the template in the theme.");
    return {};
  }
  kainjow::mustache::data data;
  data.set("lang", page.lang);
  data.set("title", page.title);
  data.set("layout", std::string(deck_layout_name(page.layout)));
  data.set("slides", sections);
  outputs.push_back({folder + "/index.html", tmpl.render(data)});
  for (auto& a : assets) outputs.push_back(std::move(a));
  for (auto& i : images) outputs.push_back(std::move(i));
  return outputs;
}

}  // namespace leitbild
