#pragma once
// The values a translation must carry over unchanged: numbers (every run of digits, so a date
// 26.02.2025 gives 26, 02 and 2025), web addresses and e-mail addresses.
#include <string>
#include <string_view>
#include <vector>

namespace leitbild {

enum class ValueKind { number, url, email };

struct FidelityValue {
  ValueKind kind = ValueKind::number;
  std::string key;    // what is compared: numbers without leading zeros, addresses lowercased
  std::string shown;  // as written
  std::size_t offset = 0;  // in the scanned text
};

std::vector<FidelityValue> fidelity_values(std::string_view text);

// The comparison key of a URL (scheme, "www." and a trailing slash do not matter) or address.
FidelityValue url_value(std::string_view url);
FidelityValue email_value(std::string_view address);

}  // namespace leitbild
