#include "render/warm_up.h"

#include "render/html/html_theme.h"
#include "render/html/locale_text.h"
#include "render/xhtml/typography.h"
#include "resolve/glossary_index.h"

namespace leitbild {

void warm_up_renderers(const std::vector<LanguageTag>& languages, const RenderOptions& options) {
  Diagnostics ignored;  // a broken labels file is reported by the jobs that use it
  HtmlTheme theme(options, {}, ignored);
  const Project no_terms;
  for (const LanguageTag& lang : languages) {
    theme.labels(lang);
    language_autonym(lang);
    long_date(Date{2000, 1, 1}, lang);
    quote_marks_for(lang);
    glossary_index(no_terms, lang, std::nullopt);  // the language's collator and alphabet
  }
}

}  // namespace leitbild
