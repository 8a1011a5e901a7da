#include <fmt/format.h>

#include "check/check.h"

namespace leitbild {

namespace {

std::string describe(const Section& s) {
  return fmt::format("{} \"{}\" {{#{}}}", std::string(static_cast<std::size_t>(s.level), '#'), s.title, s.anchor);
}

// Same anchors, same levels, same order: a translation is the source's section tree.
void compare_sections(const Chapter& source, const Chapter& translation, Diagnostics& diagnostics) {
  const std::size_t n = std::max(source.sections.size(), translation.sections.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (i >= translation.sections.size()) {
      const Section& missing = source.sections[i];
      auto& d = diagnostics.add("LB0302", {translation.path, 0, 0},
                                fmt::format("the translation lacks the section {} of the source", describe(missing)),
                                fmt::format("Add the heading with `{{#{}}}` at the end of the translation.", missing.anchor));
      d.related = missing.where;
      d.related_message = "the source section";
      return;
    }
    const Section& t = translation.sections[i];
    if (i >= source.sections.size()) {
      diagnostics.add("LB0302", t.where,
                      fmt::format("the section {} has no counterpart in the source `{}`", describe(t), source.path),
                      "Remove it, or add the same section to the source first.");
      return;
    }
    const Section& s = source.sections[i];
    if (s.anchor != t.anchor || s.level != t.level) {
      auto& d = diagnostics.add("LB0302", t.where,
                                fmt::format("section {} of the translation is {}, but the source has {} here", i + 1,
                                            describe(t), describe(s)),
                                s.anchor != t.anchor
                                    ? fmt::format("Use the source's anchor `{{#{}}}` and keep the sections in the source's order.", s.anchor)
                                    : fmt::format("Use the source's heading level ({}).", std::string(static_cast<std::size_t>(s.level), '#')));
      d.related = s.where;
      d.related_message = "the source section";
      return;  // one mismatch shifts everything after it; report the first only
    }
  }
}

}  // namespace

void check_parity(const Project& project, Diagnostics& diagnostics) {
  for (const Edition& edition : project.editions) {
    auto source_it = edition.chapters.find(project.source_language());
    if (source_it == edition.chapters.end()) continue;
    for (const auto& [lang, chapters] : edition.chapters) {
      if (lang == project.source_language()) continue;
      for (const Chapter& translation : chapters)
        if (const Chapter* source = edition.find_chapter(project.source_language(), translation.stem))
          compare_sections(*source, translation, diagnostics);
    }
  }
}

}  // namespace leitbild
