#pragma once
// The "html" output format: the static website (docs/themes.md describes its templates).
//   dist/index.html, dist/<lang>/index.html       portal: every edition in every language
//   dist/<lang>/accessibility.html                accessibility statement
//   dist/<N>/<lang>/index.html                    edition home with its table of contents and errata
//   dist/<N>/<lang>/<stem>.html                   one page per chapter
//   dist/<N>/<lang>/glossary.html                 the glossary with back-links to the edition's sections
//   dist/<N>/<lang>/changes.html                  what is new since the previous edition (if there is one)
//   dist/<N>/<lang>/media/...                     images and files the chapters link to
//   dist/assets/...                               the theme's stylesheets
#include "render/render.h"

namespace leitbild {

// One job "html/<N>/<lang>" per edition and language, and "html/portal" for the portal, the
// accessibility statements and the assets. The jobs refer to `project` and must run while it lives.
std::vector<RenderJob> plan_html(const Project& project, const RenderOptions& options);

OutputFormat html_output_format();

}  // namespace leitbild
