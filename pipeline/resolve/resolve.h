#pragma once
// Numbering, anchors, cross-references (and glossary term occurrences, see terms.h). Resolve
// annotates the model in place and reports what cannot be resolved.
#include "model/diagnostic.h"
#include "model/project.h"

namespace leitbild {

void resolve_project(Project& project, Diagnostics& diagnostics);

void number_edition(const Project& project, Edition& edition, Diagnostics& diagnostics);
void assign_anchors(const Project& project, Edition& edition, Diagnostics& diagnostics);
void resolve_chapter_links(const Edition& edition, Chapter& chapter, Diagnostics& diagnostics);
void resolve_deck_links(const Project& project, Deck& deck, Diagnostics& diagnostics);

}  // namespace leitbild
