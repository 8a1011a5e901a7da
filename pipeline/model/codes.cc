#include "model/codes.h"

#include <array>
#include <stdexcept>
#include <string>

namespace leitbild {
namespace {

constexpr auto E = Severity::error;
constexpr auto W = Severity::warning;
constexpr auto N = Severity::note;

constexpr std::array kCodes = {
    // Loading: files, encodings, YAML, the shape of the tree.
    CodeInfo{"LB0101", E, "file-unreadable", "A file or folder could not be read.",
             "Check that the file exists, is a regular file inside the project and is readable."},
    CodeInfo{"LB0102", E, "invalid-utf8", "A text file is not valid UTF-8.",
             "Save the file as UTF-8 (without NUL bytes; UTF-16 is not accepted)."},
    CodeInfo{"LB0103", E, "yaml-syntax", "A YAML file or front matter block is not valid YAML.",
             "Fix the YAML at the line shown: check indentation, colons and quotes."},
    CodeInfo{"LB0104", E, "manifest-missing", "The project has no leitbild.yaml.",
             "Run leitbild in the project root, or create leitbild.yaml (see docs/format.md)."},
    CodeInfo{"LB0105", E, "wrong-type", "A key has a value of the wrong type.",
             "Use the type that docs/format.md gives for this key."},
    CodeInfo{"LB0106", E, "missing-key", "A required key is missing.", "Add the key; docs/format.md lists what is required."},
    CodeInfo{"LB0107", W, "unknown-key", "A key is not part of the format.",
             "Remove the key or correct its spelling; unknown keys are ignored."},
    CodeInfo{"LB0108", E, "chapter-missing", "edition.yaml lists a chapter whose file does not exist.",
             "Create the chapter file in every language, or remove the stem from `chapters:`."},
    CodeInfo{"LB0109", E, "chapter-unlisted", "A chapter file is not listed in edition.yaml.",
             "Add its stem to `chapters:` in edition.yaml, or delete the file."},
    CodeInfo{"LB0110", E, "language-undeclared", "A language folder is not declared in leitbild.yaml.",
             "Add the language to `languages:` in leitbild.yaml, or rename the folder."},
    CodeInfo{"LB0111", E, "front-matter", "A chapter's front matter is missing or not closed.",
             "Start the file with a line `---`, the YAML keys, and a closing line `---`."},
    CodeInfo{"LB0112", E, "invalid-id", "A stem, deck name, anchor or term id uses characters that are not allowed.",
             "Use lowercase ASCII letters, digits and hyphens, starting with a letter (e.g. `oeffnung-der-verwaltung`)."},
    CodeInfo{"LB0113", E, "duplicate-edition", "Two editions have the same number.",
             "Give each edition folder and its `edition:` key a unique number."},
    CodeInfo{"LB0114", E, "empty-edition", "An edition lists no chapters.", "List at least one chapter in `chapters:`."},
    CodeInfo{"LB0115", E, "file-too-large", "A file is larger than leitbild accepts.",
             "Split the chapter; the limits are in docs/robustness.md."},
    CodeInfo{"LB0116", E, "not-a-file", "A path that should be a file is a folder, a device, or a link leaving the project.",
             "Replace it with a regular file inside the project tree."},
    CodeInfo{"LB0117", E, "too-deep", "Markdown nesting is deeper than leitbild accepts.",
             "Flatten the nested lists or block quotes (the limit is in docs/robustness.md)."},
    CodeInfo{"LB0118", E, "empty-deck", "A deck has no slides.", "Start each slide with a `## ` heading."},
    // Resolving: numbering, anchors, cross-references.
    CodeInfo{"LB0201", E, "duplicate-anchor", "Two headings in one edition use the same anchor.",
             "Give one of them a different `{#id}`; anchors must be unique within an edition."},
    CodeInfo{"LB0202", E, "unknown-anchor", "A cross-reference points to an anchor that does not exist.",
             "Correct the `#id` to an existing section anchor or chapter stem of the same edition."},
    CodeInfo{"LB0203", E, "numbering-mismatch", "A chapter is numbered differently in two languages.",
             "Use the same `numbered:` and `number:` in every language's front matter."},
    CodeInfo{"LB0204", E, "anchor-is-stem", "A section anchor equals a chapter stem.",
             "Rename the anchor; chapter stems are anchors too."},
    // Checks: structure, links, safety, translations, decks.
    CodeInfo{"LB0301", E, "chapter-parity", "A chapter exists in one language but not in another.",
             "Create the chapter in every language of the project."},
    CodeInfo{"LB0302", E, "section-mismatch", "A translation's sections differ from the source's.",
             "Give the translation the same headings (same anchors, levels and order) as the source."},
    CodeInfo{"LB0303", E, "missing-file", "A link or image points to a local file that does not exist.",
             "Correct the path (relative to the chapter file) or add the file."},
    CodeInfo{"LB0304", E, "image-no-alt", "An image has no alternative text.",
             "Describe the image in the brackets: `![What the picture shows](file.png)`."},
    CodeInfo{"LB0305", W, "heading-skip", "A heading skips a level.", "Use the next level down (## then ###, not ####)."},
    CodeInfo{"LB0306", E, "empty-chapter", "A chapter has no text.", "Write the chapter or remove it from the edition."},
    CodeInfo{"LB0307", E, "unsafe-html", "Raw HTML that could run code on the published site.",
             "Remove the <script>, <style>, <iframe>, on*= attribute or javascript: link; use Markdown instead."},
    CodeInfo{"LB0308", E, "path-escapes", "A link or image path leaves the project tree.",
             "Only link to files inside the project; use a full https:// address for external pages."},
    CodeInfo{"LB0309", W, "translation-fidelity", "A number, date, address or URL of the source is missing from the translation.",
             "Check the translated paragraph and carry the value over unchanged."},
    CodeInfo{"LB0310", W, "stale-translation", "The source text changed since the translation was made.",
             "Update the translation, then run `leitbild translation accept FILE`."},
    CodeInfo{"LB0311", E, "deck-mismatch", "A deck's languages do not have the same slides.",
             "Give every language of the deck the same slides in the same order."},
    CodeInfo{"LB0312", E, "deck-edition", "A deck names an edition that does not exist.",
             "Set `edition:` in deck.yaml to an existing edition number."},
    CodeInfo{"LB0313", W, "chapter-h1", "A chapter uses a top-level `# ` heading.",
             "The chapter title comes from the front matter; start sections with `## `."},
    CodeInfo{"LB0314", N, "no-fingerprint", "A translation records no source fingerprint.",
             "Run `leitbild translation accept FILE` once the translation is complete."},
    CodeInfo{"LB0315", W, "raw-html", "Raw HTML is dropped from the output.",
             "Write the content in Markdown; HTML comments are fine for notes to other editors."},
    // Glossary.
    CodeInfo{"LB0401", E, "duplicate-term", "Two glossary entries have the same id.", "Give each entry a unique `id:`."},
    CodeInfo{"LB0402", E, "term-incomplete", "A glossary entry lacks a term or definition in a project language.",
             "Add `term:` and `definition:` for every language in leitbild.yaml."},
    CodeInfo{"LB0403", E, "form-claimed-twice", "The same word form belongs to two glossary entries.",
             "Keep the form in one entry only."},
    CodeInfo{"LB0404", E, "deprecated-is-preferred", "A deprecated word is also a preferred term or form.",
             "Remove it from `deprecated:` or from the terms."},
    CodeInfo{"LB0405", E, "deprecated-term", "A retired word is used in the text.",
             "Use the preferred term named in the message."},
    CodeInfo{"LB0406", E, "unknown-term", "A `term:` link names an id the glossary does not have.",
             "Use an existing glossary id or add the entry to glossary/."},
    CodeInfo{"LB0407", W, "term-inconsistent", "A translated section does not use the glossary's term for a concept its source uses.",
             "Use the glossary's term (or one of its forms) in the translation."},
    CodeInfo{"LB0408", N, "term-unused", "A glossary entry is used in no chapter or deck.",
             "Use the term, or remove the entry if the city no longer needs it."},
    CodeInfo{"LB0409", E, "tbx-invalid", "A TBX file could not be imported.", "Fix the XML at the line shown, or export it again."},
    // Editions and publishing.
    CodeInfo{"LB0501", E, "frozen-changed", "A source file of a published edition differs from its lock.",
             "Undo the change, or record it as an erratum: `leitbild edition erratum N --note \"...\"`."},
    CodeInfo{"LB0502", E, "lock-invalid", "An edition.lock file has a line leitbild cannot read.",
             "Do not edit locks by hand: restore the file from version control, or rewrite it with `leitbild edition erratum`."},
    CodeInfo{"LB0601", E, "output-failed", "An output file could not be written.", "Check the output folder's permissions and free space."},
    CodeInfo{"LB0602", E, "tool-missing", "An external tool needed for an output format is not installed.",
             "Install the Debian package named in the message (scripts/setup does it)."},
    CodeInfo{"LB0603", E, "tool-failed", "An external tool failed.", "Read the tool's message shown with the diagnostic."},
    CodeInfo{"LB0604", W, "slide-overflow", "A slide's content does not fit the 1280x720 slide.",
             "Shorten the slide or split it into two."},
    CodeInfo{"LB0605", E, "slides-asset-missing", "A file slide decks are built from (reveal.js or the slide theme) is missing.",
             "Run scripts/setup (it installs reveal.js with `npm ci`), or restore the theme's slides/ folder."},
    CodeInfo{"LB0606", W, "deck-language", "The language asked for with --deck-lang is not a language of the deck.",
             "Use one of the languages in the deck's deck.yaml; the deck is shown in its source language instead."},
    CodeInfo{"LB0610", E, "theme-template", "A template of the HTML theme is missing or has a syntax error.",
             "Fix the template named in the message (Mustache syntax, see docs/themes.md), or delete the project's copy "
             "to use the default theme's."},
    // Publishing (publish/): numbered from 20 so renderers can keep adding codes below.
    CodeInfo{"LB0620", E, "render-failed", "An output format stopped with an internal error or wrote an invalid file name.",
             "This is a bug in leitbild: report the message. Meanwhile build the other formats with `--formats`."},
    CodeInfo{"LB0621", E, "theme-missing", "leitbild.yaml names a theme that has no folder under themes/.",
             "Create themes/<name>/ or set `theme: default` in leitbild.yaml."},
};

}  // namespace

std::span<const CodeInfo> all_codes() { return kCodes; }

const CodeInfo& code_info(std::string_view code) {
  for (const CodeInfo& info : kCodes)
    if (info.code == code) return info;
  throw std::logic_error("unknown diagnostic code " + std::string(code));
}

}  // namespace leitbild
