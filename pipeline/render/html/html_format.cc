#include "render/html/html_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>

#include "render/html/html_site.h"

namespace leitbild {

namespace {

void add_unique(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

// Every page names the project (leitbild.yaml) and links to every edition (edition.yaml: titles,
// chapter lists for the edition switcher).
std::vector<std::string> site_inputs(const Project& project) {
  std::vector<std::string> inputs = {"leitbild.yaml"};
  for (const Edition& edition : project.editions) inputs.push_back(edition.dir + "/edition.yaml");
  return inputs;
}

// An edition in one language also shows the glossary (term links, the glossary page), and the
// previous edition's chapters (the "what is new" page), and copies the files its chapters link to.
std::vector<std::string> edition_inputs(const Project& project, const Edition& edition, const LanguageTag& lang) {
  std::vector<std::string> inputs = site_inputs(project);
  for (const auto& [path, text] : project.sources)
    if (path.starts_with("glossary/")) add_unique(inputs, path);
  auto add_chapters = [&](const Edition& e) {
    auto it = e.chapters.find(lang);
    if (it == e.chapters.end()) return;
    for (const Chapter& chapter : it->second) {
      add_unique(inputs, chapter.path);
      if (&e == &edition)
        for (const std::string& file : chapter_local_files(chapter)) add_unique(inputs, file);
    }
  };
  add_chapters(edition);
  if (const Edition* previous = previous_edition(project, edition)) add_chapters(*previous);
  return inputs;
}

template <typename Body>
Outputs guarded(const std::string& key, Diagnostics& diagnostics, Body body) {
  try {
    return body();
  } catch (const std::exception& e) {
    diagnostics.add("LB0620", {"leitbild.yaml", 0, 0}, fmt::format("the HTML job `{}` stopped: {}", key, e.what()),
                    "This is a bug in leitbild: report the message. Meanwhile build the other formats with `--formats`.");
    return {};
  }
}

}  // namespace

std::vector<RenderJob> plan_html(const Project& project, const RenderOptions& options) {
  std::vector<RenderJob> jobs;
  const std::vector<std::string> theme_inputs = html_theme_files(options);
  for (const Edition& edition : project.editions) {
    for (const LanguageTag& lang : project.languages) {
      if (!edition.chapters.contains(lang)) continue;
      RenderJob job;
      job.key = fmt::format("html/{}/{}", edition.number, lang);
      job.inputs = edition_inputs(project, edition, lang);
      job.theme_inputs = theme_inputs;
      job.run = [&project, &edition, lang, options, key = job.key](Diagnostics& diagnostics) -> Outputs {
        return guarded(key, diagnostics, [&] {
          SiteContext ctx(project, options, diagnostics);
          emit_edition_pages(ctx, edition, lang);
          emit_glossary_page(ctx, edition, lang);
          if (const Edition* previous = previous_edition(project, edition)) emit_changes_page(ctx, edition, *previous, lang);
          return std::move(ctx.outputs);
        });
      };
      jobs.push_back(std::move(job));
    }
  }
  RenderJob portal;
  portal.key = "html/portal";
  portal.inputs = site_inputs(project);
  portal.theme_inputs = theme_inputs;
  portal.run = [&project, options](Diagnostics& diagnostics) -> Outputs {
    return guarded("html/portal", diagnostics, [&] {
      SiteContext ctx(project, options, diagnostics);
      emit_portal_pages(ctx);
      return std::move(ctx.outputs);
    });
  };
  jobs.push_back(std::move(portal));
  return jobs;
}

OutputFormat html_output_format() {
  return OutputFormat{"html", "Static website: portal, every edition and language, glossary (dist/index.html)",
                      [] { return std::string(); }, plan_html};
}

}  // namespace leitbild
