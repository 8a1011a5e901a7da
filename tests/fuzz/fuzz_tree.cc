#include "fuzz_tree.h"

#include <unistd.h>

#include <fstream>

namespace leitbild::fuzz {
namespace fs = std::filesystem;

const fs::path& scratch_root() {
  static const fs::path root = [] {
    fs::path p = fs::temp_directory_path() / ("leitbild-fuzz-" + std::to_string(getpid()));
    fs::create_directories(p);
    return p;
  }();
  return root;
}

void write_file(const std::string& relative, std::string_view content) {
  fs::path path = scratch_root() / relative;
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

void write_base_tree() {
  write_file("leitbild.yaml", "title: { de: \"T\", nl: \"T\" }\npublisher: { de: \"P\", nl: \"P\" }\nlanguages: [de, nl]\n");
  write_file("content/editions/1/edition.yaml", "edition: 1\ntitle: { de: \"1\", nl: \"1\" }\nchapters: [a, b]\n");
  write_file("content/editions/1/de/a.md", "---\ntitle: A\n---\n\n## Eins {#eins}\n\nText [](#zwei) und der Integrationsrat.\n");
  write_file("content/editions/1/nl/a.md", "---\ntitle: A\n---\n\n## Een {#eins}\n\nTekst [](#zwei) en de integratieraad.\n");
  write_file("content/editions/1/de/b.md", "---\ntitle: B\n---\n\n## Zwei {#zwei}\n\nMehr [zurück](#eins).\n");
  write_file("content/editions/1/nl/b.md", "---\ntitle: B\n---\n\n## Twee {#zwei}\n\nMeer [terug](#eins).\n");
  write_file("glossary/g.yaml",
             "- id: integrationsrat\n  de: { term: Integrationsrat, definition: D }\n  nl: { term: integratieraad, definition: D }\n");
}

}  // namespace leitbild::fuzz
