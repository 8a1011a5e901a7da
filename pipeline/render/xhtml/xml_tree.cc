#include "render/xhtml/xml_tree.h"

#include <libxml/parser.h>
#include <libxml/xmlsave.h>

namespace leitbild {

namespace {

const xmlChar* X(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

struct XmlBufferFree {
  void operator()(xmlBuffer* b) const { xmlBufferFree(b); }
};

std::string to_string(xmlBuffer* buffer) {
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer)), static_cast<std::size_t>(xmlBufferLength(buffer)));
}

}  // namespace

void initialise_xml_library() { xmlInitParser(); }

xmlNodePtr element(xmlNodePtr parent, std::string_view name, Attributes attributes) {
  xmlNodePtr node = xmlNewChild(parent, nullptr, X(std::string(name)), nullptr);
  for (const auto& [key, value] : attributes) set_attribute(node, key, value);
  return node;
}

xmlNodePtr element_text(xmlNodePtr parent, std::string_view name, std::string_view text, Attributes attributes) {
  xmlNodePtr node = element(parent, name, attributes);
  append_text(node, text);
  return node;
}

void append_text(xmlNodePtr parent, std::string_view text) {
  if (text.empty()) return;
  xmlNodePtr node = xmlNewTextLen(reinterpret_cast<const xmlChar*>(text.data()), static_cast<int>(text.size()));
  xmlAddChild(parent, node);  // merges with a preceding text node
}

void set_attribute(xmlNodePtr node, std::string_view name, std::string_view value) {
  const std::string n(name), v(value);
  if (name.starts_with("xml:")) {
    xmlNsPtr ns = xmlSearchNs(node->doc, node, reinterpret_cast<const xmlChar*>("xml"));
    if (!ns) ns = xmlSearchNsByHref(node->doc, node, XML_XML_NAMESPACE);
    xmlSetNsProp(node, ns, X(n.substr(4)), X(v));
    return;
  }
  xmlSetProp(node, X(n), X(v));
}

XmlDocument new_xhtml_document(std::string_view lang, xmlNodePtr* html_out) {
  XmlDocument doc(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
  xmlNodePtr html = xmlNewDocNode(doc.get(), nullptr, reinterpret_cast<const xmlChar*>("html"), nullptr);
  xmlDocSetRootElement(doc.get(), html);
  xmlNsPtr ns = xmlNewNs(html, reinterpret_cast<const xmlChar*>(kXhtmlNamespace), nullptr);
  xmlSetNs(html, ns);
  set_attribute(html, "lang", lang);
  set_attribute(html, "xml:lang", lang);
  *html_out = html;
  return doc;
}

xmlNsPtr declare_epub_namespace(xmlNodePtr root) {
  const auto* prefix = reinterpret_cast<const xmlChar*>("epub");
  if (xmlNsPtr existing = xmlSearchNs(root->doc, root, prefix)) return existing;
  return xmlNewNs(root, reinterpret_cast<const xmlChar*>(kEpubNamespace), prefix);
}

XmlNodeHolder new_fragment_container() {
  xmlNodePtr div = xmlNewNode(nullptr, reinterpret_cast<const xmlChar*>("div"));
  xmlNsPtr ns = xmlNewNs(div, reinterpret_cast<const xmlChar*>(kXhtmlNamespace), nullptr);
  xmlSetNs(div, ns);
  return XmlNodeHolder(div);
}

std::string serialize_children(xmlNodePtr container) {
  std::unique_ptr<xmlBuffer, XmlBufferFree> buffer(xmlBufferCreate());
  xmlSaveCtxtPtr ctx = xmlSaveToBuffer(buffer.get(), "UTF-8", XML_SAVE_NO_DECL | XML_SAVE_XHTML);
  for (xmlNodePtr child = container->children; child; child = child->next) xmlSaveTree(ctx, child);
  xmlSaveClose(ctx);
  std::string out = to_string(buffer.get());
  // Children of a namespaced container repeat the default namespace declaration; HTML needs none.
  const std::string decl = std::string(" xmlns=\"") + kXhtmlNamespace + "\"";
  for (std::size_t pos; (pos = out.find(decl)) != std::string::npos;) out.erase(pos, decl.size());
  return out;
}

std::string serialize_document(xmlDocPtr doc) {
  std::unique_ptr<xmlBuffer, XmlBufferFree> buffer(xmlBufferCreate());
  xmlSaveCtxtPtr ctx = xmlSaveToBuffer(buffer.get(), "UTF-8", 0);
  xmlSaveDoc(ctx, doc);
  xmlSaveClose(ctx);
  return to_string(buffer.get());
}

}  // namespace leitbild
