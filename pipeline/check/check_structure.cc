#include <cmark-gfm.h>
#include <fmt/format.h>

#include "check/check.h"

namespace leitbild {

namespace {

bool has_content(const Chapter& chapter) {
  for (cmark_node* node = cmark_node_first_child(chapter.doc.root()); node; node = cmark_node_next(node))
    if (cmark_node_get_type(node) != CMARK_NODE_HEADING) return true;
  return false;
}

}  // namespace

void check_structure(const Project& project, Diagnostics& diagnostics) {
  for (const Edition& edition : project.editions) {
    for (const auto& [lang, chapters] : edition.chapters) {
      for (const Chapter& chapter : chapters) {
        if (!has_content(chapter)) {
          auto where = chapter.front_matter_keys.count("title") ? chapter.front_matter_keys.at("title")
                                                                 : SourceLocation{chapter.path, 1, 1};
          diagnostics.add("LB0306", where, fmt::format("the chapter \"{}\" has no text", chapter.title),
                          "Write the chapter's text below the front matter, or remove the chapter from edition.yaml.");
        }
        int previous = 1;  // the chapter title stands for level 1
        for (const Section& section : chapter.sections) {
          if (section.level == 1) {
            diagnostics.add("LB0313", section.where,
                            fmt::format("\"{}\" is a top-level `# ` heading inside a chapter", section.title),
                            "The chapter's title comes from `title:` in the front matter; use `## ` for sections.");
          } else if (section.level > previous + 1) {
            diagnostics.add("LB0305", section.where,
                            fmt::format("the heading \"{}\" jumps from level {} to level {}", section.title, previous,
                                        section.level),
                            fmt::format("Use {} (level {}) here, or add the missing level above it.",
                                        std::string(static_cast<std::size_t>(previous + 1), '#'), previous + 1));
          }
          previous = section.level;
        }
      }
    }
  }
}

}  // namespace leitbild
