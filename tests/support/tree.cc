#include "support/tree.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace leitbild::testing {
namespace fs = std::filesystem;

TempTree::TempTree() {
  std::random_device rd;
  root_ = fs::temp_directory_path() / ("leitbild-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
  fs::create_directories(root_);
}

TempTree::~TempTree() {
  std::error_code ec;
  // Tests may remove permissions; give them back so removal succeeds.
  for (auto it = fs::recursive_directory_iterator(root_, ec); !ec && it != fs::recursive_directory_iterator(); ++it)
    fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(root_, ec);
}

void TempTree::write(const std::string& relative, const std::string& content) const {
  fs::path path = root_ / relative;
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string TempTree::read(const std::string& relative) const {
  std::ifstream in(root_ / relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void TempTree::remove(const std::string& relative) const { fs::remove_all(root_ / relative); }

void TempTree::write_minimal_project() const {
  write("leitbild.yaml",
        "title: { de: \"Leitbild Integration\", nl: \"Integratievisie\" }\n"
        "publisher: { de: \"Stadt Beispiel\", nl: \"Stad Beispiel\" }\n"
        "languages: [de, nl]\n");
  write("content/editions/3/edition.yaml",
        "edition: 3\n"
        "title: { de: \"3. Auflage\", nl: \"3e editie\" }\n"
        "status: published\n"
        "adopted: 2019-04-10\n"
        "valid: { from: 2019, to: 2024 }\n"
        "chapters: [praeambel, grundsaetze]\n");
  write("content/editions/3/de/praeambel.md",
        "---\ntitle: Präambel\nnumbered: false\n---\n\n## Anlass {#anlass}\n\n"
        "Der [Integrationsrat](term:integrationsrat) berät die Stadt. Siehe [](#vielfalt).\n");
  write("content/editions/3/nl/praeambel.md",
        "---\ntitle: Preambule\nnumbered: false\n---\n\n## Aanleiding {#anlass}\n\n"
        "De [integratieraad](term:integrationsrat) adviseert de stad. Zie [](#vielfalt).\n");
  write("content/editions/3/de/grundsaetze.md",
        "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\nVielfalt ist eine Stärke der Stadt.\n\n"
        "### Teilhabe\n\nAlle sollen teilhaben; mehr in [der Präambel](#praeambel).\n");
  write("content/editions/3/nl/grundsaetze.md",
        "---\ntitle: Uitgangspunten\n---\n\n## Diversiteit als kracht {#vielfalt}\n\nDiversiteit is een kracht van de stad.\n\n"
        "### Deelname\n\nIedereen moet kunnen meedoen; meer in [de preambule](#praeambel).\n");
  write("glossary/terms.yaml",
        "- id: integrationsrat\n"
        "  de: { term: Integrationsrat, forms: [Integrationsrates], definition: \"Gewähltes Gremium.\" }\n"
        "  nl: { term: integratieraad, forms: [integratieraden], definition: \"Gekozen orgaan.\" }\n"
        "  deprecated: { de: [Ausländerbeirat] }\n");
  write("content/decks/vortrag/deck.yaml",
        "title: { de: \"Vortrag\", nl: \"Lezing\" }\npresenter: \"A. Beispiel\"\nrole: { de: \"Dezernentin\", nl: \"Wethouder\" }\n"
        "event: \"Test\"\ndate: 2020-01-02\nedition: 3\nlanguages: [de, nl]\nlayout: side-by-side\n");
  write("content/decks/vortrag/de.md", "## Erste Folie\n\nSiehe [](#vielfalt).\n\nNotes:\nNotiz.\n\n## Zweite Folie\n\n- Punkt\n");
  write("content/decks/vortrag/nl.md", "## Eerste dia\n\nZie [](#vielfalt).\n\nNotes:\nNotitie.\n\n## Tweede dia\n\n- Punt\n");
}

CommandResult run_leitbild(const std::string& args, const std::string& runner) {
  static int counter = 0;
  fs::path err_file = fs::temp_directory_path() / ("leitbild-stderr-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
  std::string command = (runner.empty() ? "" : runner + " ") + std::string(LEITBILD_BINARY) + " " + args + " 2>" + err_file.string();
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  std::ostringstream s;
  s << err.rdbuf();
  result.err = s.str();
  fs::remove(err_file);
  return result;
}

}  // namespace leitbild::testing
