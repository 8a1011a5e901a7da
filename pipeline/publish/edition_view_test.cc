#include "publish/edition_view.h"

#include <gtest/gtest.h>

#include "resolve/edition_diff.h"

namespace leitbild {
namespace {

Chapter chapter(const std::string& stem, const std::string& title) {
  Chapter c;
  c.stem = stem;
  c.lang = "de";
  c.path = "content/editions/3/de/" + stem + ".md";
  c.title = title;
  c.number = "2";
  Section s;
  s.anchor = stem + "-ziele";
  s.title = "Ziele";
  s.number = "2.1";
  s.level = 2;
  c.sections.push_back(s);
  c.stored_texts = Chapter::StoredTexts{"Einleitung.", {"Die Stadt stärkt die Teilhabe."}};
  return c;
}

Edition shell_of(const Edition& full) {
  Edition shell;
  shell.number = full.number;
  shell.manifest_only = true;
  for (const auto& [lang, chapters] : full.chapters)
    for (const Chapter& c : chapters) {
      Chapter s;
      s.stem = c.stem;
      s.lang = c.lang;
      s.path = c.path;
      shell.chapters[lang].push_back(std::move(s));
    }
  shell.chapters["nl"];  // a language without chapters
  return shell;
}

Edition edition_three() {
  Edition e;
  e.number = 3;
  e.chapters["de"].push_back(chapter("vorwort", "Vorwort"));
  e.chapters["de"].push_back(chapter("ziele", "Ziele"));
  return e;
}

TEST(EditionView, GivesAManifestOnlyEditionItsChaptersBack) {
  const Edition full = edition_three();
  const std::string view = serialize_edition_view(full);
  Edition shell = shell_of(full);
  ASSERT_TRUE(apply_edition_view(view, shell));
  EXPECT_TRUE(shell.from_text_view);
  ASSERT_EQ(shell.chapters["de"].size(), 2u);
  const Chapter& ziele = shell.chapters["de"][1];
  EXPECT_EQ(ziele.title, "Ziele");
  EXPECT_EQ(ziele.number, "2");
  ASSERT_EQ(ziele.sections.size(), 1u);
  EXPECT_EQ(ziele.sections[0].anchor, "ziele-ziele");
  EXPECT_EQ(ziele.sections[0].number, "2.1");
  EXPECT_EQ(chapter_intro_text(ziele), "Einleitung.");
  EXPECT_EQ(section_text(ziele, 0), "Die Stadt stärkt die Teilhabe.");
  EXPECT_EQ(section_text(ziele, 1), "");
  EXPECT_TRUE(shell.chapters.count("nl"));  // the manifest's languages stay
}

TEST(EditionView, IsRefusedWhenItIsNotThisEditionsView) {
  const Edition full = edition_three();
  const std::string view = serialize_edition_view(full);
  auto refused = [&](Edition shell, const std::string& bytes) {
    const std::size_t chapters_before = shell.chapters.at("de").size();
    const bool applied = apply_edition_view(bytes, shell);
    EXPECT_EQ(shell.chapters.at("de").size(), chapters_before);
    for (const Chapter& c : shell.chapters.at("de")) EXPECT_FALSE(c.stored_texts);
    EXPECT_FALSE(shell.from_text_view);
    return !applied;
  };
  Edition other_number = shell_of(full);
  other_number.number = 4;
  EXPECT_TRUE(refused(std::move(other_number), view));
  Edition other_chapters = shell_of(full);
  other_chapters.chapters["de"].pop_back();
  EXPECT_TRUE(refused(std::move(other_chapters), view));
  Edition renamed = shell_of(full);
  renamed.chapters["de"][0].stem = "einleitung";
  EXPECT_TRUE(refused(std::move(renamed), view));
  std::string damaged = view;
  damaged[damaged.size() - 3] ^= 1;
  EXPECT_TRUE(refused(shell_of(full), damaged));
  EXPECT_TRUE(refused(shell_of(full), view.substr(0, view.size() / 2)));
  EXPECT_TRUE(refused(shell_of(full), ""));
}

}  // namespace
}  // namespace leitbild
