#pragma once
// The "docx", "odt" and "pptx" output formats: Word and OpenDocument text per edition and
// language, PowerPoint per deck, all made by pandoc from the Pandoc JSON AST (docs/office.md).
#include <chrono>
#include <optional>
#include <string>

#include "render/pandoc/office_documents.h"
#include "render/render.h"

namespace leitbild {

struct OfficeSettings {
  std::chrono::milliseconds timeout = std::chrono::seconds(120);  // per pandoc run
};

// "3/leitbild-3-de.docx", "decks/almelo-2011/almelo-2011.pptx" (relative to the output folder).
std::string office_output_path(const Edition& edition, const LanguageTag& lang, OfficeTarget target);
std::string deck_output_path(const Deck& deck);

// One file, or nothing after diagnostics (LB0602 pandoc missing/too old, LB0603 pandoc failed).
std::optional<OutputFile> render_edition_office(const Project& project, const Edition& edition, const LanguageTag& lang,
                                                OfficeTarget target, const RenderOptions& options, Diagnostics& diagnostics,
                                                const OfficeSettings& settings = {});
std::optional<OutputFile> render_deck_pptx(const Project& project, const Deck& deck, const RenderOptions& options,
                                           Diagnostics& diagnostics, const OfficeSettings& settings = {});

// Jobs "docx/<N>/<lang>", "odt/<N>/<lang>" and "pptx/<deck>". They refer to `project` and must
// run while it lives.
std::vector<RenderJob> plan_office_documents(const Project& project, const RenderOptions& options, OfficeTarget target);
std::vector<RenderJob> plan_pptx_decks(const Project& project, const RenderOptions& options);

// Empty when pandoc is usable; otherwise why not, naming the Debian package `pandoc`.
std::string pandoc_unavailable_reason();

OutputFormat docx_output_format();
OutputFormat odt_output_format();
OutputFormat pptx_output_format();

}  // namespace leitbild
