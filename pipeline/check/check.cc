#include "check/check.h"

namespace leitbild {

void check_project(const Project& project, Diagnostics& diagnostics) {
  check_structure(project, diagnostics);
  check_parity(project, diagnostics);
}

}  // namespace leitbild
