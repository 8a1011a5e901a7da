#pragma once
// RAII and small builders around libxml2 trees. Every XHTML/XML output is built as a tree and
// serialised by libxml2, so escaping and well-formedness hold by construction.
#include <libxml/tree.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace leitbild {

// libxml2 sets up its encoding tables lazily on first use; two render threads doing that at once
// each build a table and one is leaked. Call this on the main thread before starting workers.
void initialise_xml_library();

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocument = std::unique_ptr<xmlDoc, XmlDocFree>;

struct XmlNodeFree {
  void operator()(xmlNode* node) const { xmlFreeNode(node); }
};
using XmlNodeHolder = std::unique_ptr<xmlNode, XmlNodeFree>;

inline constexpr const char* kXhtmlNamespace = "http://www.w3.org/1999/xhtml";

using Attributes = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// A new child element (inheriting the parent's namespace) with attributes.
xmlNodePtr element(xmlNodePtr parent, std::string_view name, Attributes attributes = {});
// Same, with text content.
xmlNodePtr element_text(xmlNodePtr parent, std::string_view name, std::string_view text, Attributes attributes = {});
void append_text(xmlNodePtr parent, std::string_view text);
void set_attribute(xmlNodePtr node, std::string_view name, std::string_view value);

// A document whose root is <html xmlns="http://www.w3.org/1999/xhtml" lang=.. xml:lang=..>.
XmlDocument new_xhtml_document(std::string_view lang, xmlNodePtr* html_out);
inline constexpr const char* kEpubNamespace = "http://www.idpf.org/2007/ops";
// Declares xmlns:epub on `root` (an EPUB content document's <html>), so that the `epub:type`
// attributes the writer sets (MarkdownXmlContext::epub) are namespace-well-formed.
xmlNsPtr declare_epub_namespace(xmlNodePtr root);

// A detached <div> in the XHTML namespace to collect fragment content.
XmlNodeHolder new_fragment_container();

// Children of `container`, serialised with XHTML rules (void elements self-closed, other empty
// elements with an end tag): valid as HTML5 fragments and as XHTML.
std::string serialize_children(xmlNodePtr container);
// The whole document as XML (with declaration) for EPUB content documents.
std::string serialize_document(xmlDocPtr doc);

}  // namespace leitbild
