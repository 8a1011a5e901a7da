#include "publish/build_memo.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "publish/output_file.h"
#include "support/tree.h"

namespace leitbild {
namespace {

namespace fs = std::filesystem;

// A build's output stamps come from the files it linked and wrote, not from listing the folder
// again: they must be what listing it would give, or the next build is never "up to date".
TEST(StampFilledOutput, SameAsListingTheFolder) {
  testing::TempTree tree;
  const fs::path before = tree.root() / "dist";
  const fs::path after = tree.root() / "dist.new";
  for (const char* path : {"index.html", "1/de/a.html", "1/de/b.html", "1/nl/a.html", "2/de/a.html", "assets/x.css"})
    ASSERT_EQ(write_output_file(before / path, std::string("old ") + path, 1700000000), "");
  const auto before_stamps = stamp_output(before);
  ASSERT_TRUE(before_stamps);

  // Linked: three files of the previous folder; written: one changed file, one new in a new folder.
  const OutputFilePlace place{after, before, 1700000000};
  for (const char* path : {"index.html", "1/de/a.html", "assets/x.css"})
    ASSERT_EQ(link_previous_output(place, path).way, OutputFileWay::linked);
  ASSERT_EQ(write_output_file(after / "1/de/b.html", "new b", 1700000000), "");
  ASSERT_EQ(write_output_file(after / "3/nl/c.html", "new c", std::nullopt), "");
  ASSERT_EQ(write_output_file(after / "report.json", "{}", 1700000000), "");
  // The previous folder goes away while the stamps are taken (it changes the links' ctime).
  fs::remove_all(before);

  const std::vector<OutputEntry> files = {{"index.html", true},  {"1/de/a.html", true}, {"assets/x.css", true},
                                          {"1/de/b.html", false}, {"3/nl/c.html", false}, {"report.json", false}};
  const auto filled = stamp_filled_output(after, *before_stamps, files);
  ASSERT_TRUE(filled);
  const auto listed = stamp_output(after);
  ASSERT_TRUE(listed);
  EXPECT_EQ(*filled, *listed);
  // A stamp is more than a name: a linked file's stamp really comes from `before`.
  std::vector<FileStamp> doctored = *before_stamps;
  for (FileStamp& s : doctored) s.mtime_ns += 1;
  EXPECT_NE(*stamp_filled_output(after, doctored, files), *listed);
  // A file the build claims to have written but which is not there: no stamps.
  EXPECT_FALSE(stamp_filled_output(after, *before_stamps, {{"missing.html", false}}));
}

// A spare folder is compared by inode only, and listed without a stat per file: the listing must
// give the names and inodes stamp_output gives (links as 0: never the published file).
TEST(ListOutputInodes, NamesAndInodesAsStampOutputGivesThem) {
  testing::TempTree tree;
  const fs::path folder = tree.root() / "spare";
  for (const char* path : {"index.html", "1/de/a.html", "1/nl/a.html", "assets/x.css", "timings.json"})
    ASSERT_EQ(write_output_file(folder / path, "x", std::nullopt), "");
  fs::create_directories(folder / "empty");
  fs::create_symlink(folder / "index.html", folder / "1/de/link.html");
  bool match = true;  // cleared by any entry whose listed inode is not stat's
  const auto stamped = stamp_output(folder, &match);
  const auto listed = list_output_inodes(folder);
  ASSERT_TRUE(stamped && listed);
  EXPECT_TRUE(match);  // ext4, tmpfs: the listing's inode numbers are stat's
  ASSERT_EQ(listed->size(), stamped->size());
  for (std::size_t i = 0; i < listed->size(); ++i) {
    SCOPED_TRACE((*stamped)[i].path);
    EXPECT_EQ((*listed)[i].path, (*stamped)[i].path);
    if ((*stamped)[i].path == "1/de/link.html") EXPECT_EQ((*listed)[i].inode, 0u);
    else EXPECT_EQ((*listed)[i].inode, (*stamped)[i].inode);
  }
  EXPECT_FALSE(list_output_inodes(tree.root() / "missing"));
}

}  // namespace
}  // namespace leitbild
