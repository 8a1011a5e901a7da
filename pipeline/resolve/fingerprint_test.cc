#include "resolve/fingerprint.h"

#include <gtest/gtest.h>

#include "model/sha256.h"

namespace leitbild {
namespace {

TEST(Fingerprint, IsSha256OfTitleNulBody) {
  const std::string expected = "sha256:" + sha256_hex(std::string("Grundsätze\0\n## A\n", 18)).substr(0, 16);
  EXPECT_EQ(source_fingerprint("Grundsätze", "\n## A\n"), expected);
  EXPECT_TRUE(is_fingerprint(expected));
}

TEST(Fingerprint, FileFingerprintIgnoresEncodingDetailsAndOtherKeys) {
  const auto plain = fingerprint_of_chapter_file("---\ntitle: Grundsätze\n---\n\n## Vielfalt {#vielfalt}\n\nText.\n");
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(*plain, source_fingerprint("Grundsätze", "\n## Vielfalt {#vielfalt}\n\nText.\n"));
  // BOM, CRLF and decomposed umlauts are what the loader normalises away.
  EXPECT_EQ(fingerprint_of_chapter_file("\xEF\xBB\xBF---\r\ntitle: Grundsa\xCC\x88tze\r\n---\r\n\r\n## Vielfalt {#vielfalt}\r\n\r\nText.\r\n"),
            plain);
  // Other front matter keys, their order and quoting do not matter.
  EXPECT_EQ(fingerprint_of_chapter_file("---\nnumber: 4\ntitle: \"Grundsätze\"\ntranslation-of: sha256:0000000000000000\n---\n\n"
                                        "## Vielfalt {#vielfalt}\n\nText.\n"),
            plain);
  EXPECT_NE(fingerprint_of_chapter_file("---\ntitle: Grundsätze!\n---\n\n## Vielfalt {#vielfalt}\n\nText.\n"), plain);
  EXPECT_NE(fingerprint_of_chapter_file("---\ntitle: Grundsätze\n---\n\n## Vielfalt {#vielfalt}\n\nText!\n"), plain);
  EXPECT_FALSE(fingerprint_of_chapter_file("no front matter\n").has_value());
}

TEST(Fingerprint, Syntax) {
  EXPECT_TRUE(is_fingerprint("sha256:0123456789abcdef"));
  EXPECT_TRUE(is_fingerprint(" SHA256:0123456789ABCDEF "));
  EXPECT_FALSE(is_fingerprint("sha256:0123456789abcde"));
  EXPECT_FALSE(is_fingerprint("sha256:0123456789abcdeg"));
  EXPECT_FALSE(is_fingerprint("md5:0123456789abcdef"));
  EXPECT_EQ(normalised_fingerprint(" SHA256:ABC "), "sha256:abc");
}

}  // namespace
}  // namespace leitbild
