#pragma once
// The table of contents of the Word and OpenDocument files. Pandoc's --toc writes an empty TOC
// field that only Word fills in (on opening, after a prompt); LibreOffice shows it empty. So the
// contents are written here as the same kind of field/index, already filled with one linked entry
// per chapter and section: correct in every program at once, and Word's or LibreOffice's "update
// index" adds page numbers (docs/office.md).
#include <string>
#include <vector>

namespace leitbild {

struct TocEntry {
  int level = 1;           // 1 chapter, 2 section, 3 subsection
  std::string identifier;  // the heading's identifier (a bookmark in the file)
  std::string text;        // "5.4 Interkulturelle Öffnung"
};

// A raw "openxml" block: a Word TOC field (\o "1-3" \h) whose result holds the entries.
std::string docx_toc(const std::string& title, const std::vector<TocEntry>& entries);

// A raw "opendocument" block: a text:table-of-content whose index body holds the entries.
std::string odt_toc(const std::string& title, const std::vector<TocEntry>& entries);

}  // namespace leitbild
