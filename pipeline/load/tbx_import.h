#pragma once
// TBX term bases from other tools -> glossary entries (docs/glossary.md, "TBX import"). The parser
// never loads anything from the network or the disk besides the file itself, never expands
// entities, and refuses documents whose DTD declares entities (XXE, "billion laughs"): LB0409.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/project.h"

namespace leitbild {

struct TbxImport {
  std::vector<Term> glossary;
  std::vector<LanguageTag> languages;  // in order of first appearance
  // What TBX carried that a glossary entry has no place for, counted by data category
  // ("context", "source", "partOfSpeech", "transacGrp", ...).
  std::map<std::string, int> dropped;
};

// `path` names the file in diagnostics; `bytes` is its content.
std::optional<TbxImport> import_tbx(const std::string& path, const std::string& bytes, Diagnostics& diagnostics);

}  // namespace leitbild
