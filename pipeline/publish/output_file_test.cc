#include "publish/output_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "support/tree.h"

namespace leitbild {
namespace {

namespace fs = std::filesystem;

struct FileFacts {
  ino_t inode = 0;
  nlink_t links = 0;
  time_t mtime = 0;
};

FileFacts facts(const fs::path& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return {st.st_ino, st.st_nlink, st.st_mtim.tv_sec};
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class OutputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    place_ = {tree_.root() / "dist.staging", tree_.root() / "dist", 1700000000};
    ASSERT_EQ(write_output_file(place_.previous / "1/de/kapitel.html", "<p>alt</p>\n", place_.epoch), "");
  }
  testing::TempTree tree_;
  OutputFilePlace place_;
};

TEST_F(OutputFileTest, WritingSetsTheEpochAsModificationTime) {
  EXPECT_EQ(read(place_.previous / "1/de/kapitel.html"), "<p>alt</p>\n");
  EXPECT_EQ(facts(place_.previous / "1/de/kapitel.html").mtime, 1700000000);
}

TEST_F(OutputFileTest, SameBytesAreLinkedFromThePreviousOutput) {
  const OutputFileResult put = put_output_file(place_, "1/de/kapitel.html", "<p>alt</p>\n");
  ASSERT_EQ(put.error, "");
  EXPECT_EQ(put.way, OutputFileWay::linked);
  const FileFacts now = facts(place_.staging / "1/de/kapitel.html");
  EXPECT_EQ(now.inode, facts(place_.previous / "1/de/kapitel.html").inode);
  EXPECT_EQ(now.links, 2u);
  EXPECT_EQ(read(place_.staging / "1/de/kapitel.html"), "<p>alt</p>\n");
}

TEST_F(OutputFileTest, OtherBytesAreWrittenAndThePreviousFileIsLeftAlone) {
  // Same size, one byte different: the bytes are compared, not just the size.
  for (std::string bytes : {"<p>neu</p>\n", "<p>alt</p>\n\n", "<p>alt</p>"}) {
    const OutputFileResult put = put_output_file(place_, "1/de/kapitel.html", bytes);
    ASSERT_EQ(put.error, "");
    EXPECT_EQ(put.way, OutputFileWay::written) << bytes;
    EXPECT_EQ(read(place_.staging / "1/de/kapitel.html"), bytes);
    EXPECT_NE(facts(place_.staging / "1/de/kapitel.html").inode, facts(place_.previous / "1/de/kapitel.html").inode);
    EXPECT_EQ(read(place_.previous / "1/de/kapitel.html"), "<p>alt</p>\n");
    EXPECT_EQ(facts(place_.previous / "1/de/kapitel.html").links, 1u);
  }
}

TEST_F(OutputFileTest, AnotherEpochIsWrittenSoFileTimesStayReproducible) {
  OutputFilePlace later = place_;
  later.epoch = 1800000000;
  const OutputFileResult put = put_output_file(later, "1/de/kapitel.html", "<p>alt</p>\n");
  EXPECT_EQ(put.way, OutputFileWay::written);
  EXPECT_EQ(facts(later.staging / "1/de/kapitel.html").mtime, 1800000000);
  EXPECT_EQ(facts(place_.previous / "1/de/kapitel.html").mtime, 1700000000);
}

TEST_F(OutputFileTest, NewPathsAndAMissingPreviousOutputAreWritten) {
  EXPECT_EQ(put_output_file(place_, "1/nl/hoofdstuk.html", "<p>nieuw</p>\n").way, OutputFileWay::written);
  OutputFilePlace first = place_;
  first.previous = tree_.root() / "nothing-here";
  EXPECT_EQ(put_output_file(first, "1/de/kapitel.html", "<p>alt</p>\n").way, OutputFileWay::written);
  first.previous.clear();
  EXPECT_EQ(put_output_file(first, "1/de/kapitel.html", "<p>alt</p>\n").way, OutputFileWay::written);
  EXPECT_EQ(read(place_.staging / "1/de/kapitel.html"), "<p>alt</p>\n");
}

TEST_F(OutputFileTest, AFolderOrALinkInThePreviousOutputIsNotTakenOver) {
  fs::create_directories(place_.previous / "1/de/ordner.html");
  EXPECT_EQ(put_output_file(place_, "1/de/ordner.html", "").way, OutputFileWay::written);
  fs::create_symlink(place_.previous / "1/de/kapitel.html", place_.previous / "1/de/verweis.html");
  EXPECT_EQ(put_output_file(place_, "1/de/verweis.html", "<p>alt</p>\n").way, OutputFileWay::written);
  EXPECT_FALSE(fs::is_symlink(place_.staging / "1/de/verweis.html"));
}

// A recycled staging folder holds hard links of the published files: a file put where one already
// is replaces it and never writes into it (the published file keeps its bytes and its inode).
TEST_F(OutputFileTest, AFileAlreadyInStagingIsReplacedNotWrittenInto) {
  ASSERT_EQ(link_previous_output(place_, "1/de/kapitel.html").way, OutputFileWay::linked);
  const FileFacts published = facts(place_.previous / "1/de/kapitel.html");
  EXPECT_EQ(facts(place_.staging / "1/de/kapitel.html").inode, published.inode);
  EXPECT_EQ(put_output_file(place_, "1/de/kapitel.html", "<p>neu</p>\n").way, OutputFileWay::written);
  EXPECT_EQ(read(place_.staging / "1/de/kapitel.html"), "<p>neu</p>\n");
  EXPECT_NE(facts(place_.staging / "1/de/kapitel.html").inode, published.inode);
  EXPECT_EQ(read(place_.previous / "1/de/kapitel.html"), "<p>alt</p>\n");
  EXPECT_EQ(write_output_file(place_.staging / "1/de/kapitel.html", "<p>wieder</p>\n", std::nullopt), "");
  EXPECT_EQ(read(place_.previous / "1/de/kapitel.html"), "<p>alt</p>\n");
  // And a link over a file written there.
  EXPECT_EQ(link_previous_output(place_, "1/de/kapitel.html").way, OutputFileWay::linked);
  EXPECT_EQ(facts(place_.staging / "1/de/kapitel.html").inode, published.inode);
  EXPECT_EQ(put_output_file(place_, "1/de/kapitel.html", "<p>alt</p>\n").way, OutputFileWay::linked);
  EXPECT_EQ(facts(place_.previous / "1/de/kapitel.html").links, 2u);
}

TEST_F(OutputFileTest, AnUnwritableFolderIsAnErrorMessage) {
  tree_.write("dist.staging", "a file where the folder should be");
  const OutputFileResult put = put_output_file(place_, "1/de/neu.html", "x");
  EXPECT_NE(put.error.find("cannot create the folder"), std::string::npos) << put.error;
}

}  // namespace
}  // namespace leitbild
