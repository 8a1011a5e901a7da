#include "check/check.h"

namespace leitbild {

void check_project(const Project& project, Diagnostics& diagnostics) {
  check_structure(project, diagnostics);
  check_parity(project, diagnostics);
  check_glossary(project, diagnostics);
  check_terms(project, diagnostics);
  check_frozen(project, diagnostics);
  check_links(project, diagnostics);
  check_html(project, diagnostics);
  check_fidelity(project, diagnostics);
  check_freshness(project, diagnostics);
  check_decks(project, diagnostics);
}

}  // namespace leitbild
