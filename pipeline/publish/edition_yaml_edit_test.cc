#include "publish/edition_yaml_edit.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "load/edition_lock.h"

namespace leitbild {
namespace {

TEST(EditionYamlEdit, StatusLineIsReplacedKeepingEverythingElse) {
  const std::string yaml =
      "edition: 3\n# a comment\ntitle:   { de: \"3. Auflage\", nl: \"3e editie\" }\nstatus:  draft   # until the vote\n"
      "adopted: 2019-04-10\nchapters: [a, b]\n";
  auto edited = set_status_published(yaml);
  ASSERT_TRUE(edited);
  EXPECT_EQ(*edited,
            "edition: 3\n# a comment\ntitle:   { de: \"3. Auflage\", nl: \"3e editie\" }\nstatus: published # until the vote\n"
            "adopted: 2019-04-10\nchapters: [a, b]\n");
}

TEST(EditionYamlEdit, StatusLineIsAddedWhenMissing) {
  EXPECT_EQ(*set_status_published("edition: 3\nchapters: [a]\n"), "edition: 3\nchapters: [a]\nstatus: published\n");
  EXPECT_EQ(*set_status_published("edition: 3\nchapters: [a]"), "edition: 3\nchapters: [a]\nstatus: published\n");
  // CRLF files stay CRLF.
  EXPECT_EQ(*set_status_published("edition: 3\r\nchapters: [a]\r\n"), "edition: 3\r\nchapters: [a]\r\nstatus: published\r\n");
  // Nested `status:` keys are not the edition's.
  EXPECT_EQ(*set_status_published("edition: 3\nvalid:\n  status: x\n"), "edition: 3\nvalid:\n  status: x\nstatus: published\n");
}

TEST(EditionYamlEdit, AlreadyPublishedStaysTheSame) {
  const std::string yaml = "edition: 3\nstatus: published\n";
  EXPECT_EQ(*set_status_published(yaml), yaml);
}

TEST(EditionYamlEdit, ErratumAppendedToBlockList) {
  const std::string yaml = "edition: 3\nerrata:\n  - \"Erstes\"\n  - Zweites\nchapters: [a]\n";
  auto edited = append_erratum(yaml, "Drittes: \"Zitat\"", {"Erstes", "Zweites"});
  ASSERT_TRUE(edited);
  EXPECT_EQ(*edited, "edition: 3\nerrata:\n  - \"Erstes\"\n  - Zweites\n  - \"Drittes: \\\"Zitat\\\"\"\nchapters: [a]\n");
  EXPECT_EQ(YAML::Load(*edited)["errata"].as<std::vector<std::string>>(),
            (std::vector<std::string>{"Erstes", "Zweites", "Drittes: \"Zitat\""}));
}

TEST(EditionYamlEdit, ErratumAppendedToUnindentedBlockListAtEnd) {
  auto edited = append_erratum("edition: 3\nerrata:\n- eins", "zwei", {"eins"});
  ASSERT_TRUE(edited);
  EXPECT_EQ(*edited, "edition: 3\nerrata:\n- eins\n- \"zwei\"\n");
}

TEST(EditionYamlEdit, ErratumTurnsFlowListIntoBlockList) {
  auto edited = append_erratum("edition: 3\nerrata: [eins, \"zwei\"]  # old ones\nchapters: [a]\n", "drei", {"eins", "zwei"});
  ASSERT_TRUE(edited);
  EXPECT_EQ(*edited, "edition: 3\nerrata: # old ones\n  - \"eins\"\n  - \"zwei\"\n  - \"drei\"\nchapters: [a]\n");
  EXPECT_EQ(*append_erratum("errata: []\n", "eins", {}), "errata:\n  - \"eins\"\n");
}

TEST(EditionYamlEdit, ErratumAddsTheListWhenMissing) {
  auto edited = append_erratum("edition: 3\nchapters: [a]\n", "Zeile\nzwei", {});
  ASSERT_TRUE(edited);
  EXPECT_EQ(*edited, "edition: 3\nchapters: [a]\nerrata:\n  - \"Zeile\\nzwei\"\n");
  EXPECT_EQ(YAML::Load(*edited)["errata"][0].as<std::string>(), "Zeile\nzwei");
}

TEST(EditionYamlEdit, UnhandledShapesAreRefused) {
  EXPECT_FALSE(append_erratum("errata: einzeln\n", "x", {}));
  EXPECT_FALSE(append_erratum("errata: [eins,\n  zwei]\n", "x", {}));
  EXPECT_FALSE(set_status_published("edition: 3\n...\n"));
}

TEST(EditionLockFormat, RoundTripsAndIsSorted) {
  EditionLock lock;
  lock.path = "content/editions/3/edition.lock";
  lock.files["content/editions/3/nl/a.md"] = {std::string(64, 'b'), 0};
  lock.files["content/editions/3/de/a.md"] = {std::string(64, 'a'), 0};
  lock.files["glossary/terms.yaml"] = {std::string(64, 'c'), 0};
  const std::string text = format_edition_lock(3, lock);
  EXPECT_NE(text.find(std::string(64, 'a') + "  content/editions/3/de/a.md\n" + std::string(64, 'b') +
                      "  content/editions/3/nl/a.md\n" + std::string(64, 'c') + "  glossary/terms.yaml\n"),
            std::string::npos)
      << text;
  Diagnostics d;
  EditionLock parsed = parse_edition_lock(lock.path, text, d);
  EXPECT_TRUE(d.all().empty());
  ASSERT_EQ(parsed.files.size(), 3u);
  EXPECT_EQ(parsed.files["content/editions/3/de/a.md"].sha256, std::string(64, 'a'));
  EXPECT_GT(parsed.files["content/editions/3/de/a.md"].line, 1);
}

TEST(EditionLockFormat, MalformedLinesAreReported) {
  Diagnostics d;
  const std::string good = std::string(64, 'a') + "  content/a.md\n";
  EditionLock lock = parse_edition_lock("x.lock", good + "nonsense\n" + std::string(64, 'a') + "  ../outside.md\n" + good, d);
  EXPECT_EQ(lock.files.size(), 1u);
  ASSERT_EQ(d.all().size(), 3u);
  for (const auto& x : d.all()) EXPECT_EQ(x.code, "LB0502");
  EXPECT_EQ(d.all()[0].where.line, 2);
}

}  // namespace
}  // namespace leitbild
