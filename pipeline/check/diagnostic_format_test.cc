#include "check/diagnostic_format.h"

#include <gtest/gtest.h>

namespace leitbild {
namespace {

TEST(DiagnosticFormat, CharacterColumnsCountUmlautsOnce) {
  EXPECT_EQ(character_column("Über Öffnung: x", 1, 19), 17);
  EXPECT_EQ(character_column("a\nÄÖÜ x", 2, 8), 5);
  EXPECT_EQ(character_column("abc", 1, 6), 6);  // past the end: counted on as bytes
}

TEST(DiagnosticFormat, CaretUnderTheCharacterAfterUmlauts) {
  Diagnostics d;
  d.add("LB0303", {"a.md", 2, 9, 2, 13}, "missing", "hint");
  const std::map<std::string, std::string> sources{{"a.md", "x\nÄrger: ![b](c.png)\n"}};
  EXPECT_EQ(format_text(d, sources, {}),
            "a.md:2:8: error[LB0303]: missing\n"
            "    2 | Ärger: ![b](c.png)\n"
            "      |        ^~~~\n"
            "  hint: hint\n"
            "1 error, 0 warnings\n");
}

TEST(DiagnosticFormat, LongLinesAreQuotedAroundTheColumn) {
  std::string line(100000, 'a');
  line.replace(90000, 5, "ÄRGER");
  const std::map<std::string, std::string> sources{{"a.md", line + "\n"}};
  Diagnostics d;
  d.add("LB0315", {"a.md", 1, 90001, 1, 90007}, "here");
  const std::string text = format_text(d, sources, {});
  EXPECT_NE(text.find("a.md:1:90001: warning[LB0315]: here\n"), std::string::npos) << text;
  const std::size_t quote = text.find("    1 | …");
  ASSERT_NE(quote, std::string::npos) << text;
  const std::size_t caret_line = text.find("      | ", quote);
  ASSERT_NE(caret_line, std::string::npos);
  // The caret sits under the Ä: 50 characters of context and the "…" before it.
  EXPECT_EQ(text.substr(caret_line + 8, 52), std::string(51, ' ') + "^");
  EXPECT_LT(text.size(), 2000u);
}

TEST(DiagnosticFormat, ManyDiagnosticsOnOneLongLineStayFast) {
  std::string line;
  for (int i = 0; i < 20000; ++i) line += "Ä<b>x</b> ";
  const std::map<std::string, std::string> sources{{"a.md", line}};
  Diagnostics d;
  for (int i = 0; i < 20000; ++i) d.add("LB0315", {"a.md", 1, 1 + i * 11 + 2}, "raw");
  const std::string text = format_text(d, sources, {});
  EXPECT_NE(text.find("a.md:1:199992: warning[LB0315]"), std::string::npos);
  EXPECT_LT(text.size(), 20000u * 600);
  EXPECT_NE(format_json(d, sources).find("\"column\": 199992"), std::string::npos);
}

}  // namespace
}  // namespace leitbild
