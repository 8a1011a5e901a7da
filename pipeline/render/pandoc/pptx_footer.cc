#include "render/pandoc/pptx_footer.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <optional>
#include <regex>
#include <stdexcept>

#include "render/xhtml/xml_tree.h"

namespace leitbild {

namespace {

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

constexpr const char* kPresentationNamespace = "http://schemas.openxmlformats.org/presentationml/2006/main";
constexpr const char* kPackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

XmlDocument parse_part(const ZipPart& part) {
  XmlDocument doc(xmlReadMemory(part.bytes.data(), static_cast<int>(part.bytes.size()), part.name.c_str(), nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) throw std::runtime_error(part.name + " is not well-formed XML");
  return doc;
}

std::string attribute(xmlNodePtr node, const char* name) {
  xmlChar* value = xmlGetProp(node, x(name));
  if (!value) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

bool is(xmlNodePtr node, const char* ns, const char* local_name) {
  return node && node->type == XML_ELEMENT_NODE && node->ns && xmlStrEqual(node->ns->href, x(ns)) &&
         xmlStrEqual(node->name, x(local_name));
}

// Depth-first, document order; stops at the first node `visit` returns true for.
xmlNodePtr find_element(xmlNodePtr node, const std::function<bool(xmlNodePtr)>& visit) {
  for (xmlNodePtr child = node ? node->children : nullptr; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (visit(child)) return child;
    if (xmlNodePtr found = find_element(child, visit)) return found;
  }
  return nullptr;
}

void each_element(xmlNodePtr node, const std::function<void(xmlNodePtr)>& visit) {
  for (xmlNodePtr child = node ? node->children : nullptr; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    visit(child);
    each_element(child, visit);
  }
}

// "../slideLayouts/slideLayout2.xml" seen from ppt/slides/ -> "ppt/slideLayouts/slideLayout2.xml".
std::string layout_part_name(const std::vector<ZipPart>& parts, const std::string& slide_number) {
  const ZipPart* rels = find_part(parts, fmt::format("ppt/slides/_rels/slide{}.xml.rels", slide_number));
  if (!rels) return {};
  XmlDocument doc = parse_part(*rels);
  std::string target;
  find_element(reinterpret_cast<xmlNodePtr>(doc.get()), [&](xmlNodePtr node) {
    if (!is(node, kPackageRelationships, "Relationship") || !attribute(node, "Type").ends_with("/slideLayout")) return false;
    target = attribute(node, "Target");
    return true;
  });
  if (target.starts_with("/")) return target.substr(1);
  if (target.starts_with("../")) return "ppt/" + target.substr(3);
  return target.empty() ? target : "ppt/slides/" + target;
}

// The layout's footer placeholder index; nullopt when the layout has no footer placeholder.
std::optional<std::string> footer_index(const std::vector<ZipPart>& parts, const std::string& layout_name) {
  const ZipPart* layout = find_part(parts, layout_name);
  if (!layout) return std::nullopt;
  XmlDocument doc = parse_part(*layout);
  xmlNodePtr placeholder = find_element(reinterpret_cast<xmlNodePtr>(doc.get()), [](xmlNodePtr node) {
    return is(node, kPresentationNamespace, "ph") && attribute(node, "type") == "ftr";
  });
  if (!placeholder) return std::nullopt;
  return attribute(placeholder, "idx");
}

void add_footer_shape(ZipPart& slide, const std::string& index, const std::string& text, const std::string& lang) {
  XmlDocument doc = parse_part(slide);
  xmlNodePtr tree = find_element(reinterpret_cast<xmlNodePtr>(doc.get()),
                                 [](xmlNodePtr node) { return is(node, kPresentationNamespace, "spTree"); });
  if (!tree) throw std::runtime_error(slide.name + " has no shape tree");
  long max_id = 0;
  each_element(tree, [&](xmlNodePtr node) {
    if (xmlStrEqual(node->name, x("cNvPr"))) max_id = std::max(max_id, std::strtol(attribute(node, "id").c_str(), nullptr, 10));
  });
  // A fixed shape skeleton (no content in it); the text goes in afterwards as text, unescaped.
  // The theme's body font is named on the run: LibreOffice does not inherit a font into an added
  // footer placeholder otherwise.
  const std::string skeleton = fmt::format(
      R"(<p:sp><p:nvSpPr><p:cNvPr id="{0}" name="Footer Placeholder {0}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>)"
      R"(<p:nvPr><p:ph type="ftr" sz="quarter"{1}/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>)"
      R"(<a:p><a:r><a:rPr dirty="0"><a:latin typeface="+mn-lt"/></a:rPr><a:t></a:t></a:r></a:p></p:txBody></p:sp>)",
      max_id + 1, index.empty() ? std::string() : fmt::format(R"( idx="{}")", index));
  xmlNodePtr shape = nullptr;
  if (xmlParseInNodeContext(tree, skeleton.data(), static_cast<int>(skeleton.size()), XML_PARSE_NONET, &shape) != XML_ERR_OK || !shape) {
    if (shape) xmlFreeNodeList(shape);
    throw std::runtime_error(slide.name + ": the footer shape does not fit its namespaces");
  }
  xmlAddChildList(tree, shape);
  xmlNodePtr run_properties = find_element(shape, [](xmlNodePtr node) { return xmlStrEqual(node->name, x("rPr")); });
  xmlNodePtr text_node = find_element(shape, [](xmlNodePtr node) { return xmlStrEqual(node->name, x("t")); });
  if (run_properties && !lang.empty()) xmlSetProp(run_properties, x("lang"), x(lang.c_str()));
  if (text_node) xmlNodeAddContent(text_node, x(text.c_str()));

  xmlChar* bytes = nullptr;
  int size = 0;
  xmlDocDumpMemoryEnc(doc.get(), &bytes, &size, "UTF-8");
  if (!bytes) throw std::runtime_error(slide.name + " could not be written back");
  slide.bytes.assign(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
  xmlFree(bytes);
}

}  // namespace

int add_slide_footers(std::vector<ZipPart>& parts, const std::string& footer_text, const std::string& lang, bool skip_title_slide) {
  if (footer_text.empty()) return 0;
  static const std::regex slide_name(R"(ppt/slides/slide([0-9]+)\.xml)");
  int added = 0;
  for (ZipPart& part : parts) {
    std::smatch match;
    if (!std::regex_match(part.name, match, slide_name)) continue;
    const std::string number = match[1].str();
    if (skip_title_slide && number == "1") continue;
    const std::string layout = layout_part_name(parts, number);
    const auto index = footer_index(parts, layout);
    if (!index) continue;  // a layout without a footer placeholder: the theme wants none there
    add_footer_shape(part, *index, footer_text, lang);
    ++added;
  }
  return added;
}

}  // namespace leitbild
