#include "publish/front_matter_edit.h"

#include <gtest/gtest.h>

namespace leitbild {
namespace {

constexpr const char* kFp = "sha256:0123456789abcdef";

TEST(FrontMatterEdit, ReplacesOnlyTheExistingLine) {
  const std::string before = "---\ntitle: \"Uitgangspunten\"  # quoted\ntranslation-of: sha256:ffffffffffffffff\nnumber: 4\n---\n\nBody\n";
  EXPECT_EQ(set_front_matter_key(before, "translation-of", kFp),
            "---\ntitle: \"Uitgangspunten\"  # quoted\ntranslation-of: sha256:0123456789abcdef\nnumber: 4\n---\n\nBody\n");
}

TEST(FrontMatterEdit, AddsTheLineAfterTheTitle) {
  EXPECT_EQ(set_front_matter_key("---\ntitle: Uitgangspunten\nnumbered: false\n---\nBody\n", "translation-of", kFp),
            "---\ntitle: Uitgangspunten\ntranslation-of: sha256:0123456789abcdef\nnumbered: false\n---\nBody\n");
}

TEST(FrontMatterEdit, TitleWithContinuationLines) {
  EXPECT_EQ(set_front_matter_key("---\ntitle: >\n  Lange\n  Titel\n\nnumber: 2\n---\nBody\n", "translation-of", kFp),
            "---\ntitle: >\n  Lange\n  Titel\ntranslation-of: sha256:0123456789abcdef\n\nnumber: 2\n---\nBody\n");
}

TEST(FrontMatterEdit, NoTitleAddsBeforeTheClosingLine) {
  EXPECT_EQ(set_front_matter_key("---\nnumber: 2\n---\nBody\n", "translation-of", kFp),
            "---\nnumber: 2\ntranslation-of: sha256:0123456789abcdef\n---\nBody\n");
}

TEST(FrontMatterEdit, CrlfAndBomKeptByteForByte) {
  const std::string before = "\xEF\xBB\xBF---\r\ntitle: Uitgangspunten\r\nnumbered: false\r\n---\r\n\r\nTekst met  dubbele spatie\r\n";
  EXPECT_EQ(set_front_matter_key(before, "translation-of", kFp),
            "\xEF\xBB\xBF---\r\ntitle: Uitgangspunten\r\ntranslation-of: sha256:0123456789abcdef\r\nnumbered: false\r\n---\r\n\r\n"
            "Tekst met  dubbele spatie\r\n");
  const std::string with_line = "\xEF\xBB\xBF---\r\ntitle: Uitgangspunten\r\ntranslation-of: old\r\n---\r\nBody";
  EXPECT_EQ(set_front_matter_key(with_line, "translation-of", kFp),
            "\xEF\xBB\xBF---\r\ntitle: Uitgangspunten\r\ntranslation-of: sha256:0123456789abcdef\r\n---\r\nBody");
}

TEST(FrontMatterEdit, LoneCarriageReturns) {
  EXPECT_EQ(set_front_matter_key("---\rtitle: T\r---\rBody\r", "translation-of", kFp),
            "---\rtitle: T\rtranslation-of: sha256:0123456789abcdef\r---\rBody\r");
}

TEST(FrontMatterEdit, KeysInsideTheBodyOrNestedAreNotTouched) {
  const std::string before = "---\ntitle: T\nmeta:\n  translation-of: x\n---\ntranslation-of: in the body\n";
  EXPECT_EQ(set_front_matter_key(before, "translation-of", kFp),
            "---\ntitle: T\ntranslation-of: sha256:0123456789abcdef\nmeta:\n  translation-of: x\n---\ntranslation-of: in the body\n");
}

TEST(FrontMatterEdit, NoFrontMatter) {
  EXPECT_FALSE(set_front_matter_key("# Titel\n", "translation-of", kFp).has_value());
  EXPECT_FALSE(set_front_matter_key("---\ntitle: never closed\n", "translation-of", kFp).has_value());
  EXPECT_FALSE(set_front_matter_key("", "translation-of", kFp).has_value());
}

}  // namespace
}  // namespace leitbild
