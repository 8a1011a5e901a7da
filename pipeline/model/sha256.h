#pragma once
// SHA-256 (FIPS 180-4), with the CPU's SHA instructions where it has them (x86 SHA-NI) and a
// portable version everywhere else. A build hashes every source and every output (report.json,
// render cache): portable hashing was a tenth of a build. A crypto library would do the same,
// but OpenSSL's start-up alone (loading libcrypto, its providers and config) costs more than
// `leitbild check` spends hashing a city's whole tree.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace leitbild {

// Incremental hashing for inputs that arrive in pieces.
class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  std::array<std::uint8_t, 32> finish();  // the object is spent afterwards

 private:
  void compress(const std::uint8_t* blocks, std::size_t count);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

// Lowercase hex digest (64 characters) of `bytes`.
std::string sha256_hex(std::string_view bytes);

// Whether this CPU's SHA instructions are used; tests switch them off to check the portable path.
bool sha256_uses_cpu_instructions();
void sha256_allow_cpu_instructions(bool allow);

}  // namespace leitbild
