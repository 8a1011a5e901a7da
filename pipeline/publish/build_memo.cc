#include "publish/build_memo.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "model/sha256.h"
#include "publish/atomic_file.h"
#include "publish/byte_fields.h"
#include "publish/render_cache.h"
#include "resolve/source_history.h"

namespace leitbild {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMemoMagic = "leitbild-build-memo 2\n";
constexpr int kDeepestFolder = 40;  // deeper than any tree leitbild reads: a link loop

FileStamp stamp_of(std::string path, const struct stat& st) {
  FileStamp stamp;
  stamp.path = std::move(path);
  if (S_ISDIR(st.st_mode)) {
    stamp.path += '/';  // a folder counts by its name only: files coming and going show themselves
    return stamp;
  }
  stamp.size = st.st_size;
  stamp.mtime_ns = st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec;
  stamp.ctime_ns = st.st_ctim.tv_sec * 1'000'000'000LL + st.st_ctim.tv_nsec;
  stamp.inode = st.st_ino;
  return stamp;
}

// Calls `visit(folder_fd, entry)` for every entry of the folder `fd` (owned) but "." and "..";
// `visit` returns false to stop. False when the folder cannot be read or is deeper than any tree
// leitbild reads (a link loop).
template <typename Visit>
bool for_each_entry(int fd, int depth, Visit visit) {
  DIR* dir = fdopendir(fd);
  if (!dir) {
    ::close(fd);
    return false;
  }
  bool ok = depth < kDeepestFolder;
  while (ok) {
    errno = 0;
    const dirent* entry = readdir(dir);
    if (!entry) {
      ok = errno == 0;
      break;
    }
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    ok = visit(dirfd(dir), *entry);
  }
  closedir(dir);
  return ok;
}

int open_child_folder(int folder_fd, const char* name) {
  return openat(folder_fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

// Stamps everything under the folder `fd` (owned) as `prefix` + name; false when a folder cannot
// be read.
// `listed_inodes_match`, when given, is cleared if a directory entry's inode number differs from
// stat's (some union filesystems): then listings cannot stand in for stat (list_output_inodes).
bool stamp_folder(int fd, const std::string& prefix, int depth, std::vector<FileStamp>& out, int stat_flags = 0,
                  bool* listed_inodes_match = nullptr) {
  return for_each_entry(fd, depth, [&](int folder_fd, const dirent& entry) {
    struct stat st;
    if (fstatat(folder_fd, entry.d_name, &st, stat_flags) != 0) {
      // A dangling link or a file removed meanwhile: stamped as missing, so it counts as changed.
      out.push_back(FileStamp{prefix + entry.d_name, -1, 0, 0, 0});
      return true;
    }
    if (listed_inodes_match && entry.d_ino != st.st_ino) *listed_inodes_match = false;
    out.push_back(stamp_of(prefix + entry.d_name, st));
    if (!S_ISDIR(st.st_mode)) return true;
    const std::string folder = out.back().path;  // a copy: the recursion grows `out`
    int child = open_child_folder(folder_fd, entry.d_name);
    return child >= 0 && stamp_folder(child, folder, depth + 1, out, stat_flags, listed_inodes_match);
  });
}

// Names and inode numbers as the folder listing gives them, without a stat per file: files get
// their inode, links and other entries 0, folders their name with '/'.
bool list_folder(int fd, const std::string& prefix, int depth, std::vector<FileStamp>& out) {
  return for_each_entry(fd, depth, [&](int folder_fd, const dirent& entry) {
    unsigned char type = entry.d_type;
    unsigned long long inode = entry.d_ino;
    if (type == DT_UNKNOWN) {  // filesystems that do not say: ask
      struct stat st;
      if (fstatat(folder_fd, entry.d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) return true;
      type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_LNK;
      inode = st.st_ino;
    }
    if (type != DT_DIR) {
      out.push_back(FileStamp{prefix + entry.d_name, 0, 0, 0, type == DT_REG ? inode : 0});
      return true;
    }
    const std::string folder = prefix + entry.d_name + '/';
    out.push_back(FileStamp{folder, 0, 0, 0, 0});
    int child = open_child_folder(folder_fd, entry.d_name);
    return child >= 0 && list_folder(child, folder, depth + 1, out);
  });
}

// `path` itself (file or folder, recursively) as `name`; a missing path is stamped as missing.
bool stamp_path(const fs::path& path, const std::string& name, std::vector<FileStamp>& out) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    out.push_back(FileStamp{name, -1, 0, 0, 0});
    return true;
  }
  out.push_back(stamp_of(name, st));
  if (!S_ISDIR(st.st_mode)) return true;
  const std::string folder = out.back().path;  // a copy: stamping the folder grows `out`
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  return fd >= 0 && stamp_folder(fd, folder, 0, out);
}

void sort_stamps(std::vector<FileStamp>& stamps) {
  std::sort(stamps.begin(), stamps.end(), [](const FileStamp& a, const FileStamp& b) { return a.path < b.path; });
}

void write_stamps(FieldWriter& w, const std::vector<FileStamp>& stamps) {
  w.num(static_cast<long long>(stamps.size()));
  for (const FileStamp& s : stamps) {
    w.str(s.path);
    w.num(s.size);
    w.num(s.mtime_ns);
    w.num(s.ctime_ns);
    w.num(static_cast<long long>(s.inode));
  }
}

bool read_count(FieldReader& r, long long& count) { return r.num(count) && count >= 0; }

bool read_stamps(FieldReader& r, std::vector<FileStamp>& stamps) {
  long long count = 0;
  if (!read_count(r, count)) return false;
  stamps.resize(static_cast<std::size_t>(count));
  for (FileStamp& s : stamps) {
    long long inode = 0;
    if (!r.str(s.path) || !r.num(s.size) || !r.num(s.mtime_ns) || !r.num(s.ctime_ns) || !r.num(inode)) return false;
    s.inode = static_cast<unsigned long long>(inode);
  }
  return true;
}

void write_strings(FieldWriter& w, const auto& strings) {
  w.num(static_cast<long long>(strings.size()));
  for (const std::string& s : strings) w.str(s);
}

bool read_strings(FieldReader& r, std::vector<std::string>& strings) {
  long long count = 0;
  if (!read_count(r, count)) return false;
  strings.resize(static_cast<std::size_t>(count));
  for (std::string& s : strings)
    if (!r.str(s)) return false;
  return true;
}

void write_diagnostics(FieldWriter& w, const std::vector<Diagnostic>& diagnostics) {
  w.num(static_cast<long long>(diagnostics.size()));
  for (const Diagnostic& d : diagnostics) w.diagnostic(d);
}

bool read_diagnostics(FieldReader& r, std::vector<Diagnostic>& diagnostics) {
  long long count = 0;
  if (!read_count(r, count)) return false;
  diagnostics.resize(static_cast<std::size_t>(count));
  for (Diagnostic& d : diagnostics)
    if (!r.diagnostic(d)) return false;
  return true;
}

}  // namespace

std::optional<std::vector<FileStamp>> stamp_inputs(const fs::path& root, const std::vector<fs::path>& theme_dirs,
                                                   const fs::path& node_modules) {
  std::vector<FileStamp> stamps;
  bool ok = true;
  for (const char* name : {"leitbild.yaml", "content", "glossary", "themes"}) ok = ok && stamp_path(root / name, name, stamps);
  std::error_code ec;
  const fs::path own_themes = fs::weakly_canonical(root / "themes", ec);
  for (const fs::path& dir : theme_dirs) {
    const fs::path canonical = fs::weakly_canonical(dir, ec);
    const auto [mismatch, rest] = std::mismatch(own_themes.begin(), own_themes.end(), canonical.begin(), canonical.end());
    if (mismatch == own_themes.end()) continue;  // inside root/themes: stamped above
    ok = ok && stamp_path(canonical, canonical.string(), stamps);
  }
  if (auto git = git_dir_above(root)) {
    for (const char* name : {"HEAD", "index", "packed-refs"}) ok = ok && stamp_path(*git / name, (*git / name).string(), stamps);
    ok = ok && stamp_path(*git / "refs" / "heads", (*git / "refs" / "heads").string(), stamps);
  }
  ok = ok && stamp_path(node_modules / ".package-lock.json", (node_modules / ".package-lock.json").string(), stamps);
  if (!ok) return std::nullopt;
  sort_stamps(stamps);
  return stamps;
}

bool has_file(const std::vector<FileStamp>& stamps, const std::string& path) {
  auto it = std::lower_bound(stamps.begin(), stamps.end(), path,
                             [](const FileStamp& stamp, const std::string& p) { return stamp.path < p; });
  return it != stamps.end() && it->path == path && it->size >= 0;
}

std::optional<std::vector<FileStamp>> list_output_inodes(const fs::path& folder) {
  std::vector<FileStamp> stamps;
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || !list_folder(fd, "", 0, stamps)) return std::nullopt;
  std::erase_if(stamps, [](const FileStamp& stamp) { return stamp.path == "timings.json"; });
  sort_stamps(stamps);
  return stamps;
}

std::optional<std::vector<FileStamp>> stamp_output(const fs::path& out, bool* listed_inodes_match) {
  std::vector<FileStamp> stamps;
  int fd = ::open(out.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  // A link in an output folder is stamped as itself: leitbild writes none, and a spare folder's
  // file must be the published file itself, not a link to it (publish.h).
  if (fd < 0 || !stamp_folder(fd, "", 0, stamps, AT_SYMLINK_NOFOLLOW, listed_inodes_match)) return std::nullopt;
  // Not the change time: output files are hard-linked from build to build, and removing the
  // previous folder's names (while this stamping may run) changes the inodes' change times.
  for (FileStamp& stamp : stamps) stamp.ctime_ns = 0;
  // timings.json differs from build to build and is never linked into the next one.
  std::erase_if(stamps, [](const FileStamp& stamp) { return stamp.path == "timings.json"; });
  sort_stamps(stamps);
  return stamps;
}

std::optional<std::vector<FileStamp>> stamp_filled_output(const fs::path& out, const std::vector<FileStamp>& before,
                                                          const std::vector<OutputEntry>& files) {
  std::vector<FileStamp> stamps;
  stamps.reserve(files.size() + files.size() / 8);
  std::set<std::string_view> folders;
  for (const OutputEntry& file : files) {
    for (std::size_t slash = file.path.find('/'); slash != std::string_view::npos; slash = file.path.find('/', slash + 1))
      folders.insert(file.path.substr(0, slash + 1));
    if (file.linked) {
      auto it = std::lower_bound(before.begin(), before.end(), file.path,
                                 [](const FileStamp& stamp, std::string_view p) { return stamp.path < p; });
      if (it != before.end() && it->path == file.path) {
        stamps.push_back(*it);
        continue;
      }
    }
    struct stat st;
    if (::stat((out / file.path).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    stamps.push_back(stamp_of(std::string(file.path), st));
    stamps.back().ctime_ns = 0;  // as stamp_output
  }
  for (std::string_view folder : folders) stamps.push_back(FileStamp{std::string(folder), 0, 0, 0, 0});
  sort_stamps(stamps);
  return stamps;
}

std::string serialize_memo(const BuildMemo& memo) {
  FieldWriter w;
  std::size_t files = memo.inputs.size() + memo.output.size() + 2 * memo.report_inputs.size();
  for (const MemoJob& job : memo.jobs) files += job.inputs.size() + 2 * job.written.size();
  w.reserve(files * 80);  // about what a path and its numbers take
  w.str(memo.identity);
  write_stamps(w, memo.inputs);
  write_stamps(w, memo.output);
  w.num(static_cast<long long>(memo.editions.size()));
  for (int e : memo.editions) w.num(e);
  w.num(static_cast<long long>(memo.deck_editions.size()));
  for (int e : memo.deck_editions) w.num(e);
  write_diagnostics(w, memo.diagnostics);
  w.num(static_cast<long long>(memo.terms_used.size()));
  for (const auto& [edition, ids] : memo.terms_used) {
    w.num(edition);
    write_strings(w, ids);
  }
  w.num(static_cast<long long>(memo.report_inputs.size()));
  for (const auto& [path, input] : memo.report_inputs) {
    w.str(path);
    w.str(input.sha256);
    w.num(static_cast<long long>(input.size));
    w.num(input.text ? 1 : 0);
  }
  w.num(static_cast<long long>(memo.jobs.size()));
  for (const MemoJob& job : memo.jobs) {
    w.str(job.format);
    w.str(job.key);
    w.str(job.cache_key);
    write_strings(w, job.inputs);
    write_strings(w, job.theme_inputs);
    w.num(static_cast<long long>(job.written.size()));
    for (const WrittenFile& file : job.written) {
      w.str(file.path);
      w.num(static_cast<long long>(file.size));
      w.str(file.sha256);
    }
    write_diagnostics(w, job.diagnostics);
  }
  return checksummed(kMemoMagic, w.take());
}

std::optional<BuildMemo> deserialize_memo(std::string_view bytes) {
  std::string_view body;
  if (!unchecksummed(kMemoMagic, bytes, body)) return std::nullopt;
  FieldReader r(body);
  BuildMemo memo;
  long long count = 0;
  if (!r.str(memo.identity) || !read_stamps(r, memo.inputs) || !read_stamps(r, memo.output) || !read_count(r, count))
    return std::nullopt;
  memo.editions.resize(static_cast<std::size_t>(count));
  for (int& e : memo.editions)
    if (!r.num(e)) return std::nullopt;
  if (!read_count(r, count)) return std::nullopt;
  for (long long i = 0; i < count; ++i) {
    int e = 0;
    if (!r.num(e)) return std::nullopt;
    memo.deck_editions.insert(e);
  }
  if (!read_diagnostics(r, memo.diagnostics) || !read_count(r, count)) return std::nullopt;
  for (long long i = 0; i < count; ++i) {
    int edition = 0;
    std::vector<std::string> ids;
    if (!r.num(edition) || !read_strings(r, ids)) return std::nullopt;
    memo.terms_used[edition] = std::set<std::string>(ids.begin(), ids.end());
  }
  if (!read_count(r, count)) return std::nullopt;
  for (long long i = 0; i < count; ++i) {
    std::string path;
    MemoInput input;
    long long size = 0;
    int text = 0;
    if (!r.str(path) || !r.str(input.sha256) || !r.num(size) || !r.num(text)) return std::nullopt;
    input.size = static_cast<std::size_t>(size);
    input.text = text != 0;
    memo.report_inputs.emplace(std::move(path), std::move(input));
  }
  if (!read_count(r, count)) return std::nullopt;
  memo.jobs.resize(static_cast<std::size_t>(count));
  for (MemoJob& job : memo.jobs) {
    long long files = 0;
    if (!r.str(job.format) || !r.str(job.key) || !r.str(job.cache_key) || !read_strings(r, job.inputs) ||
        !read_strings(r, job.theme_inputs) || !read_count(r, files))
      return std::nullopt;
    job.written.resize(static_cast<std::size_t>(files));
    for (WrittenFile& file : job.written) {
      long long size = 0;
      if (!r.str(file.path) || !r.num(size) || !r.str(file.sha256)) return std::nullopt;
      file.size = static_cast<std::size_t>(size);
    }
    if (!read_diagnostics(r, job.diagnostics)) return std::nullopt;
  }
  if (!r.done()) return std::nullopt;
  return memo;
}

std::string memo_identity(const fs::path& root, const fs::path& out, const std::vector<std::string>& formats,
                          const std::vector<std::string>& skipped_formats, const std::string& render_options) {
  std::error_code ec;
  FieldWriter w;
  w.str(tool_fingerprint());
  w.str(fs::weakly_canonical(fs::absolute(root, ec), ec).string());
  w.str(fs::weakly_canonical(fs::absolute(out, ec), ec).string());
  write_strings(w, formats);
  write_strings(w, skipped_formats);
  w.str(render_options);
  return w.take();
}

fs::path memo_path(const fs::path& cache, const std::string& identity) {
  return cache / "memo-v1" / sha256_hex(identity);
}

std::optional<BuildMemo> read_memo(const fs::path& cache, const std::string& identity) {
  std::string bytes;
  if (!read_file_bytes(memo_path(cache, identity), bytes)) return std::nullopt;
  auto memo = deserialize_memo(bytes);
  if (!memo || memo->identity != identity) return std::nullopt;
  return memo;
}

void write_memo(const fs::path& cache, const BuildMemo& memo, std::chrono::seconds unused_for) {
  const fs::path path = memo_path(cache, memo.identity);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  write_file_atomically(path, serialize_memo(memo), false);
  // Memos of other binaries, options or output folders that no build has written for that long.
  remove_unused_entries(path.parent_path(), unused_for, path);
}

void remove_unused_entries(const fs::path& folder, std::chrono::seconds unused_for, const fs::path& keep) {
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    std::error_code entry_ec;
    const auto written = entry.last_write_time(entry_ec);
    if (!entry_ec && entry.path() != keep && now - written > unused_for) fs::remove(entry.path(), entry_ec);
  }
}

bool named_files_unchanged(const BuildMemo& memo, const fs::path& root) {
  auto stamped = [](const std::string& path) {
    return path == "leitbild.yaml" || path.starts_with("content/") || path.starts_with("glossary/") ||
           path.starts_with("themes/");
  };
  std::set<std::string> compared;
  for (const MemoJob& job : memo.jobs)
    for (const std::string& path : job.inputs) {
      if (stamped(path) || !compared.insert(path).second) continue;
      std::string bytes;
      const bool readable = path.find("..") == std::string::npos && read_file_bytes(root / path, bytes);
      const auto known = memo.report_inputs.find(path);
      if (readable != (known != memo.report_inputs.end())) return false;
      if (readable && sha256_hex(bytes) != known->second.sha256) return false;
    }
  return true;
}

std::optional<int> edition_of_path(const std::string& path) {
  constexpr std::string_view prefix = "content/editions/";
  if (!path.starts_with(prefix)) return std::nullopt;
  const std::size_t start = prefix.size();
  const std::size_t slash = path.find('/', start);
  if (slash == std::string::npos || slash == start || slash - start > 6 || path[start] == '0') return std::nullopt;
  int number = 0;
  auto [ptr, ec] = std::from_chars(path.data() + start, path.data() + slash, number);
  if (ec != std::errc() || ptr != path.data() + slash) return std::nullopt;
  return number;
}

InputChanges compare_inputs(const std::vector<FileStamp>& before, const std::vector<FileStamp>& now,
                            const std::vector<int>& editions) {
  InputChanges changes;
  auto note = [&](const std::string& path) {
    const std::optional<int> edition = edition_of_path(path);
    const bool known = edition && std::find(editions.begin(), editions.end(), *edition) != editions.end();
    const std::string manifest = known ? "content/editions/" + std::to_string(*edition) + "/edition.yaml" : "";
    // The edition's own folder entry and its manifest change what every edition's pages list.
    if (!known || path == manifest || path.size() <= manifest.size() - std::string("edition.yaml").size())
      changes.outside_editions = true;
    else changes.editions.insert(*edition);
  };
  std::size_t i = 0, j = 0;
  while (i < before.size() || j < now.size()) {
    if (j == now.size() || (i < before.size() && before[i].path < now[j].path)) {
      note(before[i++].path);
    } else if (i == before.size() || now[j].path < before[i].path) {
      note(now[j++].path);
    } else {
      if (!(before[i] == now[j])) note(now[j].path);
      ++i, ++j;
    }
  }
  return changes;
}

IncrementalScope incremental_scope(const std::vector<int>& editions, const std::set<int>& changed,
                                   const std::set<int>& deck_editions) {
  std::vector<int> sorted = editions;
  std::sort(sorted.begin(), sorted.end());
  IncrementalScope scope;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (!changed.count(sorted[i])) continue;
    scope.rendered.insert(sorted[i]);
    if (i + 1 < sorted.size()) scope.rendered.insert(sorted[i + 1]);
  }
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (!scope.rendered.count(sorted[i])) continue;
    scope.loaded.insert(sorted[i]);
    if (i > 0) scope.loaded.insert(sorted[i - 1]);
  }
  for (int e : deck_editions)
    if (std::find(sorted.begin(), sorted.end(), e) != sorted.end()) scope.loaded.insert(e);
  return scope;
}

std::set<std::string> terms_used_in(const Edition& edition) {
  std::set<std::string> used;
  for (const auto& [lang, chapters] : edition.chapters)
    for (const Chapter& chapter : chapters)
      for (const auto& [node, hits] : chapter.term_hits)
        for (const TermHit& hit : hits)
          if (!hit.deprecated) used.insert(hit.term_id);
  return used;
}

}  // namespace leitbild
