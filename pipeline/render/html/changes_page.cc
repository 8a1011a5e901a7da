#include <fmt/format.h>

#include <algorithm>

#include "model/strings.h"
#include "render/html/html_site.h"
#include "render/html/site_paths.h"
#include "render/xhtml/typography.h"
#include "resolve/edition_diff.h"

namespace leitbild {

namespace {

std::string label(SiteContext& ctx, const LanguageTag& lang, const std::string& key) {
  const Labels& labels = ctx.theme.labels(lang);
  auto it = labels.find(key);
  return it == labels.end() ? std::string() : it->second;
}

// A word diff as paragraphs of HTML, changed runs in <ins> and <del> with a hidden word for
// screen readers (which rarely announce the elements). Built here rather than in the template:
// the bundled editions' diffs have thousands of runs, and template data for each would be the
// slowest part of the site.
TemplateList diff_paragraphs(const WordDiff& diff, const LanguageTag& lang, const Labels& labels) {
  auto word = [&](const char* key) {
    auto it = labels.find(key);
    return escape_html(it == labels.end() ? std::string(key) : it->second);
  };
  const std::string ins_open = "<ins><span class=\"visually-hidden\">[" + word("inserted") + ": </span>";
  const std::string ins_close = "<span class=\"visually-hidden\">]</span></ins>";
  const std::string del_open = "<del><span class=\"visually-hidden\">[" + word("deleted") + ": </span>";
  const std::string del_close = "<span class=\"visually-hidden\">]</span></del>";
  TemplateList paragraphs;
  std::size_t lines = 1;
  for (const WordRun& run : diff) lines += static_cast<std::size_t>(std::count(run.text.begin(), run.text.end(), '\n'));
  paragraphs.reserve(lines);
  std::string html;
  const QuoteMarks marks = quote_marks_for(lang);
  QuoteState quotes;
  auto flush = [&] {
    if (html.empty()) return;
    TemplateData p;
    put(p, "html", std::move(html));
    paragraphs.push_back(std::move(p));
    html.clear();
    quotes = QuoteState{};
  };
  auto add = [&](WordRun::Kind kind, std::string_view text) {
    if (text.empty()) return;
    const std::string escaped = escape_html(typographic_quotes(text, marks, quotes));
    if (kind == WordRun::Kind::same) html += escaped;
    else if (kind == WordRun::Kind::added) html += ins_open + escaped + ins_close;
    else html += del_open + escaped + del_close;
  };
  for (const WordRun& run : diff) {
    std::string_view text = run.text;
    for (std::size_t nl; (nl = text.find('\n')) != std::string_view::npos; text.remove_prefix(nl + 1)) {
      add(run.kind, text.substr(0, nl));
      flush();
    }
    add(run.kind, text);
  }
  flush();
  return paragraphs;
}

// One version of a text as it stands in its edition: paragraphs (separated by "\n"), quotes as in
// the chapter. Not rebuilt from the word diff: a word both versions share carries only one
// version's spacing there, which would glue or split the other version's words and paragraphs.
TemplateList text_paragraphs(std::string_view text, const LanguageTag& lang) {
  TemplateList paragraphs;
  paragraphs.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  const QuoteMarks marks = quote_marks_for(lang);
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    if (!line.empty()) {
      QuoteState quotes;
      TemplateData p;
      put(p, "html", escape_html(typographic_quotes(line, marks, quotes)));
      paragraphs.push_back(std::move(p));
    }
    start = end + 1;
  }
  return paragraphs;
}

// Interleaved <del>/<ins> reads well for edits; a text rewritten from the ground up is shown as
// the old and the new version one after the other.
TemplateData diff_view(const WordDiff& diff, const LanguageTag& lang, const Labels& labels, std::string_view old_text,
                       std::string_view new_text) {
  const bool rewritten = is_rewritten(diff);
  TemplateData view;
  put(view, "rewritten", rewritten);
  put(view, "paragraphs", rewritten ? TemplateList{} : diff_paragraphs(diff, lang, labels));
  put(view, "old_paragraphs", rewritten ? text_paragraphs(old_text, lang) : TemplateList{});
  put(view, "new_paragraphs", rewritten ? text_paragraphs(new_text, lang) : TemplateList{});
  return view;
}

std::string place_label(const std::string& number, const std::string& title, const LanguageTag& lang) {
  const std::string t = typographic(title, lang);
  return number.empty() ? t : number + " " + t;
}

}  // namespace

void emit_changes_page(SiteContext& ctx, const Edition& edition, const Edition& previous, const LanguageTag& lang) {
  const Project& project = ctx.project;
  if (!edition.chapters.count(lang)) return;
  const std::string path = changes_path(edition.number, lang);
  const std::string title = label(ctx, lang, "changes");
  const std::string site_title = typographic(localized(project.title, lang, project), lang);
  const std::string ed_title = edition_title(edition, lang, project);

  PageFrame frame = edition_page_frame(project, edition, lang, "changes", title, changes_path);
  frame.in_edition = [&](const Edition& other) {
    return previous_edition(project, other) ? changes_path(other.number, lang) : edition_home_path(other.number, lang);
  };
  frame.print_footer = title + " \u00B7 " + ed_title + " \u00B7 " + site_title;

  const LanguageDiff diff = diff_edition_language(previous, edition, lang, DiffDetail::for_reading);
  auto new_href = [&](const std::string& stem, const std::string& anchor) {
    return relative_href(path, chapter_path(edition.number, lang, stem) + (anchor.empty() ? "" : "#" + anchor));
  };
  auto old_href = [&](const std::string& stem, const std::string& anchor) {
    return relative_href(path, chapter_path(previous.number, lang, stem) + (anchor.empty() ? "" : "#" + anchor));
  };

  TemplateList summary;
  summary.reserve(9);
  auto count = [&](int n, const std::string& key) {
    if (n <= 0) return;
    TemplateData item;
    put(item, "text", fill(label(ctx, lang, n == 1 ? key + "_one" : key + "_other"), {{"count", std::to_string(n)}}));
    summary.push_back(std::move(item));
  };
  count(diff.summary.chapters_added, "changes_chapters_added");
  count(diff.summary.chapters_removed, "changes_chapters_removed");
  count(diff.summary.chapters_renamed, "changes_chapters_renamed");
  count(diff.summary.chapters_moved, "changes_chapters_moved");
  count(diff.summary.chapters_retitled, "changes_chapters_retitled");
  count(diff.summary.sections_added, "changes_sections_added");
  count(diff.summary.sections_removed, "changes_sections_removed");
  count(diff.summary.sections_moved, "changes_sections_moved");
  count(diff.summary.sections_changed, "changes_sections_changed");

  TemplateList chapters;
  chapters.reserve(diff.chapters.size());
  for (const ChapterChange& change : diff.chapters) {
    if (!change.changed()) continue;
    const ChapterPlace& place = change.after ? *change.after : *change.before;
    TemplateData c;
    put(c, "id", "changes-" + place.stem + (change.after ? "" : "-removed"));
    put(c, "label", place_label(place.number, place.title, lang));
    put(c, "href", change.after ? new_href(place.stem, "") : old_href(place.stem, ""));
    put(c, "added", change.added);
    put(c, "removed", change.removed);
    put(c, "renamed", change.renamed);
    put(c, "moved", change.moved);
    put(c, "title_changed", change.title_changed);
    put(c, "intro_changed", change.intro_changed);
    put(c, "has_before", change.before && change.after && (change.renamed || change.moved || change.title_changed));
    put(c, "before_label", change.before ? place_label(change.before->number, change.before->title, lang) : std::string());
    put(c, "before_href", change.before ? old_href(change.before->stem, "") : std::string());
    const Chapter* old_chapter = change.before ? previous.find_chapter(lang, change.before->stem) : nullptr;
    const Chapter* new_chapter = change.after ? edition.find_chapter(lang, change.after->stem) : nullptr;
    put(c, "intro_diff", diff_view(change.intro_diff, lang, ctx.theme.labels(lang),
                                  old_chapter ? chapter_intro_text(*old_chapter) : std::string(),
                                  new_chapter ? chapter_intro_text(*new_chapter) : std::string()));
    TemplateList sections;
    sections.reserve(change.sections.size());
    for (const SectionChange& s : change.sections) {
      const SectionPlace& sp = s.after ? *s.after : *s.before;
      TemplateData d;
      put(d, "label", place_label(sp.number, sp.title, lang));
      put(d, "href", s.after ? new_href(sp.chapter, s.anchor) : old_href(sp.chapter, s.anchor));
      put(d, "added", s.added);
      put(d, "removed", s.removed);
      put(d, "moved", s.moved);
      put(d, "title_changed", s.title_changed);
      put(d, "text_changed", s.text_changed);
      put(d, "has_before", s.before.has_value() && s.after.has_value() && (s.moved || s.title_changed));
      put(d, "before_label", s.before ? place_label(s.before->number, s.before->title, lang) : std::string());
      put(d, "before_href", s.before ? old_href(s.before->chapter, s.anchor) : std::string());
      put(d, "text_diff", diff_view(s.text_diff, lang, ctx.theme.labels(lang), s.old_text, s.new_text));
      sections.push_back(std::move(d));
    }
    put(c, "has_sections", !sections.empty());
    put(c, "sections", std::move(sections));
    chapters.push_back(std::move(c));
  }

  TemplateData data;
  put(data, "previous_edition", edition_facts(ctx, previous, lang, path));
  put(data, "has_summary", !summary.empty());
  put(data, "summary", std::move(summary));
  put(data, "has_chapters", !chapters.empty());
  put(data, "chapters", std::move(chapters));
  emit_page(ctx, frame, "changes", std::move(data));
}

}  // namespace leitbild
