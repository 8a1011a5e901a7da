// The `leitbild` command: parses arguments and hands them to the subcommands.
#include <CLI/CLI.hpp>
#include <malloc.h>
#include <fmt/format.h>

#include "cli/commands.h"
#include "model/version.h"
#include "render/xhtml/xml_tree.h"

#ifdef LEITBILD_LINKS_JEMALLOC
// Read by jemalloc when it starts (its documented compile-time configuration). Pages first touched
// cost this kind of machine 10-15 us each (a virtual machine's page faults), and a build of the
// bundled tree touches ~2,500 of them: a third of its time. Transparent huge pages fault in 2 MiB at
// once where the kernel allows it (`madvise` mode, Debian's default); elsewhere the option is ignored.
extern "C" {
const char* malloc_conf = "thp:always,metadata_thp:always";
}
#endif

int main(int argc, char** argv) {
  using namespace leitbild;
#ifndef LEITBILD_LINKS_JEMALLOC
  // Without jemalloc (sanitizer builds): a build is a short process that allocates and frees many
  // large buffers (zlib windows, whole pages, EPUB archives). glibc's defaults hand each back to the
  // kernel and fault it in again: a third of an EPUB build's time. Keeping freed memory until exit
  // costs nothing here.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
  initialise_xml_library();
  CLI::App app{"leitbild: validate, cross-reference and publish a multilingual Leitbild"};
  app.set_version_flag("--version", std::string("leitbild ") + kVersion);
  app.require_subcommand(1);

  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand("check", "Validate the tree and report problems with file:line:col");
  check_cmd->add_option("root", check.root, "Project root (default: current folder)");
  check_cmd->add_option("--edition", check.editions, "Check only this edition (repeatable)")->expected(1)->take_all()->allow_extra_args(false);
  check_cmd->add_option("--format", check.format, "Output: text, json or sarif")->check(CLI::IsMember({"text", "json", "sarif"}));
  check_cmd->add_flag("--werror", check.werror, "Treat warnings as errors");

  BuildOptions build;
  CLI::App* build_cmd = app.add_subcommand("build", "Render every edition and deck into the output folder");
  build_cmd->add_option("root", build.root, "Project root (default: current folder)");
  build_cmd->add_option("--edition", build.editions, "Build only this edition (repeatable)");
  build_cmd->add_option("--formats", build.formats, "Comma-separated formats: html,epub,slides,docx,odt,pptx")->delimiter(',');
  build_cmd->add_option("--out", build.out, "Output folder (default: ROOT/dist)");
  build_cmd->add_option("--jobs", build.jobs, "Parallel jobs (default: number of cores)");
  build_cmd->add_flag("--werror", build.werror, "Treat warnings as errors");
  build_cmd->add_flag("--quiet", build.quiet, "Print only diagnostics");
  build_cmd->add_option("--deck-lang", build.deck_lang, "Show slide decks in this one language (e.g. nl)");
  build_cmd->add_option("--deck-layout", build.deck_layout, "Slide deck layout, overriding deck.yaml")
      ->check(CLI::IsMember({"side-by-side", "stacked", "single"}));
  build_cmd->add_option("--cache", build.cache, "Render cache folder (default: ROOT/.leitbild-cache)");
  build_cmd->add_flag("--no-cache", build.no_cache, "Render everything; neither read nor fill the cache");
  build_cmd->add_flag("--timings", build.timings, "Print stage times and write OUT/timings.json");
  build_cmd->add_flag("--list-formats", build.list_formats, "List the output formats and whether they can run here");

  CLI::App* edition_cmd = app.add_subcommand("edition", "Publish (freeze) an edition or record an erratum");
  edition_cmd->require_subcommand(1);
  EditionOptions edition_publish;
  CLI::App* edition_publish_cmd = edition_cmd->add_subcommand("publish", "Freeze edition N: write its edition.lock");
  edition_publish_cmd->add_option("edition", edition_publish.edition, "Edition number")->required();
  edition_publish_cmd->add_option("root", edition_publish.root, "Project root (default: current folder)");
  EditionOptions edition_erratum;
  CLI::App* edition_erratum_cmd = edition_cmd->add_subcommand("erratum", "Record a correction to published edition N");
  edition_erratum_cmd->add_option("edition", edition_erratum.edition, "Edition number")->required();
  edition_erratum_cmd->add_option("root", edition_erratum.root, "Project root (default: current folder)");
  edition_erratum_cmd->add_option("--note", edition_erratum.note, "What was corrected (shown to readers)")->required();

  DiffOptions diff;
  CLI::App* diff_cmd = app.add_subcommand("diff", "What changed from edition A to edition B, per language");
  diff_cmd->add_option("from", diff.from, "Older edition number")->required();
  diff_cmd->add_option("to", diff.to, "Newer edition number")->required();
  diff_cmd->add_option("root", diff.root, "Project root (default: current folder)");
  diff_cmd->add_option("--lang", diff.languages, "Only this language (repeatable)");
  diff_cmd->add_option("--format", diff.format, "Output: text, html or json")->check(CLI::IsMember({"text", "html", "json"}));

  CLI::App* translation_cmd = app.add_subcommand("translation", "Which translations are up to date; record that one is");
  translation_cmd->require_subcommand(1);
  TranslationStatusOptions translation_status;
  CLI::App* status_cmd = translation_cmd->add_subcommand("status", "Per edition, chapter and language: up to date, stale, missing");
  status_cmd->add_option("root", translation_status.root, "Project root (default: current folder)");
  status_cmd->add_option("--edition", translation_status.editions, "Only this edition (repeatable)")->expected(1)->take_all()->allow_extra_args(false);
  status_cmd->add_flag("--diff", translation_status.diff, "Show how each stale translation's source changed (needs git)");
  TranslationAcceptOptions translation_accept;
  CLI::App* accept_cmd = translation_cmd->add_subcommand("accept", "Record the current source fingerprint in translations");
  accept_cmd->add_option("files", translation_accept.files, "Translated chapter files")->required();

  CLI::App* glossary_cmd = app.add_subcommand("glossary", "List the glossary; export it to TBX or import TBX");
  glossary_cmd->require_subcommand(1);
  GlossaryListOptions glossary_list;
  CLI::App* glossary_list_cmd = glossary_cmd->add_subcommand("list", "Entries per language in dictionary order, with uses");
  glossary_list_cmd->add_option("root", glossary_list.root, "Project root (default: current folder)");
  glossary_list_cmd->add_option("--lang", glossary_list.lang, "Only this language");
  glossary_list_cmd->add_option("--format", glossary_list.format, "Output: text or json")->check(CLI::IsMember({"text", "json"}));
  GlossaryExportOptions glossary_export;
  CLI::App* glossary_export_cmd = glossary_cmd->add_subcommand("export", "Write the glossary as a TBX-Basic file");
  glossary_export_cmd->add_option("root", glossary_export.root, "Project root (default: current folder)");
  glossary_export_cmd->add_option("--tbx", glossary_export.tbx, "TBX file to write")->required();
  GlossaryImportOptions glossary_import;
  CLI::App* glossary_import_cmd = glossary_cmd->add_subcommand("import", "Turn a TBX file into glossary/NAME.yaml");
  glossary_import_cmd->add_option("root", glossary_import.root, "Project root (default: current folder)");
  glossary_import_cmd->add_option("--tbx", glossary_import.tbx, "TBX file to read")->required();
  glossary_import_cmd->add_option("--out", glossary_import.out, "YAML file to write (default: ROOT/glossary/<name>.yaml)");
  glossary_import_cmd->add_flag("--force", glossary_import.force, "Replace the output file if it exists");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (*check_cmd) return run_check(check);
  if (*build_cmd) return run_build(build);
  if (*status_cmd) return run_translation_status(translation_status);
  if (*accept_cmd) return run_translation_accept(translation_accept);
  if (*glossary_list_cmd) return run_glossary_list(glossary_list);
  if (*glossary_export_cmd) return run_glossary_export(glossary_export);
  if (*glossary_import_cmd) return run_glossary_import(glossary_import);
  if (*edition_publish_cmd) return run_edition_publish(edition_publish);
  if (*edition_erratum_cmd) return run_edition_erratum(edition_erratum);
  if (*diff_cmd) return run_diff(diff);
  return kExitUsage;
}
