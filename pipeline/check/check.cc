#include "check/check.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <iterator>
#include <thread>
#include <vector>

namespace leitbild {

void check_project(const Project& project, Diagnostics& diagnostics) {
  using Validator = void (*)(const Project&, Diagnostics&);
  static constexpr Validator kValidators[] = {check_structure, check_parity, check_glossary, check_terms,
                                              check_frozen,    check_links,  check_html,     check_fidelity,
                                              check_freshness, check_decks};
  // Validators only read the project, so they run side by side, each into its own list; the
  // lists are joined in the order above, so the report does not depend on the threads.
  constexpr std::size_t kCount = std::size(kValidators);
  std::array<Diagnostics, kCount> found;
  std::array<std::exception_ptr, kCount> failures;
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < kCount;) {
      try {
        kValidators[i](project, found[i]);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, static_cast<unsigned>(kCount));
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work);
  work();
  for (std::thread& helper : helpers) helper.join();
  for (std::size_t i = 0; i < kCount; ++i) {
    if (failures[i]) std::rethrow_exception(failures[i]);
    diagnostics.append(std::move(found[i].all()));
  }
}

}  // namespace leitbild
