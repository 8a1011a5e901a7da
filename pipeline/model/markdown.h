#pragma once
// RAII ownership of a cmark-gfm document tree. The tree is the one AST every stage shares:
// load builds it, resolve annotates it (through side tables keyed by node), renderers walk it.
#include <memory>
#include <string>

struct cmark_node;

namespace leitbild {

struct CmarkNodeFree {
  void operator()(cmark_node* node) const;
};

class MarkdownDocument {
 public:
  MarkdownDocument() = default;
  explicit MarkdownDocument(cmark_node* root) : root_(root) {}
  cmark_node* root() const { return root_.get(); }
  explicit operator bool() const { return root_ != nullptr; }

 private:
  std::unique_ptr<cmark_node, CmarkNodeFree> root_;
};

// Concatenated literal text of a node's descendants (text, code, line breaks as spaces).
std::string plain_text(cmark_node* node);

// Node type as cmark-gfm names it ("paragraph", "table", "strikethrough", ...).
std::string node_type_name(cmark_node* node);

}  // namespace leitbild
