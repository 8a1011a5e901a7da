#pragma once
#include <string>
#include <string_view>

namespace leitbild {

// A stable ASCII anchor from a heading, through ICU transliteration that knows German:
// "Öffnung der Verwaltung" -> "oeffnung-der-verwaltung", "Übergang Kita–Grundschule" ->
// "uebergang-kita-grundschule". Never empty ("section" when nothing is left).
std::string slugify(std::string_view title);

}  // namespace leitbild
