#include "render/html/locale_text.h"

#include <unicode/brkiter.h>
#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <map>
#include <memory>
#include <mutex>

namespace leitbild {

namespace {

// ICU formatters are costly to create and every page names several dates and languages.
template <typename Key>
class Memo {
 public:
  template <typename Make>
  std::string get(const Key& key, Make make) {
    {
      std::lock_guard lock(mutex_);
      if (auto it = values_.find(key); it != values_.end()) return it->second;
    }
    std::string value = make();
    std::lock_guard lock(mutex_);
    return values_.emplace(key, std::move(value)).first->second;
  }

 private:
  std::mutex mutex_;
  std::map<Key, std::string> values_;
};

std::string format_long_date(const Date& date, const LanguageTag& lang) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale(lang.c_str());
  std::unique_ptr<icu::TimeZone> utc(icu::TimeZone::createTimeZone("UTC"));
  icu::GregorianCalendar calendar(*utc, locale, status);
  calendar.clear();
  calendar.set(date.year, date.month - 1, date.day, 12, 0, 0);
  const UDate when = calendar.getTime(status);
  std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale));
  if (U_FAILURE(status) || !format) return date.iso();
  format->setTimeZone(*utc);
  icu::UnicodeString text;
  format->format(when, text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string autonym(const LanguageTag& lang) {
  const icu::Locale locale(lang.c_str());
  icu::UnicodeString name;
  locale.getDisplayName(locale, name);
  if (name.isEmpty()) return lang;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> sentences(icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_SUCCESS(status)) name.toTitle(sentences.get(), locale, U_TITLECASE_NO_LOWERCASE | U_TITLECASE_NO_BREAK_ADJUSTMENT);
  std::string out;
  name.toUTF8String(out);
  return out;
}

}  // namespace

std::string long_date(const Date& date, const LanguageTag& lang) {
  static Memo<std::pair<std::string, LanguageTag>> memo;
  return memo.get({date.iso(), lang}, [&] { return format_long_date(date, lang); });
}

std::string language_autonym(const LanguageTag& lang) {
  static Memo<LanguageTag> memo;
  return memo.get(lang, [&] { return autonym(lang); });
}

std::optional<Date> date_from_iso(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto number = [&](std::size_t from, std::size_t length) {
    int value = 0;
    for (std::size_t i = from; i < from + length; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      value = value * 10 + (iso[i] - '0');
    }
    return value;
  };
  Date date{number(0, 4), number(5, 2), number(8, 2)};
  if (date.year < 0 || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return std::nullopt;
  return date;
}

}  // namespace leitbild
