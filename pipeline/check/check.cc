#include "check/check.h"

#include <array>
#include <iterator>

#include "model/parallel.h"

namespace leitbild {

namespace {

constexpr std::size_t kTextsForParallelChecks = 128;

}  // namespace

void check_project(const Project& project, Diagnostics& diagnostics) {
  using Validator = void (*)(const Project&, Diagnostics&);
  static constexpr Validator kValidators[] = {check_structure, check_parity, check_glossary, check_terms,
                                              check_frozen,    check_links,  check_html,     check_fidelity,
                                              check_freshness, check_decks};
  // Validators only read the project, so they run side by side, each into its own list; the
  // lists are joined in the order above, so the report does not depend on the threads.
  constexpr std::size_t kCount = std::size(kValidators);
  std::array<Diagnostics, kCount> found;
  // On a small tree a second thread's set-up (its own ICU objects, its own malloc arena) costs
  // more than the checks it would take over.
  std::size_t texts = project.decks.size() * project.languages.size();
  for (const Edition& edition : project.editions)
    for (const auto& [lang, chapters] : edition.chapters) texts += chapters.size();
  const std::size_t threads = texts >= kTextsForParallelChecks ? threads_for(kCount, 1) : 1;
  for_each_in_parallel(kCount, threads, [&] {
    return [&](std::size_t i) { kValidators[i](project, found[i]); };
  });
  for (Diagnostics& list : found) diagnostics.append(std::move(list.all()));
}

}  // namespace leitbild
