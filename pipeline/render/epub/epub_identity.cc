#include "render/epub/epub_identity.h"

#include <fmt/format.h>

#include <ctime>

#include "model/sha256.h"

namespace leitbild {

namespace {

long long days_from_civil(int year, unsigned month, unsigned day) {
  // Howard Hinnant's algorithm: no time zone, no libc state.
  year -= month <= 2;
  const long long era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

constexpr long long kZipEpoch = 315532800;  // 1980-01-01T00:00:00Z

}  // namespace

std::string epub_identifier(const Project& project, const Edition& edition, const LanguageTag& lang) {
  const std::string title = project.title.contains(project.source_language()) ? project.title.at(project.source_language()) : "";
  // NUL separators: no title can make two different (title, edition, language) triples collide.
  std::string name = "leitbild-epub";
  name += '\0';
  name += title;
  name += '\0';
  name += std::to_string(edition.number);
  name += '\0';
  name += lang;
  std::string hex = sha256_hex(name).substr(0, 32);
  hex[12] = '5';  // version
  static constexpr char kVariant[] = "89ab";
  const int nibble = hex[16] >= 'a' ? hex[16] - 'a' + 10 : hex[16] - '0';
  hex[16] = kVariant[nibble & 3];  // RFC 9562 variant: 10xx
  return fmt::format("urn:uuid:{}-{}-{}-{}-{}", hex.substr(0, 8), hex.substr(8, 4), hex.substr(12, 4), hex.substr(16, 4), hex.substr(20));
}

long long epub_timestamp(const Edition& edition, const RenderOptions& options) {
  if (options.source_date_epoch) return *options.source_date_epoch;
  if (edition.adopted)
    return days_from_civil(edition.adopted->year, static_cast<unsigned>(edition.adopted->month), static_cast<unsigned>(edition.adopted->day)) * 86400;
  if (edition.valid_from && *edition.valid_from >= 1980) return days_from_civil(*edition.valid_from, 1, 1) * 86400;
  return kZipEpoch;
}

std::string iso_utc(long long unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

}  // namespace leitbild
