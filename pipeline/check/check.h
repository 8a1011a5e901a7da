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

}  // namespace leitbild
