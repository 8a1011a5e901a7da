#include "resolve/fingerprint.h"

#include "load/load.h"
#include "load/text_file.h"
#include "model/sha256.h"

namespace leitbild {

std::string source_fingerprint(std::string_view title, std::string_view body) {
  std::string input;
  input.reserve(title.size() + 1 + body.size());
  input += title;
  input += '\0';
  input += body;
  return std::string(kFingerprintPrefix) + sha256_hex(input).substr(0, kFingerprintHexDigits);
}

std::string source_fingerprint(const Chapter& source) { return source_fingerprint(source.title, source.body); }

std::optional<std::string> fingerprint_of_chapter_file(std::string_view raw) {
  if (find_utf8_error(raw)) return std::nullopt;
  Diagnostics ignored;  // the caller reports problems with the file its own way
  auto chapter = parse_chapter("source", normalise_text(raw), ignored);
  if (!chapter) return std::nullopt;
  return source_fingerprint(*chapter);
}

std::string normalised_fingerprint(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_fingerprint(std::string_view text) {
  const std::string s = normalised_fingerprint(text);
  if (s.size() != kFingerprintPrefix.size() + kFingerprintHexDigits || !s.starts_with(kFingerprintPrefix)) return false;
  for (std::size_t i = kFingerprintPrefix.size(); i < s.size(); ++i)
    if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return false;
  return true;
}

}  // namespace leitbild
