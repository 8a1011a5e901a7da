// The bundled Münster leitbild is the showcase users judge the tool by: these counts pin it so that
// an edition, a chapter, a glossary entry or a slide cannot disappear without a test saying so.
// Changing the content on purpose means changing the numbers here in the same commit.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "check/check.h"
#include "load/load.h"
#include "resolve/resolve.h"
#include "support/tree.h"

namespace leitbild {
namespace {

Project bundled() {
  Diagnostics diagnostics;
  Project project = load_project(LEITBILD_SOURCE_DIR, diagnostics);
  resolve_project(project, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  return project;
}

TEST(BundledContent, EditionsAndChaptersPerLanguage) {
  const Project project = bundled();
  EXPECT_EQ(project.languages, (std::vector<LanguageTag>{"de", "nl"}));
  std::map<int, std::map<LanguageTag, std::size_t>> chapters;
  for (const Edition& edition : project.editions)
    for (const auto& [lang, list] : edition.chapters) chapters[edition.number][lang] = list.size();
  const std::map<int, std::map<LanguageTag, std::size_t>> expected{
      {1, {{"de", 8}, {"nl", 8}}}, {3, {{"de", 8}, {"nl", 8}}}, {4, {{"de", 7}, {"nl", 7}}}};
  EXPECT_EQ(chapters, expected);
}

TEST(BundledContent, GlossaryEntries) { EXPECT_EQ(bundled().glossary.size(), 48u); }

TEST(BundledContent, SlidesPerDeckAndLanguage) {
  const Project project = bundled();
  std::map<std::string, std::map<LanguageTag, std::size_t>> slides;
  for (const Deck& deck : project.decks)
    for (const auto& [lang, text] : deck.texts) slides[deck.name][lang] = text.slides.size();
  const std::map<std::string, std::map<LanguageTag, std::size_t>> expected{
      {"almelo-2011", {{"de", 22}, {"nl", 22}}}, {"leitbild-2025", {{"de", 12}, {"nl", 12}}}};
  EXPECT_EQ(slides, expected);
}

TEST(BundledContent, CheckReportsNothingAtAll) {
  auto result = testing::run_leitbild("check '" LEITBILD_SOURCE_DIR "' --format json");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto doc = nlohmann::json::parse(result.out);
  EXPECT_EQ(doc["summary"]["errors"], 0) << result.out;
  EXPECT_EQ(doc["summary"]["warnings"], 0) << result.out;
  EXPECT_EQ(doc["summary"]["notes"], 0) << result.out;
}

}  // namespace
}  // namespace leitbild
