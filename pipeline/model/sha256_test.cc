#include "model/sha256.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace leitbild {
namespace {

// Test vectors from FIPS 180-4's examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf").
TEST(Sha256, EmptyString) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, OneBlockMessageAbc) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, TwoBlockMessage448Bits) {
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, Message896Bits) {
  EXPECT_EQ(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                       "mnopqrstnopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, OneMillionTimesA) {
  EXPECT_EQ(sha256_hex(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, SingleByteAndPaddingEdges) {
  EXPECT_EQ(sha256_hex(std::string_view("\xbd", 1)), "68325720aabd7c82f30f554b313d0570c95accbb7dc4b5aae11204c08ffe732b");
  // 55, 56 and 64 bytes sit on the padding boundaries.
  EXPECT_EQ(sha256_hex(std::string(55, 'a')), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(sha256_hex(std::string(56, 'a')), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(sha256_hex(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(Sha256, PiecewiseUpdateEqualsOneShot) {
  const std::string text = "Die Verwaltung öffnet sich interkulturell; 2019 beschlossen.";
  Sha256 hash;
  for (char c : text) hash.update(std::string_view(&c, 1));
  auto digest = hash.finish();
  std::string hex;
  for (auto b : digest) hex += "0123456789abcdef"[b >> 4], hex += "0123456789abcdef"[b & 15];
  EXPECT_EQ(hex, sha256_hex(text));
}

// The CPU's SHA instructions (where the machine has them) and the portable rounds give the
// same digests, for every length around the block and padding boundaries and for input that
// arrives in uneven pieces.
TEST(Sha256, CpuInstructionsAndPortableRoundsAgree) {
  std::string text;
  for (int i = 0; i < 700; ++i) text += static_cast<char>((i * 131 + 7) % 256);
  auto piecewise = [](std::string_view bytes) {
    Sha256 hash;
    for (std::size_t i = 0; i < bytes.size(); i += 37) hash.update(bytes.substr(i, 37));
    std::string hex;
    for (auto b : hash.finish()) hex += "0123456789abcdef"[b >> 4], hex += "0123456789abcdef"[b & 15];
    return hex;
  };
  std::vector<std::string> fast, portable;
  for (std::size_t length = 0; length <= text.size(); length += 13) {
    fast.push_back(sha256_hex(std::string_view(text).substr(0, length)));
    fast.push_back(piecewise(std::string_view(text).substr(0, length)));
  }
  sha256_allow_cpu_instructions(false);
  EXPECT_FALSE(sha256_uses_cpu_instructions());
  for (std::size_t length = 0; length <= text.size(); length += 13) {
    portable.push_back(sha256_hex(std::string_view(text).substr(0, length)));
    portable.push_back(piecewise(std::string_view(text).substr(0, length)));
  }
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  sha256_allow_cpu_instructions(true);
  EXPECT_EQ(fast, portable);
  for (std::size_t i = 0; i < fast.size(); i += 2) EXPECT_EQ(fast[i], fast[i + 1]);
}

}  // namespace
}  // namespace leitbild
