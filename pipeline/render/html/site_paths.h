#pragma once
// Where every page of the HTML site lives, relative to the output folder, and the relative links
// between them (the site works from file:// and from any sub-folder of a web server).
#include <string>
#include <string_view>

#include "model/project.h"

namespace leitbild {

// The portal: the source language's at the top (index.html), the others in <lang>/index.html.
std::string portal_path(const Project& project, const LanguageTag& lang);
std::string accessibility_path(const LanguageTag& lang);
std::string edition_home_path(int edition, const LanguageTag& lang);
// A chapter whose stem is the name of one of the edition's own pages (index, glossary, changes)
// gets a leading underscore, which stems cannot have.
std::string chapter_path(int edition, const LanguageTag& lang, const std::string& stem);
std::string glossary_path(int edition, const LanguageTag& lang);
std::string changes_path(int edition, const LanguageTag& lang);
inline constexpr std::string_view kAssetsDir = "assets/";

// The link from the page at `from` to `to` (both relative to the output folder; `to` may end in
// a #fragment): "../../assets/site.css", "leitziele.html#sprache", "#oeffnung" on the same page.
std::string relative_href(std::string_view from, std::string_view to);

}  // namespace leitbild
