#include "check/markdown_files.h"

#include <algorithm>

#include "check/url_policy.h"
#include "load/text_file.h"

namespace leitbild {

std::vector<MarkdownFile> markdown_files(const Project& project) {
  std::vector<MarkdownFile> files;
  for (const Edition& edition : project.editions)
    for (const auto& [lang, chapters] : edition.chapters)
      for (const Chapter& chapter : chapters)
        if (chapter.doc)
          files.push_back({&chapter.path, &chapter.body, chapter.body_first_line, &chapter.doc, &chapter, nullptr});
  for (const Deck& deck : project.decks)
    for (const auto& [lang, text] : deck.texts)
      if (text.doc) files.push_back({&text.path, &text.body, 1, &text.doc, nullptr, &deck});
  return files;
}

std::vector<cmark_node*> collect_nodes(const MarkdownDocument& doc, std::initializer_list<cmark_node_type> types) {
  std::vector<cmark_node*> nodes;
  for (cmark_node* node : doc.links_images_html())
    if (std::find(types.begin(), types.end(), cmark_node_get_type(node)) != types.end()) nodes.push_back(node);
  return nodes;
}

SourceLocation block_location(const MarkdownFile& file, cmark_node* node) {
  while (node && cmark_node_get_start_line(node) <= 0) node = cmark_node_parent(node);
  if (!node) return {*file.path, file.first_line, 1};
  return {*file.path, file.first_line + cmark_node_get_start_line(node) - 1, std::max(1, cmark_node_get_start_column(node))};
}

SourceLocation InlineLocator::locate(cmark_node* node, std::string_view needle) {
  auto is_inline = [](cmark_node* n) { return (cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE; };
  cmark_node* block = node;
  while (block && (is_inline(block) || cmark_node_get_start_line(block) <= 0)) block = cmark_node_parent(block);
  if (!block) return {*file_.path, file_.first_line, 1};
  const SourceLocation fallback = block_location(file_, block);
  if (needle.empty()) return fallback;
  const std::string_view body = *file_.body;
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (std::size_t pos = body.find('\n'); pos != std::string_view::npos; pos = body.find('\n', pos + 1))
      line_starts_.push_back(pos + 1);
  }
  const auto start = static_cast<std::size_t>(cmark_node_get_start_line(block));
  const auto end = std::max(start, static_cast<std::size_t>(cmark_node_get_end_line(block)));
  if (start > line_starts_.size()) return fallback;
  const std::size_t block_begin = line_starts_[start - 1];
  const std::size_t block_end = end < line_starts_.size() ? line_starts_[end] : body.size();
  // Each match is used once, in order: repeated needles map to successive nodes, in linear time.
  std::size_t& next = next_search_.try_emplace({block, std::string(needle)}, block_begin).first->second;
  // A needle not in the source (an autolink's added "mailto:", an entity) is searched for once.
  const std::size_t found = next == std::string_view::npos ? next : body.substr(0, block_end).find(needle, next);
  next = found == std::string_view::npos ? found : found + 1;
  if (found == std::string_view::npos) return fallback;
  const std::size_t line = static_cast<std::size_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), found) - line_starts_.begin());
  const int file_line = file_.first_line + static_cast<int>(line) - 1;
  const int column = static_cast<int>(found - line_starts_[line - 1]) + 1;
  return {*file_.path, file_line, column, file_line, column + static_cast<int>(needle.size())};
}

LocalTarget resolve_local_target(const Project& project, const std::string& file, std::string_view url) {
  namespace fs = std::filesystem;
  LocalTarget target;
  // Lexically first: "../../etc/passwd" must be refused without looking at the disk.
  std::vector<std::string> parts;
  auto push = [&](std::string_view path) {
    std::size_t pos = 0;
    while (pos <= path.size()) {
      std::size_t end = path.find('/', pos);
      if (end == std::string_view::npos) end = path.size();
      std::string_view part = path.substr(pos, end - pos);
      if (part == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.emplace_back(part);
      }
      pos = end + 1;
    }
    return true;
  };
  const std::size_t slash = file.rfind('/');
  push(slash == std::string::npos ? std::string_view() : std::string_view(file).substr(0, slash));
  if (!push(local_url_path(url))) {
    target.status = LocalTarget::Status::escapes;
    return target;
  }
  for (const auto& part : parts) target.relative += (target.relative.empty() ? "" : "/") + part;
  const fs::path full = project.root / target.relative;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(full, ec))) {
    target.status = LocalTarget::Status::missing;
  } else if (!is_inside(project.root, full)) {
    target.status = LocalTarget::Status::link_outside;
  } else if (fs::is_directory(full, ec)) {
    target.status = LocalTarget::Status::folder;
  } else if (!fs::exists(full, ec)) {
    target.status = LocalTarget::Status::missing;  // a dangling link
  } else {
    target.status = LocalTarget::Status::found;
  }
  return target;
}

}  // namespace leitbild
