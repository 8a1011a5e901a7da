#pragma once
// RAII ownership of a cmark-gfm document tree. The tree is the one AST every stage shares:
// load builds it, resolve annotates it (through side tables keyed by node), renderers walk it.
#include <memory>
#include <string>
#include <vector>

struct cmark_node;

namespace leitbild {

struct CmarkNodeFree {
  void operator()(cmark_node* node) const;
};

class MarkdownDocument {
 public:
  MarkdownDocument() = default;
  // Takes over the tree and walks it once, for what the stages would otherwise each walk it for.
  explicit MarkdownDocument(cmark_node* root);
  cmark_node* root() const { return root_.get(); }
  explicit operator bool() const { return root_ != nullptr; }

  // Deepest nesting of container blocks (lists, items, block quotes): renderers recurse on it.
  int nesting_depth() const { return nesting_depth_; }
  // Every link, image and raw HTML node (block or inline), in document order: the nodes resolve
  // and the checks look up. (The loader later frees only text and break nodes; nothing adds links.)
  const std::vector<cmark_node*>& links_images_html() const { return links_images_html_; }

 private:
  std::unique_ptr<cmark_node, CmarkNodeFree> root_;
  int nesting_depth_ = 0;
  std::vector<cmark_node*> links_images_html_;
};

// Concatenated literal text of a node's descendants (text, code, line breaks as spaces).
std::string plain_text(cmark_node* node);

// Node type as cmark-gfm names it ("paragraph", "table", "strikethrough", ...).
std::string node_type_name(cmark_node* node);

}  // namespace leitbild
