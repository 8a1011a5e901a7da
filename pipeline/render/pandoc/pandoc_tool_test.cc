// Which pandoc is there, and what happens when it is missing, too old, failing or hanging.
#include "render/pandoc/pandoc_tool.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "load/load.h"
#include "render/pandoc/office_formats.h"
#include "resolve/resolve.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using namespace std::chrono_literals;
using testing::TempTree;

TEST(PandocVersion, ParsesDebian12Pandoc) {
  auto version = parse_pandoc_version(
      "pandoc 2.17.1.1\nCompiled with pandoc-types 1.22.2.1, texmath 0.12.4, skylighting 0.12.3.1,\n"
      "citeproc 0.6.0.1, ipynb 0.2\nUser data directory: /root/.local/share/pandoc\n");
  ASSERT_TRUE(version);
  EXPECT_EQ(version->pandoc, (std::vector<int>{2, 17, 1, 1}));
  EXPECT_EQ(version->api, (std::vector<int>{1, 22, 2, 1}));
  EXPECT_EQ(pandoc_version_problem(*version), "");
}

TEST(PandocVersion, Pandoc3PrintsNoApiVersion) {
  auto version = parse_pandoc_version("pandoc 3.1.3\nFeatures: +server +lua\nScripting engine: Lua 5.4\n");
  ASSERT_TRUE(version);
  EXPECT_EQ(version->pandoc, (std::vector<int>{3, 1, 3}));
  EXPECT_TRUE(version->api.empty());  // find_pandoc then asks pandoc for an empty document's JSON
  version->api = {1, 23, 1};
  EXPECT_EQ(pandoc_version_problem(*version), "");
}

TEST(PandocVersion, TooOldAndUnknownVersionsNameThePackage) {
  const PandocVersion old{{2, 9, 2, 1}, {1, 20}};
  const std::string too_old = pandoc_version_problem(old);
  EXPECT_NE(too_old.find("too old"), std::string::npos);
  EXPECT_NE(too_old.find("2.9.2.1"), std::string::npos);
  EXPECT_NE(too_old.find("Debian package `pandoc`"), std::string::npos);
  const PandocVersion future{{4, 0}, {1, 24}};
  const std::string unknown = pandoc_version_problem(future);
  EXPECT_NE(unknown.find("does not know"), std::string::npos);
  EXPECT_NE(unknown.find("Debian package `pandoc`"), std::string::npos);
  EXPECT_FALSE(parse_pandoc_version("bash: pandoc: command not found"));
}

// PATH for the duration of a test: only `dir`, so the real pandoc is out of sight.
class ScopedPath {
 public:
  explicit ScopedPath(const std::filesystem::path& dir) {
    if (const char* old = std::getenv("PATH")) saved_ = old;
    setenv("PATH", dir.c_str(), 1);
  }
  ~ScopedPath() { setenv("PATH", saved_.c_str(), 1); }

 private:
  std::string saved_;
};

// A stand-in `pandoc` that answers --version like Debian 12's and then does `conversion`.
void write_fake_pandoc(const TempTree& tree, const std::string& version_text, const std::string& conversion) {
  tree.write("bin/pandoc", "#!/bin/sh\n"
                           "if [ \"$1\" = --version ]; then printf '" + version_text + "'; exit 0; fi\n" + conversion + "\n");
  std::filesystem::permissions(tree.root() / "bin/pandoc", std::filesystem::perms::owner_all);
}

constexpr const char* kDebianVersion = "pandoc 2.17.1.1\\nCompiled with pandoc-types 1.22.2.1, texmath 0.12.4\\n";

struct Rendered {
  std::optional<OutputFile> file;
  Diagnostics diagnostics;
};

Rendered render_docx(const TempTree& project_tree, std::chrono::milliseconds timeout = 20s) {
  Diagnostics d;
  Project project = load_project(project_tree.root(), d);
  resolve_project(project, d);
  Rendered out;
  out.file = render_edition_office(project, project.editions.front(), "de", OfficeTarget::docx, RenderOptions{}, out.diagnostics,
                                   OfficeSettings{timeout});
  return out;
}

const Diagnostic* find_code(const Diagnostics& diagnostics, std::string_view code) {
  for (const Diagnostic& d : diagnostics.all())
    if (d.code == code) return &d;
  return nullptr;
}

TEST(PandocMissing, FormatsSayWhyAndJobsReportLB0602) {
  TempTree project_tree;
  project_tree.write_minimal_project();
  TempTree empty;
  empty.write("bin/.keep", "");
  ScopedPath path(empty.root() / "bin");

  const PandocInstallation pandoc = find_pandoc();
  EXPECT_TRUE(pandoc.missing);
  EXPECT_NE(pandoc.unavailable_reason.find("apt-get install pandoc"), std::string::npos) << pandoc.unavailable_reason;
  for (const OutputFormat& format : {docx_output_format(), odt_output_format(), pptx_output_format()})
    EXPECT_NE(format.unavailable_reason().find("Debian package `pandoc`"), std::string::npos) << format.name;

  const Rendered rendered = render_docx(project_tree);
  EXPECT_FALSE(rendered.file);
  const Diagnostic* d = find_code(rendered.diagnostics, "LB0602");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::error);
  EXPECT_NE(d->message.find("3/leitbild-3-de.docx"), std::string::npos) << d->message;
  EXPECT_NE(d->message.find("`pandoc`"), std::string::npos) << d->message;
  EXPECT_EQ(d->where.file, "content/editions/3/edition.yaml");
}

TEST(PandocTooOld, IsUnavailableNamingThePackage) {
  TempTree project_tree;
  project_tree.write_minimal_project();
  TempTree fake;
  write_fake_pandoc(fake, "pandoc 2.9.2.1\\nCompiled with pandoc-types 1.20, texmath 0.12.0.2\\n", "exit 0");
  ScopedPath path(fake.root() / "bin");
  EXPECT_NE(pandoc_unavailable_reason().find("too old"), std::string::npos);
  const Rendered rendered = render_docx(project_tree);
  EXPECT_FALSE(rendered.file);
  const Diagnostic* d = find_code(rendered.diagnostics, "LB0602");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("pandoc 2.9.2.1 is too old"), std::string::npos) << d->message;
}

TEST(PandocFails, ItsErrorOutputBecomesLB0603) {
  TempTree project_tree;
  project_tree.write_minimal_project();
  TempTree fake;
  write_fake_pandoc(fake, kDebianVersion,
                    "echo 'pandoc: Could not find reference.docx: the file is damaged' >&2\nexit 1");
  ScopedPath path(fake.root() / "bin");
  EXPECT_EQ(pandoc_unavailable_reason(), "");
  const Rendered rendered = render_docx(project_tree);
  EXPECT_FALSE(rendered.file);
  const Diagnostic* d = find_code(rendered.diagnostics, "LB0603");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::error);
  EXPECT_NE(d->message.find("exit status 1"), std::string::npos) << d->message;
  EXPECT_NE(d->message.find("Could not find reference.docx: the file is damaged"), std::string::npos) << d->message;
  EXPECT_FALSE(d->hint.empty());
}

TEST(PandocFails, GarbageOutputIsLB0603) {
  TempTree project_tree;
  project_tree.write_minimal_project();
  TempTree fake;
  write_fake_pandoc(fake, kDebianVersion, "/bin/cat >/dev/null; echo 'not a zip'");
  ScopedPath path(fake.root() / "bin");
  const Rendered rendered = render_docx(project_tree);
  EXPECT_FALSE(rendered.file);
  const Diagnostic* d = find_code(rendered.diagnostics, "LB0603");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("not a usable package"), std::string::npos) << d->message;
}

TEST(PandocHangs, IsStoppedAfterTheTimeout) {
  TempTree project_tree;
  project_tree.write_minimal_project();
  TempTree fake;
  write_fake_pandoc(fake, kDebianVersion, "/bin/sleep 60");
  ScopedPath path(fake.root() / "bin");
  const auto start = std::chrono::steady_clock::now();
  const Rendered rendered = render_docx(project_tree, 400ms);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
  EXPECT_FALSE(rendered.file);
  const Diagnostic* d = find_code(rendered.diagnostics, "LB0603");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("did not finish within 400 ms"), std::string::npos) << d->message;
}

TEST(PandocInput, TheFakeSeesJsonWithTheInstalledApiVersion) {
  TempTree project_tree;
  project_tree.write_minimal_project();
  TempTree fake;
  // Saves what it was given and its arguments, then fails so nothing else happens.
  write_fake_pandoc(fake, kDebianVersion,
                    "here=${0%/pandoc}; /bin/cat > \"$here/input.json\"; echo \"$@\" > \"$here/arguments\"; "
                    "echo \"$SOURCE_DATE_EPOCH\" > \"$here/epoch\"; exit 3");
  ScopedPath path(fake.root() / "bin");
  Diagnostics d;
  Project project = load_project(project_tree.root(), d);
  resolve_project(project, d);
  RenderOptions options;
  options.source_date_epoch = 1554854400;
  options.theme_dirs = {LEITBILD_DEFAULT_THEME_DIR};
  render_edition_office(project, project.editions.front(), "nl", OfficeTarget::odt, options, d);
  const std::string input = fake.read("bin/input.json");
  EXPECT_NE(input.find(R"("pandoc-api-version":[1,22,2,1])"), std::string::npos);
  const std::string arguments = fake.read("bin/arguments");
  EXPECT_NE(arguments.find("--from=json --to=odt --output=-"), std::string::npos) << arguments;
  EXPECT_NE(arguments.find("--reference-doc="), std::string::npos) << arguments;
  EXPECT_EQ(fake.read("bin/epoch"), "1554854400\n");
}

}  // namespace
}  // namespace leitbild
