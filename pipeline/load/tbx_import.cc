#include "load/tbx_import.h"

#include <fmt/format.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <set>

#include "load/text_file.h"
#include "model/strings.h"

namespace leitbild {

namespace {

struct ParserContextFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};
struct DocumentFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct XmlStringFree {
  void operator()(xmlChar* s) const { xmlFree(s); }
};
using ParserContext = std::unique_ptr<xmlParserCtxt, ParserContextFree>;
using Document = std::unique_ptr<xmlDoc, DocumentFree>;
using XmlString = std::unique_ptr<xmlChar, XmlStringFree>;

struct ParseState {
  bool entity_declared = false;
  int entity_line = 0;
  std::string entity_name;
  bool has_error = false;
  int error_line = 0;
  int error_column = 0;
  std::string error_message;
};

ParseState& state_of(void* ctx) { return *static_cast<ParseState*>(static_cast<xmlParserCtxtPtr>(ctx)->_private); }

// Any entity declaration ends the parse: entities are how XXE and entity bombs work, and a term
// base has no use for them.
void refuse_entity(void* ctx, const xmlChar* name, int /*type*/, const xmlChar* /*public_id*/, const xmlChar* /*system_id*/,
                   xmlChar* /*content*/) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  ParseState& state = state_of(ctx);
  if (!state.entity_declared) {
    state.entity_declared = true;
    state.entity_line = xmlSAX2GetLineNumber(ctx);
    state.entity_name = name ? reinterpret_cast<const char*>(name) : "";
  }
  xmlStopParser(ctxt);
}

void refuse_unparsed_entity(void* ctx, const xmlChar* name, const xmlChar* public_id, const xmlChar* system_id,
                            const xmlChar* /*notation*/) {
  refuse_entity(ctx, name, 0, public_id, system_id, nullptr);
}

void record_error(void* ctx, xmlErrorPtr error) {
  if (!error || error->level < XML_ERR_ERROR) return;
  ParseState& state = state_of(ctx);
  if (state.has_error) return;  // the first error is the one to fix; later ones follow from it
  state.has_error = true;
  state.error_line = error->line;
  state.error_column = error->int2;
  std::string message = error->message ? error->message : "malformed XML";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  state.error_message = message;
}

std::string name_of(xmlNodePtr node) { return node && node->name ? reinterpret_cast<const char*>(node->name) : ""; }

std::string attribute(xmlNodePtr node, const char* name) {
  XmlString value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
  return value ? reinterpret_cast<const char*>(value.get()) : "";
}

bool is_element(xmlNodePtr node) { return node && node->type == XML_ELEMENT_NODE; }

// White space inside TBX elements is layout; blank lines separate paragraphs.
std::string clean_text(const std::string& raw) {
  std::string out;
  std::size_t newlines = 0;
  bool pending_space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (c == '\n') ++newlines;
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += newlines >= 2 ? "\n\n" : " ";
    pending_space = false;
    newlines = 0;
    out += c;
  }
  return normalise_text(out);
}

std::string text_of(xmlNodePtr node) {
  XmlString content(xmlNodeGetContent(node));
  return content ? clean_text(reinterpret_cast<const char*>(content.get())) : std::string();
}

std::string language_of(xmlNodePtr node) {
  XmlString lang(xmlNodeGetLang(node));  // inherited from the nearest ancestor with xml:lang
  if (!lang) return {};
  std::string tag = reinterpret_cast<const char*>(lang.get());
  // The primary subtag in lower case ("EN-us" -> "en-us"): glossary keys are lower-case tags.
  for (std::size_t i = 0; i < tag.size() && tag[i] != '-'; ++i)
    tag[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(tag[i])));
  return tag;
}

// The data category of an element in either TBX style: DCA says `<descrip type="definition">`,
// DCT says `<definition>`.
std::string category_of(xmlNodePtr node) {
  static const std::set<std::string> kByType = {"descrip", "termNote", "admin", "adminNote", "transac", "transacNote",
                                                "ref", "xref", "hi"};
  const std::string name = name_of(node);
  if (kByType.count(name)) {
    std::string type = attribute(node, "type");
    return type.empty() ? name : type;
  }
  return name;
}

void append_paragraph(std::string& to, const std::string& text) {
  if (text.empty()) return;
  if (!to.empty()) to += "\n\n";
  to += text;
}

struct TermRecord {
  std::string word;
  std::string status;  // preferred, admitted, deprecated, superseded, or empty (none given)
};

struct LanguageRecord {
  std::string definition;
  std::string note;
  std::vector<TermRecord> terms;
};

class Reader {
 public:
  explicit Reader(TbxImport& out) : out_(out) {}

  void concept_entry(xmlNodePtr node, std::size_t position) {
    Term term;
    term.id = unique_id(attribute(node, "id"), position);
    std::map<LanguageTag, LanguageRecord> languages;
    std::vector<LanguageTag> order;
    auto record = [&](const LanguageTag& lang) -> LanguageRecord& {
      if (!languages.count(lang)) order.push_back(lang);
      note_language(lang);
      return languages[lang];
    };
    for (xmlNodePtr child = node->children; child; child = child->next) {
      if (!is_element(child)) continue;
      const std::string category = category_of(child);
      if (category == "langSec") {
        const LanguageTag lang = language_of(child);
        if (lang.empty()) {
          drop("langSec without xml:lang");
          continue;
        }
        language_section(child, record(lang));
      } else if (category == "note") {
        append_paragraph(term.note, text_of(child));
      } else if (is_definition(child)) {
        // A concept-level definition belongs to the language it is written in (xml:lang, inherited).
        const LanguageTag lang = language_of(child);
        if (lang.empty()) append_paragraph(term.note, text_of(definition_node(child)));
        else append_paragraph(record(lang).definition, text_of(definition_node(child)));
        drop_group_rest(child);
      } else {
        drop(child);
      }
    }
    for (const LanguageTag& lang : order) term.languages[lang] = to_term_language(languages[lang]);
    out_.glossary.push_back(std::move(term));
  }

 private:
  static bool is_definition(xmlNodePtr node) { return definition_node(node) != nullptr; }

  // `<descrip type="definition">` or a descripGrp around one.
  static xmlNodePtr definition_node(xmlNodePtr node) {
    if (category_of(node) == "definition") return node;
    if (name_of(node) == "descripGrp")
      for (xmlNodePtr c = node->children; c; c = c->next)
        if (is_element(c) && category_of(c) == "definition") return c;
    return nullptr;
  }

  void drop_group_rest(xmlNodePtr group) {
    if (name_of(group) != "descripGrp") return;
    for (xmlNodePtr c = group->children; c; c = c->next)
      if (is_element(c) && category_of(c) != "definition") drop(c);
  }

  void language_section(xmlNodePtr node, LanguageRecord& lang) {
    for (xmlNodePtr child = node->children; child; child = child->next) {
      if (!is_element(child)) continue;
      const std::string category = category_of(child);
      if (category == "termSec") {
        term_section(child, lang);
      } else if (category == "note") {
        append_paragraph(lang.note, text_of(child));
      } else if (is_definition(child)) {
        append_paragraph(lang.definition, text_of(definition_node(child)));
        drop_group_rest(child);
      } else {
        drop(child);
      }
    }
  }

  void term_section(xmlNodePtr node, LanguageRecord& lang) {
    TermRecord record;
    std::vector<std::string> notes;
    for (xmlNodePtr child = node->children; child; child = child->next) {
      if (!is_element(child)) continue;
      const std::string category = category_of(child);
      if (category == "term") {
        record.word = text_of(child);
      } else if (category == "administrativeStatus") {
        record.status = status_word(text_of(child));
      } else if (category == "note") {
        notes.push_back(text_of(child));
      } else if (name_of(child) == "termNoteGrp") {
        for (xmlNodePtr c = child->children; c; c = c->next)
          if (is_element(c) && category_of(c) == "administrativeStatus") record.status = status_word(text_of(c));
          else if (is_element(c)) drop(c);
      } else {
        drop(child);
      }
    }
    if (record.word.empty()) {
      drop("empty term");
      return;
    }
    // Notes about one term stay with the language and say which term they are about.
    for (const std::string& note : notes)
      if (!note.empty()) append_paragraph(lang.note, record.word + ": " + note);
    for (const TermRecord& existing : lang.terms)
      if (existing.word == record.word) return;  // the same term twice in one language
    lang.terms.push_back(std::move(record));
  }

  std::string status_word(const std::string& value) {
    for (const char* known : {"preferred", "admitted", "deprecated", "superseded"})
      if (value == std::string(known) + "Term-admn-sts") return known;
    // TBX-Default and older files also use "standardizedTerm-admn-sts" and friends; the word is
    // kept as a form without its status.
    drop("administrativeStatus " + value);
    return "admitted";
  }

  // Slots: the preferred term (else the first without a status, else the first admitted) is
  // `term`; other usable words are `forms`; deprecated and superseded words are `deprecated`.
  // `statuses` records every word whose TBX status differs from its slot's default.
  static TermLanguage to_term_language(const LanguageRecord& record) {
    TermLanguage tl;
    tl.definition = record.definition;
    tl.note = record.note;
    auto retired = [](const TermRecord& t) { return t.status == "deprecated" || t.status == "superseded"; };
    const TermRecord* head = nullptr;
    for (const char* wanted : {"preferred", "", "admitted"}) {
      for (const TermRecord& t : record.terms)
        if (t.status == wanted) {
          head = &t;
          break;
        }
      if (head) break;
    }
    auto note_status = [&](const TermRecord& t, std::string_view slot_default) {
      const std::string status = t.status.empty() ? "none" : t.status;
      if (status != slot_default) tl.statuses[t.word] = status;
    };
    if (head) {
      tl.term = head->word;
      note_status(*head, "preferred");
    }
    for (const TermRecord& t : record.terms) {
      if (&t == head) continue;
      if (retired(t)) {
        tl.deprecated.push_back(t.word);
        note_status(t, "deprecated");
      } else {
        tl.forms.push_back(t.word);
        note_status(t, "admitted");
      }
    }
    return tl;
  }

  std::string unique_id(const std::string& raw, std::size_t position) {
    std::string id;
    for (char c : raw) {
      unsigned char u = static_cast<unsigned char>(c);
      char lower = static_cast<char>(std::tolower(u));
      if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) id += lower;
      else if (!id.empty() && id.back() != '-') id += '-';
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    if (id.empty()) id = fmt::format("c{}", position + 1);
    if (!(id[0] >= 'a' && id[0] <= 'z')) id = "c-" + id;
    if (id.size() > 60) id.resize(60);
    std::string candidate = id;
    for (int n = 2; !ids_.insert(candidate).second; ++n) candidate = fmt::format("{}-{}", id, n);
    return candidate;
  }

  void note_language(const LanguageTag& lang) {
    if (std::find(out_.languages.begin(), out_.languages.end(), lang) == out_.languages.end()) out_.languages.push_back(lang);
  }

  void drop(const std::string& category) { ++out_.dropped[category]; }

  TbxImport& out_;
  std::set<std::string> ids_;

 public:
  // Groups (descripGrp, adminGrp, termNoteGrp) count as what they hold.
  void drop(xmlNodePtr node) {
    const std::string name = name_of(node);
    if (name == "transacGrp" || name == "back" || !name.ends_with("Grp")) {
      drop(category_of(node));
      return;
    }
    for (xmlNodePtr c = node->children; c; c = c->next)
      if (is_element(c)) drop(c);
  }
};

void walk_entries(xmlNodePtr node, Reader& reader, std::size_t& position) {
  for (xmlNodePtr child = node->children; child; child = child->next) {
    if (!is_element(child)) continue;
    const std::string name = name_of(child);
    if (name == "conceptEntry" || name == "termEntry") reader.concept_entry(child, position++);
    else if (name == "text" || name == "body") walk_entries(child, reader, position);
    else if (name == "back") reader.drop(child);  // shared reference objects (people, bibliography)
  }
}

}  // namespace

std::optional<TbxImport> import_tbx(const std::string& path, const std::string& bytes, Diagnostics& diagnostics) {
  auto refuse = [&](int line, int column, std::string message, std::string hint) {
    diagnostics.add("LB0409", {path, line, column}, std::move(message), std::move(hint));
    return std::nullopt;
  };
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    return refuse(0, 0, "the TBX file is too large to import", "Split the term base into smaller files.");

  ParserContext ctxt(xmlNewParserCtxt());
  if (!ctxt) return refuse(0, 0, "the XML parser could not start", "Try again; the machine may be out of memory.");
  ParseState state;
  ctxt->_private = &state;
  ctxt->sax->entityDecl = refuse_entity;
  ctxt->sax->unparsedEntityDecl = refuse_unparsed_entity;
  ctxt->sax->serror = record_error;
  // No XML_PARSE_NOENT (entities stay unexpanded), no XML_PARSE_DTDLOAD/DTDATTR/DTDVALID (nothing
  // outside the file is read), XML_PARSE_NONET (no network even if libxml2 wanted it).
  Document doc(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), path.c_str(), nullptr,
                                 XML_PARSE_NONET | XML_PARSE_NOWARNING));
  if (state.entity_declared)
    return refuse(state.entity_line, 0,
                  fmt::format("the TBX file declares the XML entity `{}`; leitbild does not import files with entity "
                              "declarations (they can read local files or expand into gigabytes)",
                              state.entity_name),
                  "Export the term base again without a DOCTYPE entity section, or replace the entities by their text.");
  if (state.has_error || !doc || !ctxt->wellFormed)
    return refuse(state.error_line, state.error_column,
                  fmt::format("the TBX file is not well-formed XML: {}", state.has_error ? state.error_message : "unreadable"),
                  "Fix the XML at the line shown (often a missing or misspelt end tag), or export the file again.");
  if (doc->intSubset && (doc->intSubset->entities || doc->intSubset->pentities))
    return refuse(1, 0, "the TBX file's DOCTYPE declares entities", "Export the term base again without a DOCTYPE.");

  xmlNodePtr root = xmlDocGetRootElement(doc.get());
  if (!root || name_of(root) != "tbx")
    return refuse(root ? static_cast<int>(xmlGetLineNo(root)) : 1, 0,
                  fmt::format("the file's root element is <{}>, not the <tbx> of TBX v3 (ISO 30042:2019)", name_of(root)),
                  name_of(root) == "martif" ? "This is TBX 2008 (v2); export the term base as TBX v3 (TBX-Basic) and import that."
                                            : "Import a TBX-Basic file (root element <tbx type=\"TBX-Basic\">).");
  if (root->ns && root->ns->href && std::string(reinterpret_cast<const char*>(root->ns->href)) != "urn:iso:std:iso:30042:ed-2")
    return refuse(static_cast<int>(xmlGetLineNo(root)), 0,
                  fmt::format("the <tbx> element has the namespace `{}`, not TBX v3's `urn:iso:std:iso:30042:ed-2`",
                              reinterpret_cast<const char*>(root->ns->href)),
                  "Import a TBX v3 file.");

  TbxImport result;
  Reader reader(result);
  std::size_t position = 0;
  walk_entries(root, reader, position);
  if (result.glossary.empty())
    return refuse(static_cast<int>(xmlGetLineNo(root)), 0, "the TBX file contains no concept entries (<conceptEntry>)",
                  "Check that the file is a term base and not just a header.");
  return result;
}

}  // namespace leitbild
