#pragma once
// The checks: one validator per file, each reporting its own codes from model/codes.cc.
// Checks read the resolved model and never write anything.
#include "model/diagnostic.h"
#include "model/project.h"

namespace leitbild {

void check_project(const Project& project, Diagnostics& diagnostics);

// Validators (check_<name>.cc).
void check_structure(const Project& project, Diagnostics& diagnostics);  // headings, empty chapters
void check_parity(const Project& project, Diagnostics& diagnostics);     // section trees per language
void check_glossary(const Project& project, Diagnostics& diagnostics);   // the term base itself, unused entries
void check_terms(const Project& project, Diagnostics& diagnostics);      // retired words, term links, translations
void check_frozen(const Project& project, Diagnostics& diagnostics);     // published editions against their locks
void check_links(const Project& project, Diagnostics& diagnostics);      // local files exist and stay inside, image alt text
void check_html(const Project& project, Diagnostics& diagnostics);       // raw HTML, script URLs, scripted SVG files
void check_fidelity(const Project& project, Diagnostics& diagnostics);   // numbers, dates, addresses kept in translations
void check_freshness(const Project& project, Diagnostics& diagnostics);  // translations against their source's fingerprint
void check_decks(const Project& project, Diagnostics& diagnostics);      // same slides in every language, deck edition
// The glossary alone (LB0401-LB0404), without the text: for commands that only read glossary/.
void validate_glossary(const Project& project, Diagnostics& diagnostics);

}  // namespace leitbild
