#pragma once
// Glossary entries -> the YAML that glossary_load.cc reads (used by `leitbild glossary import`).
// Loading the text again gives the same entries (glossary_yaml_test.cc).
#include <string>
#include <vector>

#include "model/project.h"

namespace leitbild {

// `languages` orders the language keys of each entry (others follow in tag order); `comment`
// becomes the file's opening comment lines.
std::string glossary_to_yaml(const std::vector<Term>& glossary, const std::vector<LanguageTag>& languages,
                             const std::string& comment);

}  // namespace leitbild
