#include "check/check.h"

#include <array>
#include <iterator>

#include "model/parallel.h"

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
  for_each_in_parallel(kCount, threads_for(kCount, 1), [&] {
    return [&](std::size_t i) { kValidators[i](project, found[i]); };
  });
  for (Diagnostics& list : found) diagnostics.append(std::move(list.all()));
}

}  // namespace leitbild
