#pragma once
// Every Markdown text of the project (chapters and deck texts) with what a check needs to report
// positions in it: checks that look at links, images or raw HTML walk them all alike.
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include <cmark-gfm.h>

#include "model/project.h"

namespace leitbild {

struct MarkdownFile {
  const std::string* path = nullptr;  // relative to the project root
  const std::string* body = nullptr;  // the Markdown cmark parsed
  int first_line = 1;                 // file line of the body's line 1
  const MarkdownDocument* doc = nullptr;
  const Chapter* chapter = nullptr;   // null for deck texts
  const Deck* deck = nullptr;
};

std::vector<MarkdownFile> markdown_files(const Project& project);

// The document's links, images and raw HTML of the given types, in document order.
std::vector<cmark_node*> collect_nodes(const MarkdownDocument& doc, std::initializer_list<cmark_node_type> types);

// Where a block starts (inline nodes: their enclosing block), as a file position.
SourceLocation block_location(const MarkdownFile& file, cmark_node* node);

// Finds inline nodes in the source by their raw text (cmark-gfm gives inline nodes no reliable
// columns): the `needle` inside the block that holds the node, or the block's start. A needle
// that occurs several times in one block is matched to the nodes in order, so the second of two
// identical images is reported at the second one.
class InlineLocator {
 public:
  explicit InlineLocator(const MarkdownFile& file) : file_(file) {}
  SourceLocation locate(cmark_node* node, std::string_view needle);
  const MarkdownFile& file() const { return file_; }

 private:
  const MarkdownFile& file_;
  std::vector<std::size_t> line_starts_;  // byte offsets into the body, filled on first use
  std::map<std::pair<cmark_node*, std::string>, std::size_t> next_search_;
};

// A local link or image path, resolved against the folder of the file that contains it.
struct LocalTarget {
  enum class Status { found, missing, folder, escapes, link_outside };
  Status status = Status::missing;
  std::string relative;  // the target relative to the project root ('/'-separated), if inside
};
LocalTarget resolve_local_target(const Project& project, const std::string& file, std::string_view url);

}  // namespace leitbild
