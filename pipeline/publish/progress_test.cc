#include "publish/progress.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace leitbild {
namespace {

// Runs a two-stage build's worth of progress into a temporary stream and returns what was printed.
std::string printed(Progress::Mode mode) {
  std::FILE* stream = std::tmpfile();
  {
    Progress progress(mode, stream);
    progress.start_stage("load", 0);
    progress.finish_stage();
    progress.start_stage("render", 3);
    for (int i = 0; i < 3; ++i) progress.advance();
    progress.note("leitbild: skipped pdf (no Chromium)");
    progress.finish_stage();
    progress.clear();
  }
  std::string text;
  std::rewind(stream);
  for (int c; (c = std::fgetc(stream)) != EOF;) text.push_back(static_cast<char>(c));
  std::fclose(stream);
  return text;
}

TEST(Progress, TerminalRedrawsOneLineInPlaceAndClearsIt) {
  const std::string text = printed(Progress::Mode::terminal);
  EXPECT_NE(text.find("\r\x1b[Krender 3/3"), std::string::npos) << text;
  // The note gets a line of its own; the updating line never leaves a newline behind.
  EXPECT_NE(text.find("\r\x1b[Kleitbild: skipped pdf (no Chromium)\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("render 3/3  0.0s\n"), std::string::npos) << text;
  EXPECT_TRUE(text.ends_with("\r\x1b[K")) << text;
}

TEST(Progress, PipesGetPlainLinesWithoutControlCharacters) {
  const std::string text = printed(Progress::Mode::lines);
  EXPECT_EQ(text, "leitbild: load\nleitbild: render (3 jobs)\nleitbild: skipped pdf (no Chromium)\n");
}

TEST(Progress, QuietPrintsNothing) { EXPECT_EQ(printed(Progress::Mode::quiet), ""); }

TEST(Progress, ModeFollowsTheStream) {
  std::FILE* file = std::tmpfile();
  EXPECT_EQ(Progress::mode_for(file, false), Progress::Mode::lines);
  EXPECT_EQ(Progress::mode_for(file, true), Progress::Mode::quiet);
  std::fclose(file);
}

}  // namespace
}  // namespace leitbild
