#include "render/pandoc/office_toc.h"

#include <libxml/tree.h>

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "render/xhtml/xml_tree.h"

namespace leitbild {

namespace {

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// Elements in one namespace, escaped by libxml2 on output.
class NsBuilder {
 public:
  explicit NsBuilder(xmlNsPtr ns) : ns_(ns) {}
  xmlNodePtr child(xmlNodePtr parent, const char* name, std::initializer_list<std::pair<const char*, std::string>> attrs = {}) const {
    xmlNodePtr node = xmlNewChild(parent, ns_, x(name), nullptr);
    for (const auto& [key, value] : attrs) xmlNewNsProp(node, ns_, x(key), x(value.c_str()));
    return node;
  }
  xmlNodePtr text_child(xmlNodePtr parent, const char* name, const std::string& text) const {
    return xmlNewTextChild(parent, ns_, x(name), x(text.c_str()));
  }

 private:
  xmlNsPtr ns_;
};

// The element with its namespace declarations, without an XML declaration: pandoc pastes it into
// the document body as it is.
std::string serialize_fragment(xmlDocPtr doc, xmlNodePtr root) {
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(), xmlBufferFree);
  xmlNodeDump(buffer.get(), doc, root, 0, 0);
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())), static_cast<std::size_t>(xmlBufferLength(buffer.get())));
}

constexpr const char* kWordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kTextNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr const char* kStyleNamespace = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr const char* kXlinkNamespace = "http://www.w3.org/1999/xlink";

}  // namespace

std::string docx_toc(const std::string& title, const std::vector<TocEntry>& entries) {
  XmlDocument doc(xmlNewDoc(x("1.0")));
  xmlNodePtr sdt = xmlNewDocNode(doc.get(), nullptr, x("sdt"), nullptr);
  xmlDocSetRootElement(doc.get(), sdt);
  xmlNsPtr ns = xmlNewNs(sdt, x(kWordNamespace), x("w"));
  xmlSetNs(sdt, ns);
  const NsBuilder w(ns);

  xmlNodePtr part = w.child(w.child(sdt, "sdtPr"), "docPartObj");
  w.child(part, "docPartGallery", {{"val", "Table of Contents"}});
  w.child(part, "docPartUnique");
  xmlNodePtr content = w.child(sdt, "sdtContent");
  xmlNodePtr heading = w.child(content, "p");
  w.child(w.child(heading, "pPr"), "pStyle", {{"val", "TOCHeading"}});
  w.text_child(w.child(heading, "r"), "t", title);

  auto field_char = [&](xmlNodePtr paragraph, const char* type) {
    xmlNodePtr mark = w.child(w.child(paragraph, "r"), "fldChar", {{"fldCharType", type}});
    // Word recomputes a dirty field (and adds page numbers) when the file is opened.
    if (std::string_view(type) == "begin") xmlNewNsProp(mark, ns, x("dirty"), x("true"));
  };
  auto begin_field = [&](xmlNodePtr paragraph) {
    field_char(paragraph, "begin");
    xmlNodePtr instruction = w.text_child(w.child(paragraph, "r"), "instrText", R"( TOC \o "1-3" \h \z \u )");
    xmlNodeSetSpacePreserve(instruction, 1);
    field_char(paragraph, "separate");
  };
  if (entries.empty()) {
    xmlNodePtr paragraph = w.child(content, "p");
    begin_field(paragraph);
    field_char(paragraph, "end");
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const TocEntry& entry = entries[i];
    xmlNodePtr paragraph = w.child(content, "p");
    w.child(w.child(paragraph, "pPr"), "pStyle", {{"val", fmt::format("TOC{}", std::clamp(entry.level, 1, 9))}});
    if (i == 0) begin_field(paragraph);
    xmlNodePtr link = w.child(paragraph, "hyperlink", {{"anchor", entry.identifier}, {"history", "1"}});
    xmlNodePtr text = w.text_child(w.child(link, "r"), "t", entry.text);
    xmlNodeSetSpacePreserve(text, 1);
    if (i + 1 == entries.size()) field_char(paragraph, "end");
  }
  return serialize_fragment(doc.get(), sdt);
}

std::string odt_toc(const std::string& title, const std::vector<TocEntry>& entries) {
  XmlDocument doc(xmlNewDoc(x("1.0")));
  xmlNodePtr toc = xmlNewDocNode(doc.get(), nullptr, x("table-of-content"), nullptr);
  xmlDocSetRootElement(doc.get(), toc);
  xmlNsPtr text_ns = xmlNewNs(toc, x(kTextNamespace), x("text"));
  xmlNsPtr style_ns = xmlNewNs(toc, x(kStyleNamespace), x("style"));
  xmlNsPtr xlink_ns = xmlNewNs(toc, x(kXlinkNamespace), x("xlink"));
  xmlSetNs(toc, text_ns);
  const NsBuilder t(text_ns);
  xmlNewNsProp(toc, text_ns, x("protected"), x("true"));
  xmlNewNsProp(toc, text_ns, x("name"), x("Table of Contents1"));

  xmlNodePtr source = t.child(toc, "table-of-content-source", {{"outline-level", "3"}});
  xmlNewNsProp(t.text_child(source, "index-title-template", title), text_ns, x("style-name"), x("Contents_20_Heading"));
  for (int level = 1; level <= 3; ++level) {
    xmlNodePtr entry_template = t.child(source, "table-of-content-entry-template",
                                        {{"outline-level", std::to_string(level)}, {"style-name", fmt::format("Contents_20_{}", level)}});
    t.child(entry_template, "index-entry-link-start");
    t.child(entry_template, "index-entry-text");
    xmlNodePtr tab = t.child(entry_template, "index-entry-tab-stop");
    xmlNewNsProp(tab, style_ns, x("type"), x("right"));
    xmlNewNsProp(tab, style_ns, x("leader-char"), x("."));
    t.child(entry_template, "index-entry-page-number");
    t.child(entry_template, "index-entry-link-end");
  }

  xmlNodePtr body = t.child(toc, "index-body");
  xmlNodePtr index_title = t.child(body, "index-title", {{"name", "Table of Contents1_Head"}});
  xmlNewNsProp(t.text_child(index_title, "p", title), text_ns, x("style-name"), x("Contents_20_Heading"));
  for (const TocEntry& entry : entries) {
    xmlNodePtr paragraph = t.child(body, "p", {{"style-name", fmt::format("Contents_20_{}", std::clamp(entry.level, 1, 10))}});
    xmlNodePtr link = t.text_child(paragraph, "a", entry.text);
    xmlNewNsProp(link, xlink_ns, x("type"), x("simple"));
    xmlNewNsProp(link, xlink_ns, x("href"), x(("#" + entry.identifier).c_str()));
  }
  return serialize_fragment(doc.get(), toc);
}

}  // namespace leitbild
