#include "render/html/html_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <unordered_set>

#include "render/html/html_site.h"

namespace leitbild {

namespace {

// A job's inputs in the order first named, each once (an edition names hundreds of chapters).
class InputList {
 public:
  explicit InputList(std::vector<std::string> first) : list_(std::move(first)), seen_(list_.begin(), list_.end()) {}
  void add(const std::string& path) {
    if (seen_.insert(path).second) list_.push_back(path);
  }
  std::vector<std::string> take() { return std::move(list_); }

 private:
  std::vector<std::string> list_;
  std::unordered_set<std::string> seen_;
};

// Every page names the project (leitbild.yaml) and links to every edition (edition.yaml: titles,
// chapter lists for the edition switcher).
std::vector<std::string> site_inputs(const Project& project) {
  std::vector<std::string> inputs = {"leitbild.yaml"};
  for (const Edition& edition : project.editions) inputs.push_back(edition.dir + "/edition.yaml");
  return inputs;
}

// An edition's pages in one language also show the glossary (term links, the glossary page) and
// copy the files its chapters link to; its "what is new" page reads the previous edition's
// chapters instead (`previous`).
std::vector<std::string> edition_inputs(const Project& project, const Edition& edition, const LanguageTag& lang,
                                        const Edition* previous = nullptr) {
  InputList inputs(site_inputs(project));
  for (const auto& [path, text] : project.sources)
    if (path.starts_with("glossary/")) inputs.add(path);
  auto add_chapters = [&](const Edition& e, bool with_files) {
    auto it = e.chapters.find(lang);
    if (it == e.chapters.end()) return;
    for (const Chapter& chapter : it->second) {
      inputs.add(chapter.path);
      if (with_files)
        for (const std::string& file : chapter_local_files(chapter)) inputs.add(file);
    }
  };
  add_chapters(edition, !previous);
  if (previous) add_chapters(*previous, false);
  return inputs.take();
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
    if (edition.outputs_carried) continue;  // the previous build's outputs stand (publish/build_memo.h)
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
          return std::move(ctx.outputs);
        });
      };
      jobs.push_back(std::move(job));
      // The "what is new" page on its own: it is as much work as the rest of the edition's pages
      // (both run side by side), and an edit of the previous edition renders it alone again.
      if (const Edition* previous = previous_edition(project, edition)) {
        RenderJob changes;
        changes.key = fmt::format("html/{}/{}/changes", edition.number, lang);
        changes.inputs = edition_inputs(project, edition, lang, previous);
        changes.theme_inputs = theme_inputs;
        changes.run = [&project, &edition, previous, lang, options, key = changes.key](Diagnostics& diagnostics) -> Outputs {
          return guarded(key, diagnostics, [&] {
            SiteContext ctx(project, options, diagnostics);
            emit_changes_page(ctx, edition, *previous, lang);
            return std::move(ctx.outputs);
          });
        };
        jobs.push_back(std::move(changes));
      }
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
