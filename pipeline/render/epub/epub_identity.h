#pragma once
// What makes one EPUB the same book build after build: its identifier and its timestamp.
#include <string>

#include "model/project.h"
#include "render/render.h"

namespace leitbild {

// "urn:uuid:…": a name-based UUID in the layout of version 5 (RFC 9562), hashed with SHA-256
// instead of SHA-1, of the project title (source language), the edition number and the language.
// Stable across builds and machines; differs per edition and per language.
std::string epub_identifier(const Project& project, const Edition& edition, const LanguageTag& lang);

// Seconds since 1970 (UTC) for every timestamp in the book (dcterms:modified and the ZIP entries):
// SOURCE_DATE_EPOCH when given; otherwise midnight UTC of the edition's adoption date; for an
// edition without one, 1 January of its first valid year; else 1980-01-01, the first date a ZIP
// entry can carry. See docs/epub.md.
long long epub_timestamp(const Edition& edition, const RenderOptions& options);

// "2019-04-10T00:00:00Z", the form dcterms:modified requires.
std::string iso_utc(long long unix_seconds);

}  // namespace leitbild
