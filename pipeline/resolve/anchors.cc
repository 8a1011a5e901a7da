#include <fmt/format.h>

#include <set>

#include "resolve/resolve.h"
#include "resolve/slug.h"

namespace leitbild {

namespace {

const Chapter* find_source(const Project& project, const Edition& edition, const std::string& stem) {
  return edition.find_chapter(project.source_language(), stem);
}

}  // namespace

void assign_anchors(const Project& project, Edition& edition, Diagnostics& diagnostics) {
  std::set<std::string> stems(edition.chapter_stems.begin(), edition.chapter_stems.end());
  // Source language first: translations borrow its automatic anchors so that the same section
  // has the same anchor in every language.
  std::vector<LanguageTag> order = {project.source_language()};
  for (const auto& [lang, chapters] : edition.chapters)
    if (lang != project.source_language()) order.push_back(lang);

  for (const LanguageTag& lang : order) {
    auto& chapters = edition.chapters[lang];
    std::map<std::string, const Section*> seen;
    std::map<std::string, LinkTarget>& targets = edition.targets[lang];
    for (Chapter& chapter : chapters)
      targets[chapter.stem] = LinkTarget{chapter.stem, "", chapter.number, chapter.title};
    for (Chapter& chapter : chapters) {
      const Chapter* source = lang == project.source_language() ? nullptr : find_source(project, edition, chapter.stem);
      for (std::size_t i = 0; i < chapter.sections.size(); ++i) {
        Section& section = chapter.sections[i];
        if (section.anchor.empty()) {
          if (source && i < source->sections.size() && source->sections[i].level == section.level &&
              !source->sections[i].explicit_anchor)
            section.anchor = source->sections[i].anchor;
          else {
            std::string base = slugify(section.title);
            std::string candidate = base;
            for (int n = 2; seen.count(candidate) || stems.count(candidate); ++n) candidate = fmt::format("{}-{}", base, n);
            section.anchor = candidate;
          }
        } else if (stems.count(section.anchor)) {
          diagnostics.add("LB0204", section.where,
                          fmt::format("the anchor `{}` is also the name of a chapter of edition {}", section.anchor,
                                      edition.number),
                          fmt::format("Rename the anchor, e.g. `{{#{}-abschnitt}}`.", section.anchor));
        }
        if (auto [it, fresh] = seen.emplace(section.anchor, &section); !fresh) {
          if (section.explicit_anchor) {
            auto& d = diagnostics.add("LB0201", section.where,
                                      fmt::format("the anchor `{}` is used twice in edition {}", section.anchor,
                                                  edition.number),
                                      "Give this heading a different `{#id}`.");
            d.related = it->second->where;
            d.related_message = "first used here";
          }
          continue;
        }
        targets[section.anchor] = LinkTarget{chapter.stem, section.anchor, section.number, section.title};
      }
    }
  }
}

}  // namespace leitbild
