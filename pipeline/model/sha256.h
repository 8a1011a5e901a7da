#pragma once
// SHA-256 through OpenSSL's libcrypto, which uses the CPU's SHA instructions where it has them:
// a build hashes every source and every output (report.json, render cache), and a portable
// implementation made that a tenth of the build. The digest is the standard one, so fingerprints
// written by any machine match.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace leitbild {

// Incremental hashing for inputs that arrive in pieces.
class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  std::array<std::uint8_t, 32> finish();  // the object is spent afterwards

 private:
  struct ContextFree {
    void operator()(evp_md_ctx_st* context) const;
  };
  std::unique_ptr<evp_md_ctx_st, ContextFree> context_;
};

// Lowercase hex digest (64 characters) of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace leitbild
