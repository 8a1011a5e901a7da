#include "model/project.h"

#include <fmt/format.h>

namespace leitbild {

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

std::string LinkTarget::label() const { return number.empty() ? title : number + " " + title; }

std::string Chapter::label() const { return number.empty() ? title : number + " " + title; }

const Chapter* Edition::find_chapter(const LanguageTag& lang, const std::string& stem) const {
  auto it = chapters.find(lang);
  if (it == chapters.end()) return nullptr;
  for (const Chapter& c : it->second)
    if (c.stem == stem) return &c;
  return nullptr;
}

const Edition* Project::find_edition(int number) const {
  for (const Edition& e : editions)
    if (e.number == number) return &e;
  return nullptr;
}

const Term* Project::find_term(const std::string& id) const {
  for (const Term& t : glossary)
    if (t.id == id) return &t;
  return nullptr;
}

}  // namespace leitbild
