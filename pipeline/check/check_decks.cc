// Decks: every language has the same slides (same number, and section title slides in the same
// places), and the edition the deck resolves against exists.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "check/check.h"

namespace leitbild {

namespace {

std::string kind(const Slide& slide) { return slide.section_title ? "a section slide (`# `)" : "a content slide (`## `)"; }

SourceLocation edition_key_location(const Project& project, const Deck& deck) {
  const std::string manifest = deck.dir + "/deck.yaml";
  auto it = project.sources.find(manifest);
  if (it != project.sources.end()) {
    int line = 1;
    std::string_view text = it->second;
    for (std::size_t pos = 0; pos < text.size(); ++line) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      if (text.substr(pos, end - pos).starts_with("edition:")) return {manifest, line, 1, line, 9};
      pos = end + 1;
    }
  }
  return {manifest, 1, 1};
}

void compare_slides(const DeckText& source, const DeckText& translation, Diagnostics& diagnostics) {
  const std::size_t common = std::min(source.slides.size(), translation.slides.size());
  for (std::size_t i = 0; i < common; ++i) {
    const Slide& s = source.slides[i];
    const Slide& t = translation.slides[i];
    if (s.section_title == t.section_title) continue;
    auto& d = diagnostics.add("LB0311", t.where,
                              fmt::format("slide {} \"{}\" is {} in `{}`, but {} in `{}` (\"{}\")", i + 1, t.title, kind(t),
                                          translation.lang, kind(s), source.lang, s.title),
                              fmt::format("Use `{}` for this heading, as the {} text does, and keep the slides in the same order.",
                                          s.section_title ? "# " : "## ", source.lang));
    d.related = s.where;
    d.related_message = "the slide in the source language";
    return;  // one mismatch shifts everything after it
  }
  if (source.slides.size() == translation.slides.size()) return;
  if (translation.slides.size() < source.slides.size()) {
    const Slide& s = source.slides[common];
    SourceLocation where = translation.slides.empty() ? SourceLocation{translation.path, 1, 1} : translation.slides.back().where;
    auto& d = diagnostics.add("LB0311", where,
                              fmt::format("`{}` has {} slides, `{}` has {}: slide {} \"{}\" has no {} counterpart",
                                          translation.lang, translation.slides.size(), source.lang, source.slides.size(),
                                          common + 1, s.title, translation.lang),
                              fmt::format("Translate the missing slides into `{}`, in the same order.", translation.path));
    d.related = s.where;
    d.related_message = "the first slide without a translation";
  } else {
    const Slide& t = translation.slides[common];
    diagnostics.add("LB0311", t.where,
                    fmt::format("`{}` has {} slides, `{}` has {}: slide {} \"{}\" is not in the {} text", translation.lang,
                                translation.slides.size(), source.lang, source.slides.size(), common + 1, t.title, source.lang),
                    fmt::format("Remove the extra slides, or add them to `{}` first.", source.path));
  }
}

}  // namespace

void check_decks(const Project& project, Diagnostics& diagnostics) {
  for (const Deck& deck : project.decks) {
    // Editions outside `--edition` are not loaded but still exist: ask the disk.
    std::error_code ec;
    const bool edition_exists = project.find_edition(deck.edition) != nullptr ||
                                std::filesystem::is_regular_file(
                                    project.root / fmt::format("content/editions/{}/edition.yaml", deck.edition), ec);
    if (deck.edition > 0 && !edition_exists) {
      std::vector<std::string> numbers;
      for (const auto& entry : std::filesystem::directory_iterator(project.root / "content/editions", ec))
        if (entry.is_directory() && std::filesystem::is_regular_file(entry.path() / "edition.yaml", ec))
          numbers.push_back(entry.path().filename().string());
      std::sort(numbers.begin(), numbers.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
      });
      std::string list;
      for (std::size_t i = 0; i < numbers.size(); ++i) list += (i == 0 ? "" : ", ") + numbers[i];
      diagnostics.add("LB0312", edition_key_location(project, deck),
                      fmt::format("the deck `{}` names edition {}, but there is no edition {}", deck.name, deck.edition,
                                  deck.edition),
                      numbers.empty() ? std::string("Create the edition first (content/editions/N/edition.yaml).")
                                      : fmt::format("Set `edition:` to one of the existing editions: {}.", list));
    }
    if (deck.texts.empty()) continue;
    auto source = deck.texts.find(project.source_language());
    if (source == deck.texts.end()) source = deck.texts.begin();
    for (const auto& [lang, text] : deck.texts)
      if (lang != source->first) compare_slides(source->second, text, diagnostics);
  }
}

}  // namespace leitbild
