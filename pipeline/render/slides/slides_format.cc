#include <fmt/format.h>

#include "render/slides/slide_page.h"
#include "render/slides/slides.h"

namespace leitbild {

namespace {

std::vector<std::string> theme_inputs() { return slide_theme_files(); }

}  // namespace

OutputFormat slides_output_format() {
  OutputFormat format;
  format.name = "slides";
  format.description = "reveal.js slide decks (decks/<deck>/) and an outline deck per edition (<N>/slides/)";
  format.unavailable_reason = [] { return std::string(); };
  format.plan = [](const Project& project, const RenderOptions& options) {
    std::vector<RenderJob> jobs;
    for (const Deck& deck : project.decks) {
      RenderJob job;
      job.key = "slides/deck/" + deck.name;
      job.inputs = deck_inputs(project, deck);
      job.theme_inputs = theme_inputs();
      job.run = [&project, &deck, options](Diagnostics& diagnostics) { return render_deck(project, deck, options, diagnostics); };
      jobs.push_back(std::move(job));
    }
    for (const Edition& edition : project.editions) {
      if (edition.outputs_carried) continue;  // the previous build's outputs stand (publish/build_memo.h)
      RenderJob job;
      job.key = fmt::format("slides/edition/{}", edition.number);
      job.inputs = edition_outline_inputs(project, edition);
      job.theme_inputs = theme_inputs();
      job.run = [&project, &edition, options](Diagnostics& diagnostics) {
        return render_edition_outline(project, edition, options, diagnostics);
      };
      jobs.push_back(std::move(job));
    }
    return jobs;
  };
  return format;
}

OutputFormat pdf_handout_output_format() {
  OutputFormat format;
  format.name = "pdf-handout";
  format.description = "PDF handouts of the slide decks (decks/<deck>/<deck>.pdf), printed by headless Chromium";
  format.unavailable_reason = pdf_handout_unavailable_reason;
  format.plan = [](const Project& project, const RenderOptions& options) {
    std::vector<RenderJob> jobs;
    for (const Deck& deck : project.decks) {
      RenderJob job;
      job.key = "pdf-handout/deck/" + deck.name;
      job.inputs = deck_inputs(project, deck);
      job.theme_inputs = theme_inputs();
      job.run = [&project, &deck, options](Diagnostics& diagnostics) {
        return render_deck_handout(project, deck, options, diagnostics);
      };
      jobs.push_back(std::move(job));
    }
    return jobs;
  };
  return format;
}

}  // namespace leitbild
