#include "publish/render_cache.h"

#include <elf.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <link.h>

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "model/parallel.h"
#include "model/sha256.h"
#include "model/version.h"
#include "publish/atomic_file.h"
#include "publish/byte_fields.h"

namespace leitbild {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kEntryMagic = "leitbild-render-cache 1\n";

std::string hex(const unsigned char* bytes, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 15];
  }
  return out;
}

int find_build_id(dl_phdr_info* info, std::size_t, void* data) {
  auto* out = static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum && out->empty(); ++i) {
    const ElfW(Phdr)& segment = info->dlpi_phdr[i];
    if (segment.p_type != PT_NOTE) continue;
    const std::size_t align = segment.p_align == 8 ? 8 : 4;
    auto padded = [align](std::size_t n) { return (n + align - 1) & ~(align - 1); };
    const char* p = reinterpret_cast<const char*>(info->dlpi_addr + segment.p_vaddr);
    const char* end = p + segment.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
      const char* name = p + sizeof(ElfW(Nhdr));
      const char* desc = name + padded(note->n_namesz);
      if (desc + note->n_descsz > end) break;
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        *out = hex(reinterpret_cast<const unsigned char*>(desc), note->n_descsz);
        break;
      }
      p = desc + padded(note->n_descsz);
    }
  }
  return 1;  // the first object is the program itself; libraries do not matter here
}

void feed(Sha256& hash, std::string_view field) {
  // Each field with its length, so that ("ab","c") and ("a","bc") differ.
  hash.update(std::to_string(field.size()));
  hash.update(":");
  hash.update(field);
}

}  // namespace

const std::string& tool_fingerprint() {
  static const std::string fingerprint = [] {
    std::string build_id;
    dl_iterate_phdr(find_build_id, &build_id);
    if (build_id.empty()) {
      std::string exe;
      if (read_file_bytes("/proc/self/exe", exe)) build_id = "sha256:" + sha256_hex(exe);
    }
    return fmt::format("leitbild {} {}", kVersion, build_id);
  }();
  return fingerprint;
}

SourceFingerprints fingerprint_sources(const Project& project) {
  std::vector<const std::pair<const std::string, std::string>*> texts;
  texts.reserve(project.sources.size());
  for (const auto& entry : project.sources) texts.push_back(&entry);
  std::vector<std::string> digests(texts.size());
  for_each_in_parallel(texts.size(), threads_for(texts.size(), 256), [&] {
    return [&](std::size_t i) { digests[i] = sha256_hex(texts[i]->second); };
  });
  SourceFingerprints fingerprints;
  fingerprints.reserve(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) fingerprints.emplace(texts[i]->first, std::move(digests[i]));
  return fingerprints;
}

std::string input_fingerprint(const Project& project, const SourceFingerprints& sources, const std::string& path) {
  if (auto it = sources.find(path); it != sources.end()) return "text:" + it->second;
  std::string bytes;
  if (path.find("..") == std::string::npos && read_file_bytes(project.root / path, bytes)) return "file:" + sha256_hex(bytes);
  return "missing";
}

std::string job_cache_key(const Project& project, const SourceFingerprints& sources, const std::string& format,
                          const RenderJob& job, const RenderOptions& options) {
  Sha256 hash;
  feed(hash, "leitbild-render-key 1");
  feed(hash, tool_fingerprint());
  feed(hash, format);
  feed(hash, job.key);
  std::vector<std::string> inputs = job.inputs;
  std::sort(inputs.begin(), inputs.end());
  inputs.erase(std::unique(inputs.begin(), inputs.end()), inputs.end());
  feed(hash, std::to_string(inputs.size()));
  for (const auto& path : inputs) {
    feed(hash, path);
    feed(hash, input_fingerprint(project, sources, path));
  }
  std::vector<std::string> theme = job.theme_inputs;
  std::sort(theme.begin(), theme.end());
  theme.erase(std::unique(theme.begin(), theme.end()), theme.end());
  feed(hash, std::to_string(theme.size()));
  for (const auto& path : theme) {
    feed(hash, path);
    auto bytes = options.theme_file(path);
    feed(hash, bytes ? sha256_hex(*bytes) : "missing");
  }
  feed(hash, std::to_string(options.theme_dirs.size()));
  for (const auto& dir : options.theme_dirs) feed(hash, dir.string());
  feed(hash, options.node_modules.string());
  feed(hash, options.source_date_epoch ? std::to_string(*options.source_date_epoch) : "none");
  feed(hash, options.deck_lang);
  feed(hash, options.deck_layout);
  auto digest = hash.finish();
  return hex(digest.data(), digest.size());
}

std::string serialize_job_result(const JobResult& result) {
  FieldWriter w;
  std::size_t bytes = 64;
  for (const OutputFile& file : result.outputs) bytes += file.path.size() + file.bytes.size() + 24;
  w.reserve(bytes);
  w.num(static_cast<long long>(result.outputs.size()));
  for (const OutputFile& file : result.outputs) {
    w.str(file.path);
    w.str(file.bytes);
  }
  w.num(static_cast<long long>(result.diagnostics.size()));
  for (const Diagnostic& d : result.diagnostics) w.diagnostic(d);
  return checksummed(kEntryMagic, w.take());
}

std::optional<JobResult> deserialize_job_result(std::string_view bytes) {
  std::string_view body;
  if (!unchecksummed(kEntryMagic, bytes, body)) return std::nullopt;
  FieldReader r(body);
  JobResult result;
  long long count = 0;
  if (!r.num(count) || count < 0) return std::nullopt;
  for (long long i = 0; i < count; ++i) {
    OutputFile file;
    if (!r.str(file.path) || !r.str(file.bytes)) return std::nullopt;
    result.outputs.push_back(std::move(file));
  }
  if (!r.num(count) || count < 0) return std::nullopt;
  for (long long i = 0; i < count; ++i) {
    Diagnostic d;
    if (!r.diagnostic(d)) return std::nullopt;
    result.diagnostics.push_back(std::move(d));
  }
  if (!r.done()) return std::nullopt;
  return result;
}

fs::path RenderCache::entries_dir() const { return dir_ / "v1"; }

fs::path RenderCache::entry_path(const std::string& key) const { return entries_dir() / key.substr(0, 2) / key; }

std::optional<JobResult> RenderCache::load(const std::string& key, bool* damaged) const {
  const fs::path path = entry_path(key);
  std::string bytes;
  if (!read_file_bytes(path, bytes)) return std::nullopt;
  auto result = deserialize_job_result(bytes);
  if (!result) {
    if (damaged) *damaged = true;
    std::error_code ec;
    fs::remove(path, ec);
    return result;
  }
  ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);  // used now: prune keeps it (best effort)
  return result;
}

std::size_t RenderCache::prune(const std::unordered_set<std::string>& keep, std::chrono::seconds unused_for) const {
  const auto now = fs::file_time_type::clock::now();
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& bucket : fs::directory_iterator(entries_dir(), ec)) {
    std::error_code bucket_ec;
    if (!bucket.is_directory(bucket_ec)) continue;
    for (const auto& entry : fs::directory_iterator(bucket.path(), bucket_ec)) {
      std::error_code entry_ec;
      if (!entry.is_regular_file(entry_ec) || keep.contains(entry.path().filename().string())) continue;
      const auto modified = entry.last_write_time(entry_ec);
      if (entry_ec || now - modified < unused_for) continue;
      if (fs::remove(entry.path(), entry_ec)) ++removed;
    }
  }
  return removed;
}

void RenderCache::store(const std::string& key, const JobResult& result) const {
  const fs::path path = entry_path(key);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return;
  write_file_atomically(path, serialize_job_result(result), false);
}

}  // namespace leitbild
