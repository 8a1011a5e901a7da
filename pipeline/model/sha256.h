#pragma once
// SHA-256 (FIPS 180-4). Small and dependency-free: fingerprints of sources (translations,
// edition locks, render caches) must not depend on which crypto library a machine has.
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
  void compress(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

// Lowercase hex digest (64 characters) of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace leitbild
