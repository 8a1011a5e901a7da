#pragma once
// Plain value types every stage shares. Load fills the source fields, resolve fills the
// "resolved" fields; nobody else mutates them.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/diagnostic.h"
#include "model/markdown.h"

struct cmark_node;

namespace leitbild {

using LanguageTag = std::string;
using Localized = std::map<LanguageTag, std::string>;  // language -> text

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  std::string iso() const;  // YYYY-MM-DD
  auto operator<=>(const Date&) const = default;
};

struct Section {
  std::string anchor;
  std::string title;   // plain text, anchor syntax removed
  int level = 2;       // Markdown heading level (2 = first level inside a chapter)
  std::string number;  // "5.4", empty when the chapter is unnumbered
  SourceLocation where;
  cmark_node* heading = nullptr;
  bool explicit_anchor = false;
};

// A resolved cross-reference: where a link to `#anchor` goes and what it says.
struct LinkTarget {
  std::string chapter_stem;
  std::string anchor;  // empty when the target is the chapter itself
  std::string number;
  std::string title;
  std::string label() const;  // "5.4 Interkulturelle Öffnung" or the title alone
};

// A glossary term found in a text node.
struct TermHit {
  std::size_t offset = 0;  // byte offset into the text node's literal
  std::size_t length = 0;
  std::string term_id;
  // The first linkable hit of this term in its section (chapters: `## ` sections; decks: slides).
  // Hits in headings, inside links or images are never first: renderers do not link there.
  bool first_in_section = false;
  bool deprecated = false;  // a retired word of the entry (LB0405); renderers do not link it
  bool explicit_mark = false;  // the text of a `[x](term:id)` link
  // The rest of a term that runs over a soft line break, in the next line's text node: the piece
  // before the break is the hit; renderers link each piece (first_in_section is the same).
  bool continuation = false;
};

// A text node that has term hits, where it stands: the section (chapters: index into
// Chapter::sections of the nearest heading above, -1 before the first heading; decks: the slide
// index) and whether it is in a heading. Resolve lists them in document order, so that the hits
// can be gone through in order without walking the document again.
struct TermHitText {
  cmark_node* node = nullptr;
  int section = -1;
  bool in_heading = false;
};

struct Chapter {
  std::string stem;
  LanguageTag lang;
  std::string path;  // relative to the project root
  std::string title;
  bool numbered = true;
  std::optional<int> explicit_number;
  std::string translation_of;  // fingerprint of the source this translates, if recorded
  std::string body;            // NFC Markdown after the front matter
  int body_first_line = 1;     // line of the file where `body` starts
  MarkdownDocument doc;
  std::map<std::string, SourceLocation> front_matter_keys;

  // Resolved.
  std::string number;  // "5"; empty when unnumbered
  std::vector<Section> sections;
  std::unordered_map<cmark_node*, LinkTarget> links;        // link nodes to "#id"
  std::unordered_map<cmark_node*, std::string> term_links;  // link nodes to "term:id"
  std::unordered_map<cmark_node*, std::vector<TermHit>> term_hits;  // text nodes
  std::vector<TermHitText> term_hit_texts;                          // the keys of term_hits, in order
  // The section each block belongs to (index into sections, -1 before the first heading).
  std::unordered_map<cmark_node*, int> section_of_heading;

  // A chapter of an edition taken from an edition text view (publish/edition_view.h): no `doc`,
  // but its intro and its sections' own texts as chapter_intro_text() and section_text() give them
  // (resolve/edition_diff.h), for the next edition's "what is new" page.
  struct StoredTexts {
    std::string intro;
    std::vector<std::string> sections;  // parallel to `sections`
  };
  std::optional<StoredTexts> stored_texts;

  std::string label() const;  // "5 Erfolgsfaktoren" or the title alone
};

// content/editions/<N>/edition.lock (docs/editions.md): the fingerprints of a frozen edition.
struct LockedFile {
  std::string sha256;  // of the text as loaded (UTF-8, LF, NFC), lowercase hex
  int line = 0;        // in the lock file
};
struct EditionLock {
  std::string path;                           // relative to the root
  std::map<std::string, LockedFile> files;    // project-relative path -> fingerprint
};

struct Edition {
  int number = 0;
  std::string dir;  // relative to the root: content/editions/<N>
  Localized title;
  std::string status = "draft";  // draft | published
  std::optional<Date> adopted;
  std::optional<int> valid_from;
  std::optional<int> valid_to;
  std::vector<std::string> chapter_stems;
  SourceLocation chapters_where;  // the `chapters:` list in edition.yaml
  std::map<LanguageTag, std::vector<Chapter>> chapters;  // in chapter_stems order
  std::vector<std::string> errata;
  std::optional<EditionLock> lock;  // present once `leitbild edition publish` froze the edition
  // Incremental builds (publish/build_memo.h): the edition's outputs are the previous build's, and
  // with manifest_only also its diagnostics: only its manifest was loaded, with chapters that hold
  // nothing but their stem, language and path (for links from other editions' pages).
  bool outputs_carried = false;
  bool manifest_only = false;
  // A manifest_only edition whose chapters came from a text view: titles, numbers, sections and
  // their texts, enough for the next edition's "what is new" page.
  bool from_text_view = false;

  // Resolved: every anchor (section anchors and chapter stems) per language.
  std::map<LanguageTag, std::map<std::string, LinkTarget>> targets;

  const Chapter* find_chapter(const LanguageTag& lang, const std::string& stem) const;
};

struct Slide {
  bool section_title = false;  // a `# ` heading
  cmark_node* heading = nullptr;
  std::string title;
  std::vector<cmark_node*> body;   // blocks after the heading, before `Notes:`
  std::vector<cmark_node*> notes;  // blocks after `Notes:`
  SourceLocation where;
};

struct DeckText {
  LanguageTag lang;
  std::string path;
  std::string body;
  MarkdownDocument doc;
  std::vector<Slide> slides;
  std::unordered_map<cmark_node*, LinkTarget> links;
  std::unordered_map<cmark_node*, std::string> term_links;
  std::unordered_map<cmark_node*, std::vector<TermHit>> term_hits;
  std::vector<TermHitText> term_hit_texts;  // the keys of term_hits, in order
};

struct Deck {
  std::string name;
  std::string dir;
  Localized title;
  std::string presenter;
  Localized role;
  std::string event;
  std::optional<Date> date;
  int edition = 0;
  std::vector<LanguageTag> languages;
  std::string layout = "side-by-side";  // side-by-side | stacked | single
  std::map<LanguageTag, DeckText> texts;
};

struct TermLanguage {
  std::string term;
  std::vector<std::string> forms;
  std::string definition;
  std::vector<std::string> deprecated;
  std::string note;  // optional free text (TBX <note>), shown to editors only
  // Optional TBX administrative status of a word where it differs from its slot's default
  // (term: preferred, forms: admitted, deprecated: deprecated); see docs/glossary.md.
  std::map<std::string, std::string> statuses;
};

struct Term {
  std::string id;
  // Project languages and any other language the glossary file carries (kept for TBX round trips;
  // recognition and checks use the project languages only).
  std::map<LanguageTag, TermLanguage> languages;
  std::string note;  // optional, about the concept as a whole
  SourceLocation where;
};

struct AccessibilityInfo {
  Localized status;        // conformance status text
  Localized limitations;   // known limitations
  std::string contact_email;
  std::string contact_url;
  Localized enforcement;   // enforcement body (Schlichtungsstelle)
  std::string evaluated;   // date of the last evaluation, ISO
};

struct Project {
  std::filesystem::path root;
  Localized title;
  Localized publisher;
  std::vector<LanguageTag> languages;
  std::string theme = "default";
  AccessibilityInfo accessibility;
  std::vector<Edition> editions;  // ascending by number
  std::vector<Deck> decks;        // ascending by name
  std::vector<Term> glossary;
  // Every text file read, by relative path: printers show source lines, fingerprints hash them.
  std::map<std::string, std::string> sources;
  // Glossary ids used in editions an incremental build did not load: the check for unused entries
  // (LB0408) counts them as used.
  std::set<std::string> terms_used_elsewhere;

  const LanguageTag& source_language() const { return languages.front(); }
  const Edition* find_edition(int number) const;
  const Term* find_term(const std::string& id) const;
};

}  // namespace leitbild
