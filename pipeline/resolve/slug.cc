#include "resolve/slug.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

namespace leitbild {
namespace {

// ICU's de-ASCII writes umlauts as German readers expect (ä -> ae); Any-Latin and Latin-ASCII
// handle everything else, so Dutch, French or Turkish headings also give readable ids.
icu::Transliterator* transliterator() {
  static std::unique_ptr<icu::Transliterator> instance;
  static std::once_flag once;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    instance.reset(icu::Transliterator::createInstance("de-ASCII; Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) instance.reset();
  });
  return instance.get();
}

std::mutex& transliterator_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace

std::string slugify(std::string_view title) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(title.data(), static_cast<int32_t>(title.size())));
  if (icu::Transliterator* t = transliterator()) {
    std::lock_guard lock(transliterator_mutex());  // transliterate() is not thread-safe on one instance
    t->transliterate(text);
  } else {
    text.toLower();
  }
  std::string ascii;
  text.toUTF8String(ascii);
  std::string slug;
  for (char c : ascii) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug += c;
    else if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  while (!slug.empty() && !(slug.front() >= 'a' && slug.front() <= 'z')) slug.erase(0, 1);
  if (slug.size() > 64) {
    slug.resize(64);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  return slug.empty() ? "section" : slug;
}

}  // namespace leitbild
