#pragma once
// Words the site takes from ICU's locale data rather than from the theme: long dates and the
// names languages give themselves.
#include <optional>
#include <string>
#include <string_view>

#include "model/project.h"

namespace leitbild {

// "26. Februar 2025" (de), "26 februari 2025" (nl): ICU's long date style for the language,
// computed in UTC so the output never depends on the machine's time zone.
std::string long_date(const Date& date, const LanguageTag& lang);

// "2025-02-26" -> Date; nullopt for anything else.
std::optional<Date> date_from_iso(std::string_view iso);

// "Deutsch", "Nederlands": the language's name in itself, capitalised as a menu entry.
std::string language_autonym(const LanguageTag& lang);

}  // namespace leitbild
