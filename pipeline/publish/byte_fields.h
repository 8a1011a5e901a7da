#pragma once
// Length-prefixed fields for the files leitbild keeps for itself (render cache entries, the build
// memo): unambiguous whatever bytes the fields hold, and cheap to read back.
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace leitbild {

class FieldWriter {
 public:
  void str(std::string_view s);
  void num(long long n);
  void diagnostic(const Diagnostic& d);
  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  std::string take() { return std::move(out_); }

 private:
  void location(const SourceLocation& where);
  std::string out_;
};

// Every read returns false on bytes that are not what the writer wrote (damaged or foreign).
class FieldReader {
 public:
  explicit FieldReader(std::string_view in) : in_(in) {}
  bool num(long long& n);
  bool num(int& n);
  bool str(std::string& s);
  bool diagnostic(Diagnostic& d);
  bool done() const { return pos_ == in_.size(); }

 private:
  bool location(SourceLocation& where);
  std::string_view in_;
  std::size_t pos_ = 0;
};

// `magic` + SHA-256 of the body + "\n" + body; the reverse gives the body, or nothing when the
// checksum does not match.
std::string checksummed(std::string_view magic, const std::string& body);
bool unchecksummed(std::string_view magic, std::string_view bytes, std::string_view& body);

}  // namespace leitbild
