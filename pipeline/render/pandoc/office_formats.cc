#include "render/pandoc/office_formats.h"

#include <fmt/format.h>

#include <ctime>
#include <stdexcept>

#include "render/pandoc/office_zip.h"
#include "render/pandoc/pandoc_tool.h"
#include "render/pandoc/pptx_footer.h"

namespace leitbild {

namespace {

// What pandoc's JSON reader accepts is decided by its pandoc-types version; when pandoc is
// missing the run reports that before the document is looked at.
const std::vector<int>& api_of(const PandocInstallation& pandoc) {
  static const std::vector<int> fallback = {1, 22};
  return pandoc.version ? pandoc.version->api : fallback;
}

long long zip_timestamp(const RenderOptions& options) {
  return options.source_date_epoch ? *options.source_date_epoch : static_cast<long long>(std::time(nullptr));
}

// Pandoc's package, entry by entry, with `change` applied and one timestamp for every entry.
std::optional<std::string> repackage(const std::string& pandoc_output, const RenderOptions& options, const std::string& what,
                                     const SourceLocation& where, Diagnostics& diagnostics,
                                     const std::function<void(std::vector<ZipPart>&)>& change = {}) {
  try {
    std::vector<ZipPart> parts = read_zip_parts(pandoc_output);
    if (change) change(parts);
    return write_zip_parts(parts, zip_timestamp(options));
  } catch (const std::exception& e) {
    diagnostics.add("LB0603", where, fmt::format("{} cannot be made: pandoc's output is not a usable package ({})", what, e.what()),
                    "Reinstall the Debian package `pandoc`; if the problem stays, report it with this message.");
    return std::nullopt;
  }
}

std::vector<std::string> glossary_sources(const Project& project) {
  std::vector<std::string> out;
  for (const auto& [path, text] : project.sources)
    if (path.starts_with("glossary/")) out.push_back(path);
  return out;
}

const char* extension(OfficeTarget target) { return target == OfficeTarget::docx ? "docx" : "odt"; }

std::string kind(OfficeTarget target) { return target == OfficeTarget::docx ? "Word file" : "OpenDocument file"; }

}  // namespace

std::string office_output_path(const Edition& edition, const LanguageTag& lang, OfficeTarget target) {
  return fmt::format("{0}/leitbild-{0}-{1}.{2}", edition.number, lang, extension(target));
}

std::string deck_output_path(const Deck& deck) { return fmt::format("decks/{0}/{0}.pptx", deck.name); }

std::optional<OutputFile> render_edition_office(const Project& project, const Edition& edition, const LanguageTag& lang,
                                                OfficeTarget target, const RenderOptions& options, Diagnostics& diagnostics,
                                                const OfficeSettings& settings) {
  const std::string path = office_output_path(edition, lang, target);
  const PandocInstallation pandoc = find_pandoc();
  PandocRun run;
  run.to = extension(target);
  run.what = fmt::format("the {} {}", kind(target), path);
  run.where = SourceLocation{edition.dir + "/edition.yaml"};
  run.source_date_epoch = options.source_date_epoch;
  run.timeout = settings.timeout;
  run.reference_doc = options.theme_file(fmt::format("reference.{}", extension(target)));
  if (pandoc.unavailable_reason.empty()) run.json = edition_document(project, edition, lang, target, api_of(pandoc)).dump();
  auto bytes = run_pandoc(pandoc, run, diagnostics);
  if (!bytes) return std::nullopt;
  auto package = repackage(*bytes, options, run.what, run.where, diagnostics);
  if (!package) return std::nullopt;
  return OutputFile{path, std::move(*package)};
}

std::optional<OutputFile> render_deck_pptx(const Project& project, const Deck& deck, const RenderOptions& options,
                                           Diagnostics& diagnostics, const OfficeSettings& settings) {
  const std::string path = deck_output_path(deck);
  const PandocInstallation pandoc = find_pandoc();
  const DeckPresentation presentation = deck_presentation(deck, options);
  PandocRun run;
  run.to = "pptx";
  run.what = fmt::format("the PowerPoint file {}", path);
  run.where = SourceLocation{deck.dir + "/deck.yaml"};
  run.source_date_epoch = options.source_date_epoch;
  run.timeout = settings.timeout;
  run.reference_doc = options.theme_file("reference.pptx");
  // Slide level 2: `## ` slides are content slides, `# ` slides section slides, whatever the deck.
  run.extra_arguments = {"--slide-level=2"};
  if (pandoc.unavailable_reason.empty()) run.json = deck_document(deck, presentation, api_of(pandoc)).dump();
  auto bytes = run_pandoc(pandoc, run, diagnostics);
  if (!bytes) return std::nullopt;
  const LanguageTag lang = presentation.languages.empty() ? project.source_language() : presentation.languages.front();
  auto package = repackage(*bytes, options, run.what, run.where, diagnostics, [&](std::vector<ZipPart>& parts) {
    add_slide_footers(parts, deck_footer(deck, lang), lang, /*skip_title_slide=*/true);
  });
  if (!package) return std::nullopt;
  return OutputFile{path, std::move(*package)};
}

std::vector<RenderJob> plan_office_documents(const Project& project, const RenderOptions& options, OfficeTarget target) {
  std::vector<RenderJob> jobs;
  for (const Edition& edition : project.editions) {
    if (edition.outputs_carried) continue;  // the previous build's outputs stand (publish/build_memo.h)
    for (const LanguageTag& lang : project.languages) {
      auto chapters = edition.chapters.find(lang);
      if (chapters == edition.chapters.end()) continue;
      RenderJob job;
      job.key = fmt::format("{}/{}/{}", extension(target), edition.number, lang);
      // Everything whose text can show: title and publisher, the edition's settings, its chapters
      // in this language (cross-reference labels name other chapters), the glossary.
      job.inputs = {"leitbild.yaml", edition.dir + "/edition.yaml"};
      for (const Chapter& chapter : chapters->second) job.inputs.push_back(chapter.path);
      for (std::string& path : glossary_sources(project)) job.inputs.push_back(std::move(path));
      job.theme_inputs = {fmt::format("reference.{}", extension(target))};
      job.run = [&project, &edition, lang, target, options](Diagnostics& diagnostics) -> Outputs {
        auto file = render_edition_office(project, edition, lang, target, options, diagnostics);
        if (!file) return {};
        return {std::move(*file)};
      };
      jobs.push_back(std::move(job));
    }
  }
  return jobs;
}

std::vector<RenderJob> plan_pptx_decks(const Project& project, const RenderOptions& options) {
  std::vector<RenderJob> jobs;
  for (const Deck& deck : project.decks) {
    if (deck.texts.empty()) continue;
    RenderJob job;
    job.key = "pptx/" + deck.name;
    job.inputs = {"leitbild.yaml", deck.dir + "/deck.yaml"};
    for (const auto& [lang, text] : deck.texts) job.inputs.push_back(text.path);
    // Cross-reference labels come from the deck's edition.
    if (const Edition* edition = project.find_edition(deck.edition))
      for (const auto& [lang, chapters] : edition->chapters)
        if (deck.texts.contains(lang))
          for (const Chapter& chapter : chapters) job.inputs.push_back(chapter.path);
    for (std::string& path : glossary_sources(project)) job.inputs.push_back(std::move(path));
    job.theme_inputs = {"reference.pptx"};
    job.run = [&project, &deck, options](Diagnostics& diagnostics) -> Outputs {
      auto file = render_deck_pptx(project, deck, options, diagnostics);
      if (!file) return {};
      return {std::move(*file)};
    };
    jobs.push_back(std::move(job));
  }
  return jobs;
}

std::string pandoc_unavailable_reason() { return find_pandoc().unavailable_reason; }

OutputFormat docx_output_format() {
  return OutputFormat{"docx", "Word document per edition and language, made with pandoc (dist/<N>/leitbild-<N>-<lang>.docx)",
                      pandoc_unavailable_reason, [](const Project& project, const RenderOptions& options) {
                        return plan_office_documents(project, options, OfficeTarget::docx);
                      }};
}

OutputFormat odt_output_format() {
  return OutputFormat{"odt", "OpenDocument text per edition and language, made with pandoc (dist/<N>/leitbild-<N>-<lang>.odt)",
                      pandoc_unavailable_reason, [](const Project& project, const RenderOptions& options) {
                        return plan_office_documents(project, options, OfficeTarget::odt);
                      }};
}

OutputFormat pptx_output_format() {
  return OutputFormat{"pptx", "PowerPoint file per deck, made with pandoc (dist/decks/<deck>/<deck>.pptx)", pandoc_unavailable_reason,
                      plan_pptx_decks};
}

}  // namespace leitbild
