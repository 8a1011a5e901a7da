// Incremental builds (publish/build_memo.h): a build that reuses the memo of the last build of the
// same tree into the same output folder must leave exactly what a cold build of the same tree
// leaves (every file, report.json included) and print exactly the same diagnostics. Each test
// edits a small four-edition tree of its own, builds it incrementally with a fixed cache and output
// folder, then builds it again with --no-cache into another folder and compares both.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <tuple>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "load/load.h"
#include "publish/build_memo.h"
#include "publish/edition_view.h"
#include "resolve/edition_diff.h"
#include "resolve/resolve.h"
#include "support/tree.h"

namespace leitbild {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::run_leitbild;
using testing::TempTree;

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct FileState {
  std::string bytes;
  long long mtime_s = 0;
  bool operator==(const FileState&) const = default;
};
using Snapshot = std::map<std::string, FileState>;

// Every regular file under `dir`, by relative path (symbolic links would show as missing).
Snapshot snapshot(const fs::path& dir) {
  Snapshot files;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    struct stat st {};
    ::stat(entry.path().c_str(), &st);
    files[fs::relative(entry.path(), dir).string()] = {read_bytes(entry.path()), static_cast<long long>(st.st_mtim.tv_sec)};
  }
  return files;
}

// The paths in which two snapshots differ, one line each ("" when they are the same).
std::string differences(const Snapshot& incremental, const Snapshot& cold) {
  std::string out;
  int listed = 0;
  auto add = [&](const std::string& line) {
    if (++listed <= 40) out += "  " + line + "\n";
  };
  for (const auto& [path, state] : incremental) {
    auto it = cold.find(path);
    if (it == cold.end()) add("only in the incremental build: " + path);
    else if (it->second.bytes != state.bytes)
      add(fmt::format("bytes differ: {} ({} vs {} bytes)", path, state.bytes.size(), it->second.bytes.size()));
    else if (it->second.mtime_s != state.mtime_s)
      add(fmt::format("modification time differs: {} ({} vs {})", path, state.mtime_s, it->second.mtime_s));
  }
  for (const auto& [path, state] : cold)
    if (!incremental.count(path)) add("only in the cold build: " + path);
  if (listed > 40) out += fmt::format("  ... and {} more\n", listed - 40);
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// What a build printed on stderr besides its own progress and summary lines (`leitbild: ...`).
std::string diagnostic_lines(const std::string& err) {
  std::string out;
  for (const std::string& line : lines_of(err))
    if (!line.starts_with("leitbild: ")) out += line + "\n";
  return out;
}

// The first line where two diagnostic texts part, for the failure message.
std::string first_difference(const std::string& incremental, const std::string& cold) {
  const auto a = lines_of(incremental), b = lines_of(cold);
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    const std::string x = i < a.size() ? a[i] : "<none>", y = i < b.size() ? b[i] : "<none>";
    if (x != y) return fmt::format("line {}:\n  incremental: {}\n  cold:        {}\n", i + 1, x, y);
  }
  return {};
}

struct Summary {
  bool found = false;
  int files = -1, rendered = -1, from_cache = -1, unchanged = -1;
};

// "leitbild: built html, epub into `...`: F file(s); R job(s) rendered, C from the cache, U unchanged (...)"
Summary summary_of(const std::string& err) {
  static const std::regex line(R"(leitbild: built .*: (\d+) file\(s\); (\d+) job\(s\) rendered, (\d+) from the cache, (\d+) unchanged)");
  Summary s;
  std::smatch m;
  for (const std::string& l : lines_of(err))
    if (std::regex_search(l, m, line)) {
      s = {true, std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4])};
    }
  return s;
}

// The formats these tests build: html, and epub as well where this binary can make it.
const std::string& formats() {
  static const std::string list = [] {
    const CommandResult listed = run_leitbild("build --list-formats");
    auto available = [&](const std::string& name) {
      for (const std::string& l : lines_of(listed.out))
        if (l.starts_with(name + " ") && l.find(" available ") != std::string::npos) return true;
      return false;
    };
    std::string f = available("html") ? "html" : "";
    if (available("epub")) f += f.empty() ? "epub" : ",epub";
    return f;
  }();
  return list;
}

// ---------------------------------------------------------------------------------------------
// The tree: editions 1 to 4 in German and Dutch, three chapters each (four from edition 3 on),
// cross-references between chapters, glossary terms in two glossary files, a deck on edition 2.
// Every build reports: warning LB0305 in edition 1 (a skipped heading level), note LB0314 for each
// translation without `translation-of`, note LB0408 for a glossary entry nobody uses.

std::string front(const std::string& title, bool numbered = true) {
  return "---\ntitle: " + title + (numbered ? "" : "\nnumbered: false") + "\n---\n\n";
}

class IncrementalBuild : public ::testing::Test {
 protected:
  static constexpr const char* kEnv = "env SOURCE_DATE_EPOCH=1700000000";

  void SetUp() override {
    ASSERT_FALSE(formats().empty()) << "neither html nor epub can be built here";
    write_project();
    root_ = tree_.root();
    // Two translations record their source's fingerprint: editing the source makes them stale (LB0310).
    const CommandResult accepted = run_leitbild("translation accept " + (root_ / chapter_path(2, "nl", "umsetzung")).string() +
                                                " " + (root_ / chapter_path(3, "nl", "ziele")).string());
    ASSERT_EQ(accepted.exit_code, 0) << accepted.err;
    first_ = build();
    ASSERT_EQ(first_.exit_code, 0) << first_.err;
  }

  fs::path dist() const { return root_ / "dist"; }
  fs::path cold_dist() const { return root_ / "cold"; }

  static std::string vorwort(int n, const std::string& lang) {
    if (lang == "de")
      return front("Vorwort", false) + "## Anlass {#anlass}\n\n" +
             fmt::format("Der [Integrationsrat](term:integrationsrat) hat das Leitbild für die {}. Auflage beraten. "
                         "Die Ziele stehen in [](#teilhabe), die Umsetzung in [diesem Kapitel](#umsetzung).\n",
                         n);
    return front("Voorwoord", false) + "## Aanleiding {#anlass}\n\n" +
           fmt::format("De [integratieraad](term:integrationsrat) heeft de integratievisie voor editie {} besproken. "
                       "De doelen staan in [](#teilhabe), de uitvoering in [dit hoofdstuk](#umsetzung).\n",
                       n);
  }

  static std::string ziele(int n, const std::string& lang) {
    // Edition 1 skips a heading level (warning LB0305) and is the only one to speak of the elderly.
    const bool first = n == 1;
    if (lang == "de")
      return front("Ziele") + "## Teilhabe für alle {#teilhabe}\n\n" +
             fmt::format("Die Stadt stärkt die Teilhabe aller Menschen (Fassung {}).\n\n", n) +
             (first ? "#### Ältere Menschen {#aeltere-menschen}\n\nAuch Ältere sollen teilhaben.\n\n"
                    : "### Übersicht {#uebersicht}\n\nDer Integrationsrat berichtet jährlich.\n\n") +
             "## Bildung {#bildung}\n\nSiehe auch [](#anlass) und [](#massnahmen).\n";
    return front("Doelen") + "## Deelname voor iedereen {#teilhabe}\n\n" +
           fmt::format("De stad versterkt de deelname van alle mensen (versie {}).\n\n", n) +
           (first ? "#### Oudere mensen {#aeltere-menschen}\n\nOok ouderen moeten kunnen meedoen.\n\n"
                  : "### Overzicht {#uebersicht}\n\nDe integratieraad rapporteert jaarlijks.\n\n") +
           "## Onderwijs {#bildung}\n\nZie ook [](#anlass) en [](#massnahmen).\n";
  }

  static std::string umsetzung(int n, const std::string& lang) {
    if (lang == "de")
      return front("Umsetzung") + "## Maßnahmen {#massnahmen}\n\n" +
             fmt::format("Im Jahr {} beginnen die Maßnahmen des Integrationsrates. Grundlage ist [](#bildung).\n\n",
                         2000 + 4 * n) +
             "## Jahresbericht {#jahresbericht}\n\nDas Leitbild wird jährlich überprüft, siehe [](#teilhabe).\n";
    return front("Uitvoering") + "## Maatregelen {#massnahmen}\n\n" +
           fmt::format("In {} beginnen de maatregelen van de integratieraad. Basis is [](#bildung).\n\n", 2000 + 4 * n) +
           "## Jaarverslag {#jahresbericht}\n\nDe integratievisie wordt jaarlijks geëvalueerd, zie [](#teilhabe).\n";
  }

  static std::string bericht(int n, const std::string& lang) {
    if (lang == "de")
      return front("Bericht") + "## Monitoring {#monitoring}\n\n" +
             fmt::format("Der Bericht {} misst die Wirkung der [Maßnahmen](#massnahmen).\n", n);
    return front("Verslag") + "## Monitoring {#monitoring}\n\n" +
           fmt::format("Het verslag {} meet het effect van de [maatregelen](#massnahmen).\n", n);
  }

  static std::string edition_yaml(int n, const std::string& title_de) {
    return fmt::format(
        "edition: {0}\ntitle: {{ de: \"{1}\", nl: \"{0}e editie\" }}\nstatus: published\nadopted: {2}-04-10\n"
        "valid: {{ from: {2}, to: {3} }}\nchapters: [vorwort, ziele, umsetzung{4}]\n",
        n, title_de, 2000 + 4 * n, 2004 + 4 * n, n >= 3 ? ", bericht" : "");
  }

  std::string chapter_path(int n, const std::string& lang, const std::string& stem) const {
    return fmt::format("content/editions/{}/{}/{}.md", n, lang, stem);
  }

  void write_project() {
    tree_.write("leitbild.yaml",
                "title: { de: \"Leitbild Teststadt\", nl: \"Integratievisie Teststad\" }\n"
                "publisher: { de: \"Stadt Teststadt\", nl: \"Gemeente Teststad\" }\n"
                "languages: [de, nl]\n");
    tree_.write("glossary/terms.yaml",
                "- id: integrationsrat\n"
                "  de: { term: Integrationsrat, forms: [Integrationsrates], definition: \"Gewähltes Gremium, das den Rat berät.\" }\n"
                "  nl: { term: integratieraad, forms: [integratieraden], definition: \"Gekozen orgaan dat de raad adviseert.\" }\n"
                "  deprecated: { de: [Ausländerbeirat] }\n"
                "- id: leitbild\n"
                "  de: { term: Leitbild, forms: [Leitbildes, Leitbilds], definition: \"Gemeinsame Beschreibung der Ziele.\" }\n"
                "  nl: { term: integratievisie, forms: [integratievisies], definition: \"Gemeenschappelijke beschrijving van de doelen.\" }\n");
    // `aeltere` is used in edition 1 only; `ehrenamt` nowhere (note LB0408 in every build).
    tree_.write("glossary/people.yaml",
                "- id: aeltere\n"
                "  de: { term: Ältere, definition: \"Menschen ab 65 Jahren.\" }\n"
                "  nl: { term: ouderen, definition: \"Mensen vanaf 65 jaar.\" }\n"
                "- id: ehrenamt\n"
                "  de: { term: Ehrenamt, definition: \"Unbezahlte Arbeit für das Gemeinwohl.\" }\n"
                "  nl: { term: vrijwilligerswerk, definition: \"Onbetaald werk voor het algemeen belang.\" }\n");
    // A deck on edition 2 (decks' editions are always loaded; the deck uses terms too).
    tree_.write("content/decks/vortrag/deck.yaml",
                "title: { de: \"Vortrag\", nl: \"Lezing\" }\npresenter: \"A. Beispiel\"\n"
                "role: { de: \"Dezernentin\", nl: \"Wethouder\" }\nevent: \"Test\"\ndate: 2020-01-02\nedition: 2\n"
                "languages: [de, nl]\nlayout: side-by-side\n");
    tree_.write("content/decks/vortrag/de.md",
                "## Erste Folie\n\nDer Integrationsrat, siehe [](#teilhabe).\n\nNotes:\nNotiz.\n\n## Zweite Folie\n\n- Punkt\n");
    tree_.write("content/decks/vortrag/nl.md",
                "## Eerste dia\n\nDe integratieraad, zie [](#teilhabe).\n\nNotes:\nNotitie.\n\n## Tweede dia\n\n- Punt\n");
    for (int n = 1; n <= 4; ++n) {
      tree_.write(fmt::format("content/editions/{}/edition.yaml", n), edition_yaml(n, fmt::format("{}. Auflage", n)));
      for (const std::string lang : {"de", "nl"}) {
        tree_.write(chapter_path(n, lang, "vorwort"), vorwort(n, lang));
        tree_.write(chapter_path(n, lang, "ziele"), ziele(n, lang));
        tree_.write(chapter_path(n, lang, "umsetzung"), umsetzung(n, lang));
        if (n >= 3) tree_.write(chapter_path(n, lang, "bericht"), bericht(n, lang));
      }
    }
  }

  // Rewrites a file with `from` replaced by `to` (which must be there).
  void edit(const std::string& relative, const std::string& from, const std::string& to) {
    std::string text = tree_.read(relative);
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << "`" << from << "` is not in " << relative;
    text.replace(at, from.size(), to);
    tree_.write(relative, text);
  }

  std::string common_args() const { return fmt::format("build {} --jobs 2 --formats {}", root_.string(), formats_); }

  // The incremental build: always the same cache and output folder.
  CommandResult build(const std::string& extra = {}) const {
    return run_leitbild(fmt::format("{} --cache {} --out {}{}", common_args(), (root_ / "cache").string(),
                                    dist().string(), extra),
                        kEnv);
  }

  // A cold build of the tree as it is now into a fresh folder.
  CommandResult cold_build(const std::string& extra = {}) const {
    fs::remove_all(cold_dist());
    return run_leitbild(fmt::format("{} --no-cache --out {}{}", common_args(), cold_dist().string(), extra), kEnv);
  }

  // The promise: same exit code, same diagnostics and (when it succeeded) the same output folder
  // as a cold build.
  ::testing::AssertionResult same_as_cold(const CommandResult& incremental, const std::string& extra = {}) const {
    const CommandResult cold = cold_build(extra);
    if (cold.exit_code != incremental.exit_code)
      return ::testing::AssertionFailure() << "exit code " << incremental.exit_code << " (cold build: " << cold.exit_code
                                           << ")\n--- incremental stderr:\n" << incremental.err << "--- cold stderr:\n" << cold.err;
    const std::string a = diagnostic_lines(incremental.err), b = diagnostic_lines(cold.err);
    if (a != b)
      return ::testing::AssertionFailure() << "the diagnostics differ from the cold build's, first at "
                                           << first_difference(a, b) << "--- incremental stderr:\n" << incremental.err
                                           << "--- cold stderr:\n" << cold.err;
    if (incremental.exit_code == 0) {
      if (std::string diff = differences(snapshot(dist()), snapshot(cold_dist())); !diff.empty())
        return ::testing::AssertionFailure() << "the output differs from the cold build's:\n" << diff
                                             << "--- incremental stderr:\n" << incremental.err;
    }
    return ::testing::AssertionSuccess();
  }

  // The single memo in the cache (the cold builds keep none).
  fs::path memo_file() const {
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root_ / "cache" / "memo-v1", ec))
      if (entry.is_regular_file()) found.push_back(entry.path());
    return found.size() == 1 ? found.front() : fs::path();
  }

  // The edition text views in the cache (publish/edition_view.h).
  std::vector<fs::path> views() const {
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root_ / "cache" / "memo-v1" / "views", ec)) found.push_back(entry.path());
    return found;
  }

  TempTree tree_;
  fs::path root_;
  std::string formats_ = formats();
  CommandResult first_;
};

// The comparison itself finds what differs (else every test below would pass vacuously).
TEST_F(IncrementalBuild, ComparisonSeesDifferences) {
  const Snapshot built = snapshot(dist());
  ASSERT_GT(built.size(), 20u);
  EXPECT_TRUE(built.count("report.json"));
  EXPECT_EQ(differences(built, built), "");
  Snapshot changed = built;
  changed.begin()->second.bytes += "x";
  changed.erase(std::prev(changed.end()));
  changed["extra.html"] = {"", 0};
  const std::string diff = differences(changed, built);
  EXPECT_NE(diff.find("bytes differ: " + built.begin()->first), std::string::npos) << diff;
  EXPECT_NE(diff.find("only in the cold build: " + std::prev(built.end())->first), std::string::npos) << diff;
  EXPECT_NE(diff.find("only in the incremental build: extra.html"), std::string::npos) << diff;
  // The first build (cold cache, no memo) is itself what a --no-cache build makes.
  EXPECT_TRUE(same_as_cold(first_));
  // ... and a deliberately different output folder is caught.
  std::ofstream(dist() / "report.json", std::ios::app) << " ";
  EXPECT_FALSE(same_as_cold(first_));
  // So are different diagnostics: the first build's, printed with one line changed.
  CommandResult tampered = first_;
  const auto at = tampered.err.find("warning[LB0305]");
  ASSERT_NE(at, std::string::npos) << first_.err;  // the tree has a warning in edition 1
  tampered.err.replace(at, 7, "WARNING");
  EXPECT_FALSE(same_as_cold(tampered));
}

// What the tree reports before any edit: warnings and notes of several kinds, in early editions too.
TEST_F(IncrementalBuild, TheTreeHasDiagnosticsToCarry) {
  const std::string& err = first_.err;
  EXPECT_NE(err.find("content/editions/1/de/ziele.md"), std::string::npos) << err;
  EXPECT_NE(err.find("warning[LB0305]"), std::string::npos) << err;  // edition 1 skips a heading level
  EXPECT_NE(err.find("note[LB0314]"), std::string::npos) << err;     // translations without translation-of
  EXPECT_NE(err.find("note[LB0408]"), std::string::npos) << err;     // `ehrenamt` is used nowhere
  EXPECT_EQ(err.find("`aeltere`"), std::string::npos) << err;         // used in edition 1
  const Summary s = summary_of(err);
  ASSERT_TRUE(s.found) << err;
  EXPECT_GT(s.rendered, 0) << err;
  EXPECT_EQ(s.from_cache, 0) << err;
  EXPECT_EQ(s.unchanged, 0) << err;
  EXPECT_FALSE(memo_file().empty());
}

// 1. A paragraph of a German chapter of edition 2.
TEST_F(IncrementalBuild, EditInAMiddleEdition) {
  edit(chapter_path(2, "de", "umsetzung"), "Grundlage ist", "Die Grundlage bleibt");
  const CommandResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Summary s = summary_of(r.err);
  ASSERT_TRUE(s.found) << r.err;
  const int total = s.rendered + s.from_cache + s.unchanged;
  EXPECT_GT(s.unchanged, 0) << r.err;
  EXPECT_GT(s.rendered, 0) << r.err;
  EXPECT_LT(s.rendered, total) << r.err;
  EXPECT_NE(r.err.find("content/editions/2/nl/umsetzung.md:3:1: warning[LB0310]"), std::string::npos) << r.err;
  EXPECT_TRUE(same_as_cold(r));
}

// 2. A heading title of edition 1: edition 2's "what is new" page compares with it.
TEST_F(IncrementalBuild, HeadingOfTheFirstEditionChanges) {
  edit(chapter_path(1, "de", "umsetzung"), "## Maßnahmen {#massnahmen}", "## Maßnahmen der Stadt {#massnahmen}");
  edit(chapter_path(1, "nl", "umsetzung"), "## Maatregelen {#massnahmen}", "## Maatregelen van de stad {#massnahmen}");
  const CommandResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(summary_of(r.err).unchanged, 0) << r.err;
  EXPECT_TRUE(same_as_cold(r));
}

// 3. The newest edition.
TEST_F(IncrementalBuild, EditInTheNewestEdition) {
  edit(chapter_path(4, "nl", "bericht"), "meet het effect", "meet nauwkeurig het effect");
  edit(chapter_path(4, "de", "vorwort"), "beraten.", "beraten und beschlossen.");
  const CommandResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(summary_of(r.err).unchanged, 0) << r.err;
  EXPECT_TRUE(same_as_cold(r));
}

// A chapter may link a file anywhere in the project; leitbild copies it. Outside the stamped
// folders (content/, glossary/, themes/) it is compared by content: a changed copy must not be
// carried over with an edition taken from the memo.
TEST_F(IncrementalBuild, LinkedFileOutsideTheContentFolderChanges) {
  tree_.write("media/plan.txt", "Plan, erste Fassung\n");
  edit(chapter_path(1, "de", "vorwort"), "beraten.", "beraten ([Plan](../../../../media/plan.txt)).");
  const CommandResult linked = build();
  ASSERT_EQ(linked.exit_code, 0) << linked.err;
  ASSERT_TRUE(same_as_cold(linked));
  tree_.write("media/plan.txt", "Plan, zweite Fassung\n");
  edit(chapter_path(3, "de", "ziele"), "aller Menschen", "aller Bürgerinnen und Bürger");
  const CommandResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(same_as_cold(r));
}

// 4. Nothing changed: nothing is written, the diagnostics are printed as before.
TEST_F(IncrementalBuild, NothingChanged) {
  const Snapshot before = snapshot(dist());
  const CommandResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("is up to date"), std::string::npos) << r.err;
  EXPECT_FALSE(summary_of(r.err).found) << r.err;
  EXPECT_EQ(differences(snapshot(dist()), before), "");
  EXPECT_EQ(diagnostic_lines(r.err), diagnostic_lines(first_.err));
  EXPECT_TRUE(same_as_cold(r));
  // And once more after an incremental build.
  edit(chapter_path(3, "de", "ziele"), "aller Menschen", "aller Bürgerinnen und Bürger");
  const CommandResult edited = build();
  ASSERT_EQ(edited.exit_code, 0) << edited.err;
  const Snapshot after_edit = snapshot(dist());
  const CommandResult again = build();
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("is up to date"), std::string::npos) << again.err;
  EXPECT_EQ(differences(snapshot(dist()), after_edit), "");
  EXPECT_EQ(diagnostic_lines(again.err), diagnostic_lines(edited.err));
  EXPECT_TRUE(same_as_cold(again));
}

// 5. A new warning in edition 3, then --werror; and a stray chapter file (error LB0109).
TEST_F(IncrementalBuild, WarningInAnEditionAndWerror) {
  edit(chapter_path(3, "de", "bericht"), "## Monitoring {#monitoring}\n\n",
       "## Monitoring {#monitoring}\n\n#### Kennzahlen {#kennzahlen}\n\n");
  edit(chapter_path(3, "nl", "bericht"), "## Monitoring {#monitoring}\n\n",
       "## Monitoring {#monitoring}\n\n#### Kengetallen {#kennzahlen}\n\n");
  const CommandResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("content/editions/3/de/bericht.md"), std::string::npos) << r.err;
  EXPECT_GT(summary_of(r.err).unchanged, 0) << r.err;
  EXPECT_TRUE(same_as_cold(r));

  // With --werror the warnings (edition 1's from the memo, edition 3's new one) fail the build.
  const Snapshot before = snapshot(dist());
  const CommandResult strict = build(" --werror");
  EXPECT_EQ(strict.exit_code, 1) << strict.err;
  EXPECT_EQ(differences(snapshot(dist()), before), "");
  EXPECT_TRUE(same_as_cold(strict, " --werror"));

  // --werror on an incremental build (the one above was an up-to-date one).
  edit(chapter_path(4, "de", "ziele"), "aller Menschen", "aller Einwohner");
  const CommandResult strict_edit = build(" --werror");
  EXPECT_EQ(strict_edit.exit_code, 1) << strict_edit.err;
  EXPECT_EQ(differences(snapshot(dist()), before), "");
  EXPECT_TRUE(same_as_cold(strict_edit, " --werror"));

  // A chapter file edition.yaml does not list.
  tree_.write("content/editions/3/de/entwurf.md", front("Entwurf") + "## Entwurf {#entwurf}\n\nNoch nicht fertig.\n");
  const CommandResult stray = build();
  EXPECT_EQ(stray.exit_code, 1) << stray.err;
  EXPECT_NE(stray.err.find("LB0109"), std::string::npos) << stray.err;
  EXPECT_EQ(differences(snapshot(dist()), before), "");
  EXPECT_TRUE(same_as_cold(stray));
  tree_.remove("content/editions/3/de/entwurf.md");
  const CommandResult fixed = build();
  ASSERT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_TRUE(same_as_cold(fixed));
}

// 6. An error in edition 2 leaves the output folder as it was; fixing it builds incrementally again.
TEST_F(IncrementalBuild, ErrorThenFix) {
  const Snapshot before = snapshot(dist());
  edit(chapter_path(2, "de", "ziele"), "Siehe auch [](#anlass)", "Siehe auch [dort](#nope)");
  const CommandResult broken = build();
  EXPECT_EQ(broken.exit_code, 1) << broken.err;
  EXPECT_NE(broken.err.find("error[LB0202]"), std::string::npos) << broken.err;
  EXPECT_EQ(differences(snapshot(dist()), before), "");
  EXPECT_TRUE(same_as_cold(broken));

  edit(chapter_path(2, "de", "ziele"), "Siehe auch [dort](#nope)", "Siehe auch [dort](#anlass)");
  const CommandResult fixed = build();
  ASSERT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_GT(summary_of(fixed.err).unchanged, 0) << fixed.err;
  EXPECT_TRUE(same_as_cold(fixed));

  // Broken again, then put back exactly as it was first built: nothing needs rendering.
  edit(chapter_path(2, "de", "ziele"), "Siehe auch [dort](#anlass)", "Siehe auch [](#nope)");
  EXPECT_EQ(build().exit_code, 1);
  edit(chapter_path(2, "de", "ziele"), "Siehe auch [](#nope)", "Siehe auch [](#anlass)");
  const CommandResult restored = build();
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_EQ(summary_of(restored.err).rendered, 0) << restored.err;
  EXPECT_TRUE(same_as_cold(restored));
}

// 7. A glossary file and an edition's title: a full build, still the same as a cold one.
TEST_F(IncrementalBuild, GlossaryAndEditionTitle) {
  edit("glossary/terms.yaml", "Gewähltes Gremium, das den Rat berät.", "Gewähltes Gremium, das den Stadtrat berät.");
  const CommandResult glossary = build();
  ASSERT_EQ(glossary.exit_code, 0) << glossary.err;
  EXPECT_TRUE(same_as_cold(glossary));

  tree_.write("content/editions/2/edition.yaml", edition_yaml(2, "2. Auflage (überarbeitet)"));
  const CommandResult title = build();
  ASSERT_EQ(title.exit_code, 0) << title.err;
  EXPECT_TRUE(same_as_cold(title));

  // Then an incremental build on top of the full ones.
  edit(chapter_path(3, "nl", "ziele"), "alle mensen", "alle inwoners");
  const CommandResult chapter = build();
  ASSERT_EQ(chapter.exit_code, 0) << chapter.err;
  EXPECT_TRUE(same_as_cold(chapter));
}

// 8. A page of the output folder edited by hand must not survive the next build.
TEST_F(IncrementalBuild, HandEditedOutputIsNotKept) {
  const Snapshot built = snapshot(dist());
  std::string page;
  for (const auto& [path, state] : built)
    if (path.starts_with("1/de/") && path.ends_with(".html")) {
      page = path;
      break;
    }
  ASSERT_FALSE(page.empty());
  {
    std::ofstream(dist() / page, std::ios::app) << "<!-- edited by hand -->\n";
  }
  edit(chapter_path(3, "de", "umsetzung"), "jährlich überprüft", "jedes Jahr überprüft");
  const CommandResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_bytes(dist() / page).find("edited by hand"), std::string::npos) << page;
  EXPECT_TRUE(same_as_cold(r));

  // Without any edit of the tree: not "up to date", the page is made again.
  {
    std::ofstream(dist() / page, std::ios::app) << "<!-- edited by hand -->\n";
  }
  const CommandResult again = build();
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err.find("is up to date"), std::string::npos) << again.err;
  EXPECT_EQ(read_bytes(dist() / page).find("edited by hand"), std::string::npos) << page;
  EXPECT_TRUE(same_as_cold(again));

  // A page removed by hand, and a file added by hand.
  fs::remove(dist() / page);
  std::ofstream(dist() / "1" / "notes.txt") << "mine\n";
  const CommandResult removed = build();
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_TRUE(fs::exists(dist() / page));
  EXPECT_TRUE(same_as_cold(removed));
}

// 9. `aeltere` is used in edition 1 only: editing edition 3 (which does not load edition 1) must not
// report it as unused; `ehrenamt` stays reported.
TEST_F(IncrementalBuild, TermUsedOnlyInAnEditionNotLoaded) {
  edit(chapter_path(3, "de", "ziele"), "aller Menschen", "aller Einwohner");
  const CommandResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("`aeltere`"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Ältere` is"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("note[LB0408]"), std::string::npos) << r.err;
  EXPECT_TRUE(same_as_cold(r));
}

// A file written again with the same bytes: its edition is read again, nothing is rendered.
TEST_F(IncrementalBuild, TouchedWithoutAChange) {
  tree_.write(chapter_path(3, "nl", "vorwort"), tree_.read(chapter_path(3, "nl", "vorwort")));
  const CommandResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("is up to date"), std::string::npos) << r.err;
  EXPECT_EQ(summary_of(r.err).rendered, 0) << r.err;
  EXPECT_TRUE(same_as_cold(r));
}

// A chapter's title (front matter) in edition 3: pages of editions 1 and 2 are carried over.
TEST_F(IncrementalBuild, ChapterTitleInALaterEdition) {
  edit(chapter_path(3, "de", "ziele"), "title: Ziele\n", "title: Ziele und Wege\n");
  edit(chapter_path(3, "nl", "ziele"), "title: Doelen\n", "title: Doelen en wegen\n");
  const CommandResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(summary_of(r.err).unchanged, 0) << r.err;
  EXPECT_TRUE(same_as_cold(r));
}

// Two editions edited at once; then the deck's edition.
TEST_F(IncrementalBuild, TwoEditionsAtOnce) {
  edit(chapter_path(1, "nl", "vorwort"), "besproken.", "besproken en aangenomen.");
  edit(chapter_path(3, "de", "bericht"), "misst die Wirkung", "misst genau die Wirkung");
  const CommandResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(same_as_cold(r));
  edit(chapter_path(2, "de", "ziele"), "## Teilhabe für alle {#teilhabe}", "## Teilhabe für jede und jeden {#teilhabe}");
  edit(chapter_path(2, "nl", "ziele"), "## Deelname voor iedereen {#teilhabe}", "## Deelname voor elk {#teilhabe}");
  const CommandResult deck = build();
  ASSERT_EQ(deck.exit_code, 0) << deck.err;
  EXPECT_TRUE(same_as_cold(deck));
}

// Each build takes the memo the one before wrote (itself partly taken from an older memo).
TEST_F(IncrementalBuild, ChainOfIncrementalBuilds) {
  const std::vector<std::tuple<int, std::string, std::string, std::string, std::string>> edits = {
      {2, "de", "vorwort", "beraten.", "ausführlich beraten."},
      {4, "nl", "umsetzung", "Basis is", "De basis is"},
      {1, "de", "ziele", "Auch Ältere sollen teilhaben.", "Auch Ältere sollen mitreden."},
      {3, "nl", "ziele", "alle mensen", "alle inwoners"},
      {4, "de", "bericht", "misst die Wirkung", "misst die Folgen"},
  };
  for (const auto& [n, lang, stem, from, to] : edits) {
    SCOPED_TRACE(chapter_path(n, lang, stem));
    edit(chapter_path(n, lang, stem), from, to);
    const CommandResult r = build();
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_GT(summary_of(r.err).unchanged, 0) << r.err;
    EXPECT_TRUE(same_as_cold(r));
  }
  const CommandResult last = build();
  EXPECT_NE(last.err.find("is up to date"), std::string::npos) << last.err;
  EXPECT_TRUE(same_as_cold(last));
}

// Files that are not chapters: a note beside the chapters, then a new edition (a full build), then
// an edit in the new edition.
TEST_F(IncrementalBuild, OtherFilesAndANewEdition) {
  tree_.write("content/editions/1/de/notizen.txt", "Nur für die Redaktion.\n");
  const CommandResult note = build();
  ASSERT_EQ(note.exit_code, 0) << note.err;
  EXPECT_TRUE(same_as_cold(note));

  tree_.write("content/editions/5/edition.yaml", edition_yaml(5, "5. Auflage"));
  for (const std::string lang : {"de", "nl"}) {
    tree_.write(chapter_path(5, lang, "vorwort"), vorwort(5, lang));
    tree_.write(chapter_path(5, lang, "ziele"), ziele(5, lang));
    tree_.write(chapter_path(5, lang, "umsetzung"), umsetzung(5, lang));
    tree_.write(chapter_path(5, lang, "bericht"), bericht(5, lang));
  }
  const CommandResult added = build();
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_TRUE(same_as_cold(added));

  edit(chapter_path(5, "de", "bericht"), "misst die Wirkung", "misst die Folgen");
  const CommandResult edited = build();
  ASSERT_EQ(edited.exit_code, 0) << edited.err;
  EXPECT_GT(summary_of(edited.err).unchanged, 0) << edited.err;
  EXPECT_TRUE(same_as_cold(edited));
}

// Warnings a render job reports (not the checks) are kept with the job in the memo: slides with
// --deck-lang fr warn (LB0606) for the deck and for each edition's outline deck.
TEST_F(IncrementalBuild, WarningsOfRenderJobs) {
  if (run_leitbild("build --list-formats").out.find("slides       available") == std::string::npos)
    GTEST_SKIP() << "the slides format cannot run here";
  formats_ = "html,slides";
  const CommandResult first = build(" --deck-lang fr");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("content/editions/1/edition.yaml"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("warning[LB0606]"), std::string::npos) << first.err;
  EXPECT_TRUE(same_as_cold(first, " --deck-lang fr"));
  edit(chapter_path(3, "de", "ziele"), "aller Menschen", "aller Einwohner");
  const CommandResult r = build(" --deck-lang fr");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(summary_of(r.err).unchanged, 0) << r.err;
  EXPECT_TRUE(same_as_cold(r, " --deck-lang fr"));
  const CommandResult unchanged = build(" --deck-lang fr");
  EXPECT_NE(unchanged.err.find("is up to date"), std::string::npos) << unchanged.err;
  EXPECT_TRUE(same_as_cold(unchanged, " --deck-lang fr"));
}

// The incremental path is really taken: a diagnostic of edition 1, altered in the memo, is printed
// as altered by a build after an edit in edition 3 (which does not load edition 1), and the
// comparison with a cold build catches it. A change outside the editions reads everything again.
TEST_F(IncrementalBuild, EditionsNotLoadedComeFromTheMemo) {
  const fs::path memo = memo_file();
  ASSERT_FALSE(memo.empty());
  auto parsed = deserialize_memo(read_bytes(memo));
  ASSERT_TRUE(parsed);
  int altered = 0;
  for (Diagnostic& d : parsed->diagnostics)
    if (d.where.file.starts_with("content/editions/1/") && d.code == "LB0305") {
      d.message += " [as the memo has it]";
      ++altered;
    }
  ASSERT_GT(altered, 0);
  // And what the memo says edition 1's German e-book or site was written with (report.json lists it).
  const std::string fake_sha(64, 'f');
  bool job_altered = false;
  for (MemoJob& job : parsed->jobs)
    if (job.key == "html/1/de" || job.key == "epub/1/de")
      for (WrittenFile& file : job.written) {
        file.sha256 = fake_sha;
        job_altered = true;
      }
  ASSERT_TRUE(job_altered);
  std::ofstream(memo, std::ios::binary | std::ios::trunc) << serialize_memo(*parsed);

  edit(chapter_path(3, "de", "ziele"), "aller Menschen", "aller Einwohner");
  const CommandResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("[as the memo has it]"), std::string::npos) << r.err;
  EXPECT_NE(read_bytes(dist() / "report.json").find(fake_sha), std::string::npos);  // linked, not rendered
  const Summary s = summary_of(r.err);
  EXPECT_GT(s.unchanged, 0) << r.err;
  EXPECT_FALSE(same_as_cold(r));  // the altered line is the only difference
  const CommandResult unchanged = build();
  EXPECT_NE(unchanged.err.find("is up to date"), std::string::npos) << unchanged.err;
  EXPECT_NE(unchanged.err.find("[as the memo has it]"), std::string::npos) << unchanged.err;

  // A glossary edit: a full build, which reads edition 1 again.
  edit("glossary/people.yaml", "Menschen ab 65 Jahren.", "Menschen ab 66 Jahren.");
  const CommandResult full = build();
  ASSERT_EQ(full.exit_code, 0) << full.err;
  EXPECT_EQ(full.err.find("[as the memo has it]"), std::string::npos) << full.err;
  EXPECT_EQ(read_bytes(dist() / "report.json").find(fake_sha), std::string::npos);
  EXPECT_TRUE(same_as_cold(full));
}

// Edition 4 edited twice: the first build loads edition 3 for edition 4's "what is new" page and
// keeps its text view; the second takes the view instead. Both as a cold build. Then edition 3
// itself changes (its view no longer fits), and the glossary (a full build; views are keyed by it).
TEST_F(IncrementalBuild, PredecessorFromItsTextView) {
  ASSERT_TRUE(views().empty());  // a full build keeps none
  // Windows line ends in an edition-3 chapter: its text's fingerprint is not its file's hash, and
  // report.json must list the fingerprint however edition 3 was come by.
  std::string crlf;
  for (char c : tree_.read(chapter_path(3, "de", "umsetzung"))) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  tree_.write(chapter_path(3, "de", "umsetzung"), crlf);
  const CommandResult windows = build();
  ASSERT_EQ(windows.exit_code, 0) << windows.err;
  EXPECT_TRUE(same_as_cold(windows));
  edit(chapter_path(4, "de", "ziele"), "aller Menschen", "aller Einwohner");
  const CommandResult first = build();
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(same_as_cold(first));
  ASSERT_EQ(views().size(), 1u);
  edit(chapter_path(4, "nl", "ziele"), "alle mensen", "alle inwoners");
  const CommandResult second = build();
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_TRUE(same_as_cold(second));
  EXPECT_EQ(views().size(), 1u);
  const CommandResult unchanged = build();
  EXPECT_NE(unchanged.err.find("is up to date"), std::string::npos) << unchanged.err;

  // Edition 3's sections, titles and numbers change: its old view must not be taken.
  edit(chapter_path(3, "de", "umsetzung"), "## Jahresbericht {#jahresbericht}\r\n", "## Jährlicher Bericht {#jahresbericht}\r\n");
  edit(chapter_path(3, "de", "ziele"), "## Bildung {#bildung}", "## Bildung und Sprache {#bildung}");
  const CommandResult third = build();
  ASSERT_EQ(third.exit_code, 0) << third.err;
  EXPECT_TRUE(same_as_cold(third));
  edit(chapter_path(4, "de", "bericht"), "misst die Wirkung", "misst die Folgen");
  const CommandResult fourth = build();
  ASSERT_EQ(fourth.exit_code, 0) << fourth.err;
  EXPECT_TRUE(same_as_cold(fourth));
  EXPECT_EQ(views().size(), 2u);  // edition 3 as it is now
  edit(chapter_path(4, "de", "bericht"), "misst die Folgen", "misst die Wirkungen");
  const CommandResult fifth = build();
  ASSERT_EQ(fifth.exit_code, 0) << fifth.err;
  EXPECT_TRUE(same_as_cold(fifth));

  edit("glossary/terms.yaml", "Gewähltes Gremium", "Gewähltes Organ");
  const CommandResult full = build();
  ASSERT_EQ(full.exit_code, 0) << full.err;
  EXPECT_TRUE(same_as_cold(full));
  edit(chapter_path(4, "de", "vorwort"), "beraten.", "ausführlich beraten.");
  const CommandResult after_full = build();
  ASSERT_EQ(after_full.exit_code, 0) << after_full.err;
  EXPECT_TRUE(same_as_cold(after_full));
  EXPECT_EQ(views().size(), 3u);  // the glossary is part of the key
}

// Proof that the view is what the page is made from: a doctored view of edition 3 shows on edition
// 4's "what is new" page (and only there: it is the one difference from a cold build).
TEST_F(IncrementalBuild, TheTextViewIsWhatThePageShows) {
  edit(chapter_path(4, "de", "ziele"), "aller Menschen", "aller Einwohner");
  ASSERT_EQ(build().exit_code, 0);
  const std::vector<fs::path> found = views();
  ASSERT_EQ(found.size(), 1u);
  // A section text both editions share, doctored in the view (re-made with the library's own
  // writer: views are checksummed): the section now differs.
  Diagnostics ignored;
  Project project = load_project(root_, ignored);
  resolve_project(project, ignored);
  auto three = std::find_if(project.editions.begin(), project.editions.end(), [](const Edition& e) { return e.number == 3; });
  ASSERT_NE(three, project.editions.end());
  bool doctored = false;
  for (Chapter& chapter : three->chapters["de"])
    if (chapter.stem == "umsetzung") {
      Chapter::StoredTexts texts;
      texts.intro = chapter_intro_text(chapter);
      for (std::size_t i = 0; i < chapter.sections.size(); ++i) texts.sections.push_back(section_text(chapter, i));
      ASSERT_FALSE(texts.sections.empty());
      texts.sections.back() = "Nur in der Sicht.";
      chapter.stored_texts = std::move(texts);
      doctored = true;
    }
  ASSERT_TRUE(doctored);
  std::ofstream(found.front(), std::ios::binary | std::ios::trunc) << serialize_edition_view(*three);

  edit(chapter_path(4, "de", "vorwort"), "beraten.", "ausführlich beraten.");  // German: the page is made again
  const CommandResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read_bytes(dist() / "4" / "de" / "changes.html").find("Nur in der Sicht."), std::string::npos);
  EXPECT_FALSE(same_as_cold(r));
}

// The previous output folder is kept in the cache and recycled as the next build's staging folder
// (docs/publishing.md, "Recycling the previous folder"). Whatever is done to the spare, the
// published folder is the cold build's.
TEST_F(IncrementalBuild, RecycledSpareFolder) {
  auto spare = [&] {
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root_ / "cache" / "spare-v1", ec)) found.push_back(entry.path());
    return found.size() == 1 ? found.front() : fs::path();
  };
  auto links = [](const fs::path& file) {
    struct stat st {};
    return ::stat(file.c_str(), &st) == 0 ? static_cast<long>(st.st_nlink) : -1L;
  };
  edit(chapter_path(3, "de", "ziele"), "aller Menschen", "aller Einwohner");
  const CommandResult first = build();
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(same_as_cold(first));
  ASSERT_FALSE(spare().empty());
  // Edition 1's pages were linked: the spare and the published folder share them.
  EXPECT_EQ(links(dist() / "1" / "de" / "ziele.html"), 2);

  edit(chapter_path(2, "de", "ziele"), "aller Menschen", "aller Einwohner");
  const CommandResult recycled = build();
  ASSERT_EQ(recycled.exit_code, 0) << recycled.err;
  EXPECT_TRUE(same_as_cold(recycled));
  EXPECT_EQ(links(dist() / "1" / "de" / "ziele.html"), 2);  // still one spare, not a growing chain

  // Tampering with the spare: a published page replaced by another file, a stray file and
  // folder, a link where a page should be. The next build puts the right files in.
  const fs::path s = spare();
  ASSERT_FALSE(s.empty());
  fs::remove(s / "1" / "de" / "ziele.html");
  std::ofstream(s / "1" / "de" / "ziele.html") << "not the page";
  std::ofstream(s / "stray.html") << "stray";
  fs::create_directories(s / "stray-folder" / "deeper");
  std::ofstream(s / "stray-folder" / "deeper" / "x.html") << "x";
  fs::remove(s / "1" / "nl" / "ziele.html");
  fs::create_symlink(dist() / "1" / "nl" / "ziele.html", s / "1" / "nl" / "ziele.html");
  edit(chapter_path(4, "de", "ziele"), "aller Menschen", "aller Einwohner");
  const CommandResult tampered = build();
  ASSERT_EQ(tampered.exit_code, 0) << tampered.err;
  EXPECT_TRUE(same_as_cold(tampered));
  EXPECT_FALSE(fs::exists(dist() / "stray.html"));
  EXPECT_FALSE(fs::exists(dist() / "stray-folder"));
  EXPECT_FALSE(fs::is_symlink(dist() / "1" / "nl" / "ziele.html"));

  // Without a spare (removed by hand, as any cache may be) the build makes a new staging folder.
  fs::remove_all(spare());
  edit(chapter_path(4, "de", "ziele"), "aller Einwohner", "aller Bewohner");
  const CommandResult without = build();
  ASSERT_EQ(without.exit_code, 0) << without.err;
  EXPECT_TRUE(same_as_cold(without));
  EXPECT_FALSE(spare().empty());

  // A failed build leaves the published folder as it was (the recycled spare is gone with it).
  const Snapshot before = snapshot(dist());
  edit(chapter_path(4, "de", "ziele"), "## Bildung {#bildung}", "## Bildung {#teilhabe}");  // a duplicate anchor
  const CommandResult failed = build();
  EXPECT_NE(failed.exit_code, 0) << failed.err;
  EXPECT_EQ(differences(snapshot(dist()), before), "");
  edit(chapter_path(4, "de", "ziele"), "## Bildung {#teilhabe}", "## Bildung {#bildung}");
  const CommandResult fixed = build();
  ASSERT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_TRUE(same_as_cold(fixed));
}

}  // namespace
}  // namespace leitbild
