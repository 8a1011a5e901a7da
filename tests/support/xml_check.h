#pragma once
// libxml2 helpers for tests: RelaxNG validation and XPath string lists.
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <memory>
#include <string>
#include <vector>

namespace leitbild::testing {

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

inline XmlDocPtr parse_xml(const std::string& text) {
  return XmlDocPtr(xmlReadMemory(text.data(), static_cast<int>(text.size()), "test.xml", nullptr, XML_PARSE_NONET));
}

// Empty when `xml` is valid against the RelaxNG schema at `schema_path`; else the validator's messages.
inline std::string relaxng_errors(const std::string& xml, const std::string& schema_path) {
  std::string errors;
  auto collect = [](void* out, xmlErrorPtr error) {
    if (error && error->message)
      *static_cast<std::string*>(out) += "line " + std::to_string(error->line) + ": " + error->message;
  };
  xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt(schema_path.c_str());
  xmlRelaxNGPtr schema = parser ? xmlRelaxNGParse(parser) : nullptr;
  if (parser) xmlRelaxNGFreeParserCtxt(parser);
  if (!schema) return "cannot read the schema " + schema_path;
  XmlDocPtr doc = parse_xml(xml);
  if (!doc) {
    xmlRelaxNGFree(schema);
    return "not well-formed XML";
  }
  xmlRelaxNGValidCtxtPtr valid = xmlRelaxNGNewValidCtxt(schema);
  xmlRelaxNGSetValidStructuredErrors(valid, collect, &errors);
  int rc = xmlRelaxNGValidateDoc(valid, doc.get());
  xmlRelaxNGFreeValidCtxt(valid);
  xmlRelaxNGFree(schema);
  if (rc != 0 && errors.empty()) errors = "invalid (rc " + std::to_string(rc) + ")";
  return errors;
}

// String values of an XPath expression; prefix `t:` is the TBX v3 namespace.
inline std::vector<std::string> xpath_strings(xmlDoc* doc, const std::string& expression) {
  std::vector<std::string> out;
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(ctx, reinterpret_cast<const xmlChar*>("t"), reinterpret_cast<const xmlChar*>("urn:iso:std:iso:30042:ed-2"));
  xmlXPathObjectPtr result = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(expression.c_str()), ctx);
  if (result && result->nodesetval)
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      xmlChar* s = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
      out.emplace_back(s ? reinterpret_cast<const char*>(s) : "");
      xmlFree(s);
    }
  xmlXPathFreeObject(result);
  xmlXPathFreeContext(ctx);
  return out;
}

}  // namespace leitbild::testing
