#pragma once
// The glossary as a TBX-Basic term base (TBX v3, ISO 30042:2019, DCA style), for translation
// tools. docs/glossary.md gives the mapping; every export validates against the TBX-Basic RelaxNG
// schema (tests/referees/tbx.sh and tbx_export_test.cc check it).
#include <optional>
#include <string>
#include <string_view>

#include "model/project.h"

namespace leitbild {

inline constexpr const char* kTbxNamespace = "urn:iso:std:iso:30042:ed-2";

// "preferred" -> "preferredTerm-admn-sts" (also admitted, deprecated, superseded); nullopt for
// "none" or an unknown status word.
std::optional<std::string> tbx_status_value(std::string_view status);

// The whole glossary (every language it carries, project languages first) as a TBX document.
// The glossary must have at least one entry (TBX needs one) and unique ids (validate_glossary).
std::string export_tbx(const Project& project);

}  // namespace leitbild
