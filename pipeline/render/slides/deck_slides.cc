// A deck's slides: the title slide from deck.yaml, then one slide per `## ` / `# ` heading, each
// with one side per language.
#include <cmark-gfm.h>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "render/html/locale_text.h"
#include "render/html/site_paths.h"
#include "render/slides/slide_text.h"
#include "render/slides/slides.h"
#include "render/xhtml/markdown_xml.h"
#include "render/xhtml/xml_tree.h"

namespace leitbild {
namespace fs = std::filesystem;

DeckView choose_deck_view(DeckLayout configured, const std::vector<LanguageTag>& available, const RenderOptions& options,
                          const SourceLocation& where, Diagnostics& diagnostics) {
  DeckView view;
  view.layout = configured;
  if (auto overridden = parse_deck_layout(options.deck_layout)) view.layout = *overridden;
  else if (!options.deck_lang.empty()) view.layout = DeckLayout::single;  // --deck-lang alone asks for one language
  view.languages = available;
  if (!options.deck_lang.empty()) {
    auto it = std::find(view.languages.begin(), view.languages.end(), options.deck_lang);
    if (it == view.languages.end())
      diagnostics.add("LB0606", where, fmt::format("this deck has no `{}` text; it is shown in {}", options.deck_lang,
                                                   available.empty() ? std::string("no language") : "`" + available.front() + "`"));
    else std::rotate(view.languages.begin(), it, it + 1);  // the asked-for language first
  }
  if (view.layout == DeckLayout::single && view.languages.size() > 1) view.languages.resize(1);
  if (view.languages.size() == 1) view.layout = DeckLayout::single;
  return view;
}

namespace {
// Decks (decks/<deck>/index.html) and outlines (<N>/slides/index.html) are both two folders deep.
constexpr std::string_view kDeckPage = "decks/deck/index.html";
}  // namespace

std::string chapter_href(int edition, const LanguageTag& lang, const LinkTarget& target) {
  std::string path = chapter_path(edition, lang, target.chapter_stem);
  if (!target.anchor.empty()) path += "#" + target.anchor;
  return relative_href(kDeckPage, path);
}

std::string glossary_href(int edition, const LanguageTag& lang, const std::string& term_id) {
  return relative_href(kDeckPage, glossary_path(edition, lang) + "#term-" + term_id);
}

std::string changes_href(int edition, const LanguageTag& lang) { return relative_href(kDeckPage, changes_path(edition, lang)); }

namespace {

// The deck's languages that have text, the project's source language first.
std::vector<LanguageTag> deck_languages(const Project& project, const Deck& deck) {
  std::vector<LanguageTag> out;
  for (const auto& lang : deck.languages)
    if (deck.texts.count(lang)) out.push_back(lang);
  if (!project.languages.empty()) {
    auto source = std::find(out.begin(), out.end(), project.source_language());
    if (source != out.end()) std::rotate(out.begin(), source, source + 1);
  }
  return out;
}

std::string localized_or(const Localized& text, const LanguageTag& lang, const LanguageTag& fallback) {
  if (auto it = text.find(lang); it != text.end() && !it->second.empty()) return it->second;
  if (auto it = text.find(fallback); it != text.end()) return it->second;
  return {};
}

void append_blocks(xmlNodePtr parent, const std::vector<cmark_node*>& blocks, const MarkdownXmlContext& ctx) {
  for (cmark_node* block : blocks) append_block(parent, block, ctx);
}

// A local image path inside the project: the deck folder joined with `src`, without `..` leaving it.
std::optional<std::string> project_image_path(const Deck& deck, const std::string& src) {
  if (src.empty() || src.find(':') != std::string::npos || src.starts_with("/")) return std::nullopt;
  const fs::path path = (fs::path(deck.dir) / src.substr(0, src.find_first_of("?#"))).lexically_normal();
  if (path.empty() || *path.begin() == "..") return std::nullopt;
  return path.generic_string();
}

void collect_images(cmark_node* node, std::vector<std::string>& srcs);

}  // namespace

Outputs render_deck(const Project& project, const Deck& deck, const RenderOptions& options, Diagnostics& diagnostics) {
  const SourceLocation deck_yaml{deck.dir + "/deck.yaml", 1, 1};
  const DeckView view = choose_deck_view(parse_deck_layout(deck.layout).value_or(DeckLayout::side_by_side),
                                         deck_languages(project, deck), options, deck_yaml, diagnostics);
  if (view.languages.empty()) return {};
  const LanguageTag& first = view.languages.front();

  std::map<LanguageTag, MarkdownXmlContext> contexts;
  for (const auto& lang : view.languages) {
    const DeckText& text = deck.texts.at(lang);
    MarkdownXmlContext ctx;
    ctx.lang = lang;
    ctx.quotes = quote_marks_for(lang);
    ctx.links = &text.links;
    ctx.term_links = &text.term_links;
    ctx.term_hits = &text.term_hits;
    ctx.target_href = [edition = deck.edition, lang](const LinkTarget& t) { return chapter_href(edition, lang, t); };
    ctx.term_href = [edition = deck.edition, lang](const std::string& id) { return glossary_href(edition, lang, id); };
    contexts.emplace(lang, std::move(ctx));
  }

  SlidePage page;
  page.lang = first;
  page.title = localized_or(deck.title, first, first);
  page.layout = view.layout;
  page.languages = view.languages;
  page.footer = {deck.presenter, deck.role, deck.event, deck.date};
  page.read_image = [&](const std::string& src) -> std::optional<std::string> {
    auto path = project_image_path(deck, src);
    if (!path) return std::nullopt;
    std::ifstream in(project.root / *path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return std::move(s).str();
  };

  // Title slide from deck.yaml. A title equal in every language is shown once.
  SlideSpec title;
  title.kind = SlideKind::title;
  title.where = deck_yaml;
  const std::string first_title = localized_or(deck.title, first, first);
  for (const auto& lang : view.languages) {
    SlideSide side;
    side.lang = lang;
    const std::string text = localized_or(deck.title, lang, first);
    if (lang == first || text != first_title) side.heading = [text](xmlNodePtr h) { append_text(h, text); };
    const std::string role = localized_or(deck.role, lang, first);
    const std::optional<Date> date = deck.date;
    side.body = [role, date, lang](xmlNodePtr body) {
      if (!role.empty()) element_text(body, "p", role, {{"class", "lb-role"}});
      if (date) element_text(element(body, "p", {{"class", "lb-date"}}), "time", long_date(*date, lang), {{"datetime", date->iso()}});
    };
    title.sides.push_back(std::move(side));
  }
  title.shared = [&deck](xmlNodePtr shared) {
    if (!deck.presenter.empty()) element_text(shared, "p", deck.presenter, {{"class", "lb-presenter"}});
    if (!deck.event.empty()) element_text(shared, "p", deck.event, {{"class", "lb-event"}});
  };
  page.slides.push_back(std::move(title));

  std::size_t count = 0;
  for (const auto& lang : view.languages) count = std::max(count, deck.texts.at(lang).slides.size());
  for (std::size_t i = 0; i < count; ++i) {
    SlideSpec spec;
    for (const auto& lang : view.languages) {
      const DeckText& text = deck.texts.at(lang);
      SlideSide side;
      side.lang = lang;
      if (i < text.slides.size()) {
        const Slide& slide = text.slides[i];
        if (lang == first) {
          spec.kind = slide.section_title ? SlideKind::section : SlideKind::content;
          spec.where = slide.where;
        }
        const MarkdownXmlContext& base = contexts.at(lang);
        side.heading = [&slide, &base](xmlNodePtr h) { append_inlines(h, slide.heading, base); };
        if (!slide.body.empty()) {
          side.body = [&slide, &base, i](xmlNodePtr body) {
            MarkdownXmlContext ctx = base;
            ctx.id_prefix = fmt::format("s{}-{}-", i + 2, base.lang);
            append_blocks(body, slide.body, ctx);
          };
        }
        if (!slide.notes.empty()) {
          side.notes = [&slide, &base, i](xmlNodePtr notes) {
            MarkdownXmlContext ctx = base;
            ctx.id_prefix = fmt::format("n{}-{}-", i + 2, base.lang);
            append_blocks(notes, slide.notes, ctx);
          };
        }
      }
      spec.sides.push_back(std::move(side));
    }
    page.slides.push_back(std::move(spec));
  }
  return write_slide_page(page, "decks/" + deck.name, options, diagnostics);
}

namespace {

void collect_images(cmark_node* node, std::vector<std::string>& srcs) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    if (cmark_node_get_type(child) == CMARK_NODE_IMAGE && cmark_node_get_url(child)) srcs.push_back(cmark_node_get_url(child));
    collect_images(child, srcs);
  }
}

}  // namespace

std::vector<std::string> deck_inputs(const Project& project, const Deck& deck) {
  std::vector<std::string> inputs = {"leitbild.yaml", deck.dir + "/deck.yaml"};
  for (const auto& [lang, text] : deck.texts) {
    inputs.push_back(text.path);
    std::vector<std::string> srcs;
    if (text.doc) collect_images(text.doc.root(), srcs);
    for (const auto& src : srcs)
      if (auto path = project_image_path(deck, src)) inputs.push_back(*path);
  }
  // Cross-reference labels and term links come from the deck's edition and the glossary.
  if (const Edition* edition = project.find_edition(deck.edition)) {
    inputs.push_back(edition->dir + "/edition.yaml");
    for (const auto& [lang, chapters] : edition->chapters)
      for (const Chapter& chapter : chapters) inputs.push_back(chapter.path);
  }
  for (const auto& [path, text] : project.sources)
    if (path.starts_with("glossary/")) inputs.push_back(path);
  std::sort(inputs.begin(), inputs.end());
  inputs.erase(std::unique(inputs.begin(), inputs.end()), inputs.end());
  return inputs;
}

}  // namespace leitbild
