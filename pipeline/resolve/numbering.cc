#include <fmt/format.h>

#include <array>

#include "resolve/resolve.h"

namespace leitbild {

namespace {

void number_sections(Chapter& chapter) {
  std::array<int, 6> counters{};
  for (Section& section : chapter.sections) {
    if (chapter.number.empty() || section.level < 2) {
      section.number.clear();
      continue;
    }
    const std::size_t depth = static_cast<std::size_t>(section.level - 2);
    ++counters[depth];
    for (std::size_t d = depth + 1; d < counters.size(); ++d) counters[d] = 0;
    std::string number = chapter.number;
    for (std::size_t d = 0; d <= depth; ++d) number += fmt::format(".{}", std::max(counters[d], 1));
    section.number = number;
  }
}

}  // namespace

// Chapter numbers come from the source language; every translation must agree on which chapters
// are numbered and where explicit numbers restart the count.
void number_edition(const Project& project, Edition& edition, Diagnostics& diagnostics) {
  std::map<std::string, std::string> numbers;  // stem -> number
  std::map<std::string, const Chapter*> source_chapter;
  int counter = 0;
  for (Chapter& chapter : edition.chapters[project.source_language()]) {
    if (!chapter.numbered) chapter.number.clear();
    else {
      counter = chapter.explicit_number ? *chapter.explicit_number : counter + 1;
      chapter.number = std::to_string(counter);
    }
    numbers[chapter.stem] = chapter.number;
    source_chapter[chapter.stem] = &chapter;
  }
  for (auto& [lang, chapters] : edition.chapters) {
    if (lang == project.source_language()) continue;
    for (Chapter& chapter : chapters) {
      auto it = source_chapter.find(chapter.stem);
      if (it == source_chapter.end()) continue;
      const Chapter& source = *it->second;
      if (chapter.numbered != source.numbered || chapter.explicit_number != source.explicit_number) {
        auto key = chapter.front_matter_keys.count("number") ? "number" : "numbered";
        auto where = chapter.front_matter_keys.count(key) ? chapter.front_matter_keys.at(key) : SourceLocation{chapter.path, 1, 1};
        auto& d = diagnostics.add("LB0203", where,
                                  fmt::format("the chapter `{}` is numbered differently in `{}` and `{}`", chapter.stem,
                                              lang, project.source_language()),
                                  fmt::format("Copy `numbered:` and `number:` from {}.", source.path));
        d.related = SourceLocation{source.path, 1, 1};
        d.related_message = "the source language's front matter";
      }
      chapter.number = numbers[chapter.stem];
    }
  }
  for (auto& [lang, chapters] : edition.chapters)
    for (Chapter& chapter : chapters) number_sections(chapter);
}

}  // namespace leitbild
