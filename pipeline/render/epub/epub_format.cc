#include "render/epub/epub_format.h"

#include <fmt/format.h>

#include <stdexcept>

#include "render/epub/epub_book.h"

namespace leitbild {

namespace {

// Every source whose text can show up in the book: the manifest (title, publisher), the
// edition's settings, all its chapters in the language (cross-reference labels name other
// chapters), and the glossary.
std::vector<std::string> job_inputs(const Project& project, const Edition& edition, const LanguageTag& lang) {
  std::vector<std::string> inputs = {"leitbild.yaml", edition.dir + "/edition.yaml"};
  if (auto it = edition.chapters.find(lang); it != edition.chapters.end())
    for (const Chapter& chapter : it->second) inputs.push_back(chapter.path);
  for (const auto& [path, text] : project.sources)
    if (path.starts_with("glossary/")) inputs.push_back(path);
  return inputs;
}

}  // namespace

std::vector<RenderJob> plan_epub(const Project& project, const RenderOptions& options) {
  std::vector<RenderJob> jobs;
  for (const Edition& edition : project.editions) {
    if (edition.outputs_carried) continue;  // the previous build's outputs stand (publish/build_memo.h)
    for (const LanguageTag& lang : project.languages) {
      if (!edition.chapters.contains(lang)) continue;
      RenderJob job;
      job.key = fmt::format("epub/{}/{}", edition.number, lang);
      job.inputs = job_inputs(project, edition, lang);
      job.theme_inputs = {"epub.css"};
      job.run = [&project, &edition, lang, options](Diagnostics& diagnostics) -> Outputs {
        const std::string path = epub_output_path(edition, lang);
        try {
          return {OutputFile{path, render_epub(project, edition, lang, options, diagnostics)}};
        } catch (const std::exception& e) {
          diagnostics.add("LB0601", SourceLocation{edition.dir + "/edition.yaml"},
                          fmt::format("The e-book {} could not be made: {}.", path, e.what()),
                          "This is a problem of leitbild or the machine, not of the text; report it with the message.");
          return {};
        }
      };
      jobs.push_back(std::move(job));
    }
  }
  return jobs;
}

OutputFormat epub_output_format() {
  return OutputFormat{"epub", "EPUB 3.3 e-book per edition and language (dist/<N>/leitbild-<N>-<lang>.epub)",
                      [] { return std::string(); }, plan_epub};
}

}  // namespace leitbild
