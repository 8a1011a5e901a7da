#include "publish/byte_fields.h"

#include <charconv>

#include "model/sha256.h"

namespace leitbild {

void FieldWriter::str(std::string_view s) {
  out_ += std::to_string(s.size());
  out_ += ':';
  out_ += s;
}

void FieldWriter::num(long long n) {
  out_ += std::to_string(n);
  out_ += ';';
}

void FieldWriter::location(const SourceLocation& where) {
  str(where.file);
  num(where.line);
  num(where.column);
  num(where.end_line);
  num(where.end_column);
}

void FieldWriter::diagnostic(const Diagnostic& d) {
  str(d.code);
  num(static_cast<int>(d.severity));
  location(d.where);
  str(d.message);
  str(d.hint);
  num(d.related ? 1 : 0);
  if (d.related) location(*d.related);
  str(d.related_message);
}

bool FieldReader::num(long long& n) {
  auto end = in_.find(';', pos_);
  if (end == std::string_view::npos) return false;
  auto [ptr, ec] = std::from_chars(in_.data() + pos_, in_.data() + end, n);
  if (ec != std::errc() || ptr != in_.data() + end) return false;
  pos_ = end + 1;
  return true;
}

bool FieldReader::num(int& n) {
  long long value = 0;
  if (!num(value)) return false;
  n = static_cast<int>(value);
  return true;
}

bool FieldReader::str(std::string& s) {
  auto colon = in_.find(':', pos_);
  if (colon == std::string_view::npos) return false;
  std::size_t n = 0;
  auto [ptr, ec] = std::from_chars(in_.data() + pos_, in_.data() + colon, n);
  if (ec != std::errc() || ptr != in_.data() + colon || n > in_.size() - colon - 1) return false;
  s.assign(in_.substr(colon + 1, n));
  pos_ = colon + 1 + n;
  return true;
}

bool FieldReader::location(SourceLocation& where) {
  return str(where.file) && num(where.line) && num(where.column) && num(where.end_line) && num(where.end_column);
}

bool FieldReader::diagnostic(Diagnostic& d) {
  int severity = 0, related = 0;
  if (!str(d.code) || !num(severity) || severity < 0 || severity > 2 || !location(d.where) || !str(d.message) ||
      !str(d.hint) || !num(related))
    return false;
  d.severity = static_cast<Severity>(severity);
  if (related) {
    SourceLocation where;
    if (!location(where)) return false;
    d.related = where;
  }
  return str(d.related_message);
}

std::string checksummed(std::string_view magic, const std::string& body) {
  std::string out;
  out.reserve(magic.size() + 65 + body.size());  // megabytes: one allocation, one copy
  out += magic;
  out += sha256_hex(body);
  out += '\n';
  out += body;
  return out;
}

bool unchecksummed(std::string_view magic, std::string_view bytes, std::string_view& body) {
  if (!bytes.starts_with(magic)) return false;
  bytes.remove_prefix(magic.size());
  if (bytes.size() < 65 || bytes[64] != '\n') return false;
  body = bytes.substr(65);
  return sha256_hex(body) == bytes.substr(0, 64);
}

}  // namespace leitbild
