#include "render/tbx/tbx_export.h"

#include <libxml/xmlsave.h>

#include <algorithm>
#include <memory>

#include "model/version.h"
#include "render/xhtml/xml_tree.h"

namespace leitbild {

namespace {

struct XmlBufferFree {
  void operator()(xmlBuffer* b) const { xmlBufferFree(b); }
};

// Project languages first (in project order), then any other language the glossary carries.
std::vector<LanguageTag> language_order(const Project& project, const Term& term) {
  std::vector<LanguageTag> order;
  for (const LanguageTag& lang : project.languages)
    if (term.languages.count(lang)) order.push_back(lang);
  for (const auto& [lang, part] : term.languages)
    if (std::find(order.begin(), order.end(), lang) == order.end()) order.push_back(lang);
  return order;
}

void term_section(xmlNodePtr lang_sec, const std::string& word, const TermLanguage& part, std::string_view slot_default) {
  xmlNodePtr sec = element(lang_sec, "termSec");
  element_text(sec, "term", word);
  auto explicit_status = part.statuses.find(word);
  const std::string status = explicit_status == part.statuses.end() ? std::string(slot_default) : explicit_status->second;
  if (auto value = tbx_status_value(status)) element_text(sec, "termNote", *value, {{"type", "administrativeStatus"}});
}

void concept_entry(xmlNodePtr body, const Project& project, const Term& term) {
  std::vector<LanguageTag> languages;
  for (const LanguageTag& lang : language_order(project, term)) {
    const TermLanguage& part = term.languages.at(lang);
    if (!part.term.empty() || !part.forms.empty() || !part.deprecated.empty()) languages.push_back(lang);
  }
  if (languages.empty()) return;  // TBX needs a term in every language section
  xmlNodePtr entry = element(body, "conceptEntry", {{"id", term.id}});
  if (!term.note.empty()) element_text(entry, "note", term.note);
  for (const LanguageTag& lang : languages) {
    const TermLanguage& part = term.languages.at(lang);
    xmlNodePtr lang_sec = element(entry, "langSec", {{"xml:lang", lang}});
    if (!part.definition.empty()) element_text(lang_sec, "descrip", part.definition, {{"type", "definition"}});
    if (!part.note.empty()) element_text(lang_sec, "note", part.note);
    if (!part.term.empty()) term_section(lang_sec, part.term, part, "preferred");
    for (const std::string& form : part.forms) term_section(lang_sec, form, part, "admitted");
    for (const std::string& word : part.deprecated) term_section(lang_sec, word, part, "deprecated");
  }
}

}  // namespace

std::optional<std::string> tbx_status_value(std::string_view status) {
  if (status == "preferred" || status == "admitted" || status == "deprecated" || status == "superseded")
    return std::string(status) + "Term-admn-sts";
  return std::nullopt;
}

std::string export_tbx(const Project& project) {
  XmlDocument doc(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
  xmlNodePtr tbx = xmlNewDocNode(doc.get(), nullptr, reinterpret_cast<const xmlChar*>("tbx"), nullptr);
  xmlDocSetRootElement(doc.get(), tbx);
  xmlSetNs(tbx, xmlNewNs(tbx, reinterpret_cast<const xmlChar*>(kTbxNamespace), nullptr));
  const LanguageTag source = project.languages.empty() ? "und" : project.source_language();
  set_attribute(tbx, "type", "TBX-Basic");
  set_attribute(tbx, "style", "dca");
  set_attribute(tbx, "xml:lang", source);

  xmlNodePtr file_desc = element(element(tbx, "tbxHeader"), "fileDesc");
  auto title = project.title.find(source);
  if (title != project.title.end() && !title->second.empty())
    element_text(element(file_desc, "titleStmt", {{"xml:lang", source}}), "title", title->second);
  element_text(element(file_desc, "sourceDesc"), "p",
               std::string("Glossary exported by leitbild ") + kVersion + " from the project's glossary/*.yaml.");

  xmlNodePtr body = element(element(tbx, "text"), "body");
  for (const Term& term : project.glossary) concept_entry(body, project, term);

  std::unique_ptr<xmlBuffer, XmlBufferFree> buffer(xmlBufferCreate());
  xmlSaveCtxtPtr ctx = xmlSaveToBuffer(buffer.get(), "UTF-8", XML_SAVE_FORMAT);
  xmlSaveDoc(ctx, doc.get());
  xmlSaveClose(ctx);
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                     static_cast<std::size_t>(xmlBufferLength(buffer.get())));
}

}  // namespace leitbild
