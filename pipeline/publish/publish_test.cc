#include "publish/publish.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <atomic>
#include <fstream>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "check/check.h"
#include "load/load.h"
#include "model/sha256.h"
#include "publish/interrupt.h"
#include "publish/job_runner.h"
#include "publish/output_dir.h"
#include "publish/render_cache.h"
#include "resolve/resolve.h"
#include "support/tree.h"

namespace leitbild {
namespace {

namespace fs = std::filesystem;
using testing::TempTree;

// A test-only output format: one job per chapter and language, writing the chapter's title and
// body, plus one index job per edition that depends on every chapter. It counts the jobs it
// actually runs, so tests can tell cache hits from renders.
class TestFormat {
 public:
  std::atomic<int> runs{0};
  std::function<void(const std::string&, Diagnostics&)> on_run;  // hook: errors, interrupts, ...

  OutputFormat format() {
    OutputFormat f;
    f.name = "test";
    f.description = "test-only format";
    f.unavailable_reason = [] { return std::string(); };
    f.plan = [this](const Project& project, const RenderOptions&) {
      std::vector<RenderJob> jobs;
      for (const Edition& edition : project.editions) {
        std::vector<std::string> all_inputs = {edition.dir + "/edition.yaml"};
        for (const auto& [language, chapters] : edition.chapters)
          for (const Chapter& chapter : chapters) {
            const std::string lang = language;
            all_inputs.push_back(chapter.path);
            RenderJob job;
            job.key = fmt::format("test/{}/{}/{}", edition.number, lang, chapter.stem);
            job.inputs = {chapter.path};
            job.theme_inputs = {"test.css"};
            const Chapter* c = &chapter;
            const int number = edition.number;
            const std::string key = job.key;
            job.run = [this, c, number, lang, key](Diagnostics& d) {
              ++runs;
              if (on_run) on_run(key, d);
              return Outputs{{fmt::format("{}/{}/{}.html", number, lang, c->stem), "<h1>" + c->title + "</h1>\n" + c->body}};
            };
            jobs.push_back(std::move(job));
          }
        RenderJob index;
        index.key = fmt::format("test/{}/index", edition.number);
        index.inputs = all_inputs;
        const Edition* e = &edition;
        index.run = [this, e](Diagnostics&) {
          ++runs;
          std::string text;
          for (const auto& [lang, chapters] : e->chapters)
            for (const Chapter& c : chapters) text += lang + " " + c.title + "\n";
          return Outputs{{fmt::format("{}/index.txt", e->number), text}, {fmt::format("{}/binary.bin", e->number), std::string("\0\xff\n", 3)}};
        };
        jobs.push_back(std::move(index));
      }
      return jobs;
    };
    return f;
  }
};

struct Build {
  PublishResult result;
  Diagnostics diagnostics;
};

class PublishTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_.write_minimal_project();
    tree_.write("themes/default/test.css", "body { color: black; }\n");
    format_ = test_.format();
  }
  void TearDown() override { clear_interrupt(); }

  fs::path out() const { return tree_.root() / "dist"; }
  fs::path cache() const { return tree_.root() / ".leitbild-cache"; }

  Build build(unsigned threads = 2, bool use_cache = true, fs::path out_dir = {},
              const std::function<void(PublishOptions&)>& adjust = {}) {
    Build b;
    Project project = load_project(tree_.root(), b.diagnostics);
    resolve_project(project, b.diagnostics);
    check_project(project, b.diagnostics);
    RenderOptions render;
    render.theme_dirs = {tree_.root() / "themes/default"};
    render.source_date_epoch = 1700000000;
    PublishOptions options;
    options.out = out_dir.empty() ? out() : out_dir;
    if (use_cache) options.cache = cache();
    options.threads = threads;
    if (adjust) adjust(options);
    std::vector<StageTiming> timings;
    Progress progress(Progress::Mode::quiet, stderr);
    b.result = publish(project, {&format_}, render, options, b.diagnostics, timings, progress);
    return b;
  }

  // Publishes the tree with `format` alone, default render options, no cache.
  PublishResult publish_only(const OutputFormat& format, unsigned threads, Diagnostics& d) {
    Project project = load_project(tree_.root(), d);
    std::vector<StageTiming> timings;
    Progress quiet(Progress::Mode::quiet, stderr);
    PublishOptions options;
    options.out = out();
    options.threads = threads;
    return publish(project, {&format}, {}, options, d, timings, quiet);
  }

  // Every file under `dir`: relative path -> bytes.
  static std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    if (!fs::exists(dir)) return files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      files[fs::relative(entry.path(), dir).string()] = std::string(std::istreambuf_iterator<char>(in), {});
    }
    return files;
  }

  std::vector<std::string> siblings() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(tree_.root()))
      if (entry.path().filename().string().starts_with("dist.")) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  TempTree tree_;
  TestFormat test_;
  OutputFormat format_;
};

TEST_F(PublishTest, WritesOutputsAndReport) {
  Build b = build();
  ASSERT_EQ(b.result.status, PublishResult::Status::ok) << b.result.message;
  auto files = snapshot(out());
  EXPECT_TRUE(files.count("3/de/grundsaetze.html"));
  EXPECT_TRUE(files.count("3/nl/praeambel.html"));
  EXPECT_EQ(files["3/binary.bin"], std::string("\0\xff\n", 3));
  ASSERT_TRUE(files.count("report.json"));
  const std::string& report = files["report.json"];
  EXPECT_NE(report.find("\"path\": \"3/de/grundsaetze.html\""), std::string::npos) << report;
  EXPECT_NE(report.find("\"path\": \"content/editions/3/de/grundsaetze.md\""), std::string::npos);
  EXPECT_NE(report.find("\"source_date_epoch\": 1700000000"), std::string::npos);
  EXPECT_NE(report.find("\"test.css\""), std::string::npos);
  EXPECT_EQ(report.find("seconds"), std::string::npos);  // no timings in report.json
  EXPECT_EQ(b.result.jobs, 5u);
  EXPECT_EQ(b.result.jobs_rendered, 5u);
  EXPECT_EQ(b.result.files_written, files.size());
  EXPECT_EQ(siblings(), std::vector<std::string>{"dist.lock"});  // no staging left
}

TEST_F(PublishTest, SecondBuildComesFromTheCacheAndIsIdentical) {
  ASSERT_EQ(build().result.status, PublishResult::Status::ok);
  auto first = snapshot(out());
  test_.runs = 0;
  Build again = build();
  ASSERT_EQ(again.result.status, PublishResult::Status::ok);
  EXPECT_EQ(test_.runs, 0);
  EXPECT_EQ(again.result.jobs_from_cache, 5u);
  EXPECT_EQ(snapshot(out()), first);  // report.json byte for byte too
}

TEST_F(PublishTest, EditingOneChapterRerendersOnlyWhatDependsOnIt) {
  ASSERT_EQ(build().result.status, PublishResult::Status::ok);
  tree_.write("content/editions/3/nl/grundsaetze.md",
              "---\ntitle: Uitgangspunten\n---\n\n## Diversiteit als kracht {#vielfalt}\n\nDiversiteit is de kracht van de stad.\n\n"
              "### Deelname\n\nIedereen moet kunnen meedoen; meer in [de preambule](#praeambel).\n");
  test_.runs = 0;
  Build b = build();
  ASSERT_EQ(b.result.status, PublishResult::Status::ok);
  EXPECT_EQ(test_.runs, 2);  // the chapter's job and the edition index
  EXPECT_EQ(b.result.jobs_rendered, 2u);
  EXPECT_EQ(b.result.jobs_from_cache, 3u);
  EXPECT_NE(snapshot(out())["3/nl/grundsaetze.html"].find("de kracht"), std::string::npos);

  // A theme file is an input too.
  tree_.write("themes/default/test.css", "body { color: red; }\n");
  test_.runs = 0;
  ASSERT_EQ(build().result.status, PublishResult::Status::ok);
  EXPECT_EQ(test_.runs, 4);  // every chapter job names test.css; the index does not
}

// A build server's cache would otherwise grow with every commit: entries nobody used for the
// lifetime go after a successful build; those this build used stay however old they are.
TEST_F(PublishTest, CacheEntriesUnusedForTheirLifetimeArePrunedAndUsedOnesKept) {
  ASSERT_EQ(build().result.status, PublishResult::Status::ok);
  std::vector<fs::path> entries;
  for (const auto& entry : fs::recursive_directory_iterator(cache()))
    if (entry.is_regular_file()) entries.push_back(entry.path());
  ASSERT_EQ(entries.size(), 5u);
  const auto month_ago = fs::file_time_type::clock::now() - std::chrono::days(30);
  for (const fs::path& entry : entries) fs::last_write_time(entry, month_ago);  // used a month ago
  const fs::path forgotten = cache() / "v1/00/00forgotten";  // an entry of an older tree or binary
  const fs::path recent = cache() / "v1/00/00recent";
  tree_.write(".leitbild-cache/v1/00/00forgotten", "leitbild-render-cache 1\n");
  tree_.write(".leitbild-cache/v1/00/00recent", "leitbild-render-cache 1\n");
  fs::last_write_time(forgotten, month_ago);
  fs::last_write_time(recent, fs::file_time_type::clock::now() - std::chrono::days(3));

  Build again = build();
  ASSERT_EQ(again.result.status, PublishResult::Status::ok);
  EXPECT_EQ(again.result.jobs_from_cache, 5u);
  EXPECT_EQ(again.result.cache_pruned, 1u);
  EXPECT_FALSE(fs::exists(forgotten));
  EXPECT_TRUE(fs::exists(recent));
  for (const fs::path& entry : entries) {
    ASSERT_TRUE(fs::exists(entry)) << entry;
    EXPECT_GT(fs::last_write_time(entry), month_ago + std::chrono::days(29)) << "a hit renews " << entry;
  }
}

// A failed build prunes nothing: its jobs may not have run, and nothing says the cache is stale.
TEST_F(PublishTest, AFailedBuildLeavesTheCacheAsItWas) {
  ASSERT_EQ(build().result.status, PublishResult::Status::ok);
  tree_.write(".leitbild-cache/v1/00/00forgotten", "leitbild-render-cache 1\n");
  fs::last_write_time(cache() / "v1/00/00forgotten", fs::file_time_type::clock::now() - std::chrono::days(30));
  tree_.write("content/editions/3/nl/grundsaetze.md", "---\ntitle: Uitgangspunten\n---\n\nNieuwe tekst.\n");
  test_.on_run = [](const std::string&, Diagnostics& d) { d.add("LB0620", {}, "render failed"); };
  EXPECT_EQ(build().result.status, PublishResult::Status::failed);
  EXPECT_TRUE(fs::exists(cache() / "v1/00/00forgotten"));
}

TEST_F(PublishTest, NoCacheRendersEverythingAndStoresNothing) {
  ASSERT_EQ(build(2, false).result.status, PublishResult::Status::ok);
  EXPECT_EQ(test_.runs, 5);
  EXPECT_FALSE(fs::exists(cache()));
}

TEST_F(PublishTest, DamagedCacheEntriesAreDetectedAndNeverPublished) {
  ASSERT_EQ(build().result.status, PublishResult::Status::ok);
  auto good = snapshot(out());
  // Flip one byte in the middle of every entry.
  int damaged = 0;
  for (const auto& entry : fs::recursive_directory_iterator(cache())) {
    if (!entry.is_regular_file()) continue;
    std::fstream f(entry.path(), std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(0, std::ios::end);
    auto size = static_cast<std::streamoff>(f.tellg());
    f.seekp(size - 3);
    f.put('#');
    ++damaged;
  }
  ASSERT_EQ(damaged, 5);
  test_.runs = 0;
  Build b = build();
  ASSERT_EQ(b.result.status, PublishResult::Status::ok);
  EXPECT_EQ(b.result.cache_damaged, 5u);
  EXPECT_EQ(test_.runs, 5);
  EXPECT_EQ(snapshot(out()), good);
  // The entries were written again, intact.
  test_.runs = 0;
  ASSERT_EQ(build().result.status, PublishResult::Status::ok);
  EXPECT_EQ(test_.runs, 0);
}

TEST_F(PublishTest, OutputIsTheSameWhateverTheNumberOfThreads) {
  tree_.write("content/editions/3/edition.yaml",
              "edition: 3\ntitle: { de: \"3. Auflage\", nl: \"3e editie\" }\nstatus: draft\nchapters: [praeambel, grundsaetze, c1, c2, c3, c4]\n");
  for (int i = 1; i <= 4; ++i)
    for (const char* lang : {"de", "nl"})
      tree_.write(fmt::format("content/editions/3/{}/c{}.md", lang, i),
                  fmt::format("---\ntitle: K{}\n---\n\n## Abschnitt {} {{#a{}}}\n\nText {}.\n", i, i, i, i));
  ASSERT_EQ(build(1, false, tree_.root() / "one").result.status, PublishResult::Status::ok);
  ASSERT_EQ(build(4, false, tree_.root() / "four").result.status, PublishResult::Status::ok);
  auto one = snapshot(tree_.root() / "one");
  EXPECT_EQ(one.size(), 12u + 2u + 1u);  // chapters, index and binary, report
  EXPECT_EQ(one, snapshot(tree_.root() / "four"));
}

TEST_F(PublishTest, UnchangedFilesAreLinkedFromThePreviousOutput) {
  ASSERT_EQ(build(2, false).result.status, PublishResult::Status::ok);
  auto inode = [&](const std::string& relative) {
    struct stat st {};
    EXPECT_EQ(::stat((out() / relative).c_str(), &st), 0) << relative;
    return st.st_ino;
  };
  const auto kept = inode("3/de/grundsaetze.html");
  const auto edited = inode("3/nl/grundsaetze.html");
  const auto first = snapshot(out());
  tree_.write("content/editions/3/nl/grundsaetze.md",
              "---\ntitle: Uitgangspunten\n---\n\n## Diversiteit als kracht {#vielfalt}\n\nNieuwe tekst.\n\n"
              "### Deelname\n\nIedereen moet kunnen meedoen; meer in [de preambule](#praeambel).\n");
  Build b = build(2, false);
  ASSERT_EQ(b.result.status, PublishResult::Status::ok) << b.result.message;
  // Five jobs render 6 files; only the Dutch chapter changed (the index lists titles).
  EXPECT_EQ(b.result.files_unchanged, 5u);
  EXPECT_EQ(inode("3/de/grundsaetze.html"), kept);
  EXPECT_NE(inode("3/nl/grundsaetze.html"), edited);
  auto second = snapshot(out());
  EXPECT_NE(second["3/nl/grundsaetze.html"].find("Nieuwe tekst."), std::string::npos);
  EXPECT_EQ(second["3/de/grundsaetze.html"], first.at("3/de/grundsaetze.html"));
  EXPECT_EQ(siblings(), std::vector<std::string>{"dist.lock"});
}

TEST(RunJobs, TheHeaviestJobsStartFirstAndOutcomesKeepThePlannedOrder) {
  std::vector<std::string> ran;
  std::vector<PlannedJob> jobs;
  for (auto [key, weight] : std::vector<std::pair<std::string, std::size_t>>{{"small", 1}, {"big", 300}, {"none", 0}, {"middle", 20}, {"big-too", 300}}) {
    PlannedJob planned;
    planned.format = "test";
    planned.job.key = key;
    planned.weight = weight;
    planned.job.run = [&ran, key = key](Diagnostics&) {
      ran.push_back(key);
      return Outputs{{key + ".txt", key}};
    };
    jobs.push_back(std::move(planned));
  }
  std::vector<JobOutcome> outcomes = run_jobs(jobs, nullptr, 1, nullptr, {});
  EXPECT_EQ(ran, (std::vector<std::string>{"big", "big-too", "middle", "small", "none"}));
  ASSERT_EQ(outcomes.size(), 5u);
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    ASSERT_EQ(outcomes[i].result.outputs.size(), 1u);
    EXPECT_EQ(outcomes[i].result.outputs[0].bytes, jobs[i].job.key);
  }
}

TEST_F(PublishTest, FailedBuildLeavesThePreviousOutputAlone) {
  ASSERT_EQ(build().result.status, PublishResult::Status::ok);
  auto before = snapshot(out());
  test_.on_run = [](const std::string& key, Diagnostics& d) {
    if (key == "test/3/nl/grundsaetze") d.add("LB0603", {}, "the tool failed");
  };
  Build b = build(2, false);
  EXPECT_EQ(b.result.status, PublishResult::Status::failed);
  EXPECT_TRUE(b.diagnostics.has_errors());
  EXPECT_EQ(snapshot(out()), before);
  EXPECT_EQ(siblings(), std::vector<std::string>{"dist.lock"});
}

TEST_F(PublishTest, ThrowingJobAndBadFileNamesFailTheBuild) {
  test_.on_run = [](const std::string& key, Diagnostics&) {
    if (key == "test/3/de/praeambel") throw std::runtime_error("boom");
  };
  Build b = build(2, false);
  EXPECT_EQ(b.result.status, PublishResult::Status::failed);
  bool found = false;
  for (const auto& d : b.diagnostics.all()) found |= d.code == "LB0620" && d.message.find("boom") != std::string::npos;
  EXPECT_TRUE(found);
  EXPECT_FALSE(fs::exists(out()));

  OutputFormat evil;
  evil.name = "evil";
  evil.unavailable_reason = [] { return std::string(); };
  evil.plan = [](const Project&, const RenderOptions&) {
    RenderJob job;
    job.key = "evil";
    job.run = [](Diagnostics&) { return Outputs{{"../escape.txt", "x"}, {"report.json", "{}"}}; };
    return std::vector<RenderJob>{job};
  };
  Diagnostics d;
  PublishResult r = publish_only(evil, 1, d);
  EXPECT_EQ(r.status, PublishResult::Status::failed);
  EXPECT_EQ(d.count(Severity::error), 2);
  EXPECT_FALSE(fs::exists(tree_.root() / "escape.txt"));
}

// Files are written as each job finishes, so two jobs claiming one path are caught while the
// threads run; whichever finished first, the message names both in plan order.
TEST_F(PublishTest, TwoJobsWritingOneFileFailTheBuildOnAnyNumberOfThreads) {
  OutputFormat twice;
  twice.name = "twice";
  twice.unavailable_reason = [] { return std::string(); };
  twice.plan = [](const Project&, const RenderOptions&) {
    std::vector<RenderJob> jobs;
    for (const char* key : {"twice/a", "twice/b", "twice/c"}) {
      RenderJob job;
      job.key = key;
      const std::string own = std::string(key) + ".txt";
      job.run = [own](Diagnostics&) { return Outputs{{own, "own"}, {"shared/page.html", "same name"}}; };
      jobs.push_back(std::move(job));
    }
    return jobs;
  };
  for (unsigned threads : {1u, 3u}) {
    Diagnostics d;
    PublishResult r = publish_only(twice, threads, d);
    EXPECT_EQ(r.status, PublishResult::Status::failed);
    std::vector<std::string> messages;
    for (const Diagnostic& x : d.all())
      if (x.code == "LB0620") messages.push_back(x.message);
    ASSERT_EQ(messages.size(), 2u) << threads;
    for (const std::string& m : messages) {
      EXPECT_NE(m.find("both produced `shared/page.html`"), std::string::npos) << m;
      EXPECT_LT(m.find("`twice/"), m.find("` and `")) << m;
    }
    EXPECT_FALSE(fs::exists(out()));
    EXPECT_EQ(siblings(), std::vector<std::string>{"dist.lock"});
  }
}

TEST_F(PublishTest, InterruptedBuildRemovesStagingAndLeavesOutputAlone) {
  ASSERT_EQ(build().result.status, PublishResult::Status::ok);
  auto before = snapshot(out());
  tree_.write("content/editions/3/de/praeambel.md", "---\ntitle: Präambel neu\nnumbered: false\n---\n\n## Anlass {#anlass}\n\nNeu.\n");
  test_.on_run = [](const std::string&, Diagnostics&) { request_interrupt(SIGTERM); };
  test_.runs = 0;
  Build b = build(1, false);
  EXPECT_EQ(b.result.status, PublishResult::Status::interrupted);
  EXPECT_EQ(b.result.signal, SIGTERM);
  EXPECT_LT(test_.runs, 5);  // stopped taking jobs
  EXPECT_EQ(snapshot(out()), before);
  EXPECT_EQ(siblings(), std::vector<std::string>{"dist.lock"});
}

TEST_F(PublishTest, ConcurrentBuildIsRefused) {
  std::string error;
  auto held = OutputLock::acquire(normalized_output_path(out()), error);
  ASSERT_TRUE(held) << error;
  Build b = build();
  EXPECT_EQ(b.result.status, PublishResult::Status::refused);
  EXPECT_NE(b.result.message.find("another leitbild build"), std::string::npos) << b.result.message;
  EXPECT_EQ(test_.runs, 0);
  EXPECT_FALSE(fs::exists(out()));
}

// The memo was compared with the output folder before the lock: if another build replaced the
// folder meanwhile (the folder's inode changed), nothing is taken over from it.
TEST_F(PublishTest, AnOutputFolderReplacedAfterTheMemoWasComparedRefusesTheBuild) {
  ASSERT_EQ(build().result.status, PublishResult::Status::ok);
  const auto before = snapshot(out());
  const auto inode = folder_inode(out());
  ASSERT_TRUE(inode);
  const BuildMemo memo;
  Build stale = build(2, true, {}, [&](PublishOptions& o) {
    o.previous = &memo;
    o.out_inode = *inode + 1;  // as if stamped before another build swapped the folder
  });
  EXPECT_EQ(stale.result.status, PublishResult::Status::refused);
  EXPECT_NE(stale.result.message.find("run the build again"), std::string::npos) << stale.result.message;
  EXPECT_EQ(snapshot(out()), before);
  Build current = build(2, true, {}, [&](PublishOptions& o) {
    o.previous = &memo;
    o.out_inode = inode;
  });
  EXPECT_EQ(current.result.status, PublishResult::Status::ok) << current.result.message;
}

// The previous output is kept in the cache as the spare of its output folder; spares of other
// output folders go once nobody built into them for the cache entries' lifetime.
TEST_F(PublishTest, SparesOfAbandonedOutputFoldersArePruned) {
  ASSERT_EQ(build().result.status, PublishResult::Status::ok);
  const fs::path spares = cache() / "spare-v1";
  tree_.write(".leitbild-cache/spare-v1/abandoned/3/x.html", "old");
  tree_.write(".leitbild-cache/spare-v1/recent/3/x.html", "recent");
  fs::last_write_time(spares / "abandoned", fs::file_time_type::clock::now() - std::chrono::days(15));
  ASSERT_EQ(build().result.status, PublishResult::Status::ok);
  EXPECT_FALSE(fs::exists(spares / "abandoned"));
  EXPECT_TRUE(fs::exists(spares / "recent" / "3" / "x.html"));
  const fs::path own = spare_path(cache(), normalized_output_path(out()));
  EXPECT_TRUE(fs::exists(own / "report.json"));  // the output the second build replaced
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(spares)) left.push_back(entry.path().filename().string());
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{own.filename().string(), "recent"}));
  EXPECT_EQ(siblings(), std::vector<std::string>{"dist.lock"});  // nothing beside the output folder
}

TEST_F(PublishTest, StaleStagingFromKilledBuildsIsRemoved) {
  ASSERT_EQ(build().result.status, PublishResult::Status::ok);
  tree_.write("dist.staging-99999/3/x.html", "half");
  tree_.write("dist.old-99998/report.json", "{}");
  Build b = build();
  ASSERT_EQ(b.result.status, PublishResult::Status::ok);
  EXPECT_EQ(b.result.stale_removed.size(), 2u);
  EXPECT_EQ(siblings(), std::vector<std::string>{"dist.lock"});
}

TEST_F(PublishTest, RefusesToReplaceAFolderItDidNotWrite) {
  tree_.write("mine/notes.txt", "precious");
  Build b = build(2, true, tree_.root() / "mine");
  EXPECT_EQ(b.result.status, PublishResult::Status::refused);
  EXPECT_EQ(tree_.read("mine/notes.txt"), "precious");
  // The project root itself, e.g. `--out .`, is refused the same way.
  Build root = build(2, true, tree_.root());
  EXPECT_EQ(root.result.status, PublishResult::Status::refused);
  EXPECT_TRUE(fs::exists(tree_.root() / "leitbild.yaml"));
}

TEST(RenderCache, EntriesRoundTripWithDiagnostics) {
  JobResult result;
  result.outputs = {{"a/b.html", std::string("x\0y", 3)}, {"c.txt", ""}};
  Diagnostic d;
  d.code = "LB0604";
  d.severity = Severity::warning;
  d.where = {"content/decks/x/de.md", 3, 4, 5, 6};
  d.message = "too long: 12:3;";
  d.hint = "shorten";
  d.related = SourceLocation{"f", 1, 2, 0, 0};
  d.related_message = "here";
  result.diagnostics = {d};
  auto back = deserialize_job_result(serialize_job_result(result));
  ASSERT_TRUE(back);
  ASSERT_EQ(back->outputs.size(), 2u);
  EXPECT_EQ(back->outputs[0].bytes, std::string("x\0y", 3));
  ASSERT_EQ(back->diagnostics.size(), 1u);
  EXPECT_EQ(back->diagnostics[0].message, "too long: 12:3;");
  EXPECT_EQ(back->diagnostics[0].severity, Severity::warning);
  EXPECT_EQ(back->diagnostics[0].where.end_column, 6);
  ASSERT_TRUE(back->diagnostics[0].related);
  EXPECT_EQ(back->diagnostics[0].related->file, "f");
  std::string bytes = serialize_job_result(result);
  bytes.back() ^= 1;
  EXPECT_FALSE(deserialize_job_result(bytes));
  EXPECT_FALSE(deserialize_job_result(bytes.substr(0, bytes.size() / 2)));
}

TEST(RenderCache, SourceFingerprintsAreEachTextsSha256WhicheverThreadHashedIt) {
  Project project;
  for (int i = 0; i < 1000; ++i) project.sources[fmt::format("content/editions/1/de/k{}.md", i)] = std::string(i, 'a' + i % 26);
  const SourceFingerprints fingerprints = fingerprint_sources(project);
  ASSERT_EQ(fingerprints.size(), project.sources.size());
  for (const auto& [path, text] : project.sources) EXPECT_EQ(fingerprints.at(path), sha256_hex(text)) << path;
  EXPECT_EQ(input_fingerprint(project, fingerprints, "content/editions/1/de/k7.md"), "text:" + sha256_hex(std::string(7, 'h')));
  EXPECT_EQ(input_fingerprint(project, fingerprints, "content/editions/1/de/nowhere.png"), "missing");
}

TEST(RenderCache, ToolFingerprintNamesVersionAndBuild) {
  EXPECT_TRUE(tool_fingerprint().starts_with("leitbild "));
  EXPECT_GT(tool_fingerprint().size(), std::string("leitbild 0.1.0 ").size());
}

}  // namespace
}  // namespace leitbild
