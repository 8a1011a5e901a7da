#include "load/text_file.h"

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>

namespace leitbild {
namespace fs = std::filesystem;

bool is_inside(const fs::path& root, const fs::path& path) {
  std::error_code ec;
  fs::path canonical_root = fs::weakly_canonical(root, ec);
  if (ec) return false;
  fs::path canonical = fs::weakly_canonical(path, ec);
  if (ec) return false;
  auto r = canonical_root.begin();
  auto p = canonical.begin();
  for (; r != canonical_root.end(); ++r, ++p)
    if (p == canonical.end() || *r != *p) return false;
  return true;
}

std::optional<Utf8Error> find_utf8_error(std::string_view text) {
  int line = 1;
  std::size_t line_start = 0;
  std::size_t i = 0;
  auto fail = [&](std::string what) { return Utf8Error{line, static_cast<int>(i - line_start) + 1, std::move(what)}; };
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      line_start = ++i;
      continue;
    }
    if (c == 0) return fail("a NUL byte (the file may be UTF-16 or binary)");
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) extra = 1, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) extra = 2, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) extra = 3, cp = c & 0x07;
    else return fail(fmt::format("the byte 0x{:02X} cannot start a UTF-8 character", c));
    if (i + extra >= text.size())
      return fail("a UTF-8 character is cut off at the end of the file");
    for (int k = 1; k <= extra; ++k) {
      unsigned char cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return fail(fmt::format("the byte 0x{:02X} is not valid UTF-8 here (the file may be Latin-1)", c));
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return fail("an overlong or invalid UTF-8 sequence");
    i += extra + 1;
  }
  return std::nullopt;
}

std::string normalise_text(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string lf;
  if (text.find('\r') == std::string_view::npos) {
    lf.assign(text);  // the usual case; a byte-by-byte copy cost 3% of `leitbild check`
  } else {
    lf.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\r') {
        lf += '\n';
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      } else {
        lf += text[i];
      }
    }
  }
  if (std::all_of(lf.begin(), lf.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return lf;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return lf;
  // Most text is already NFC; the quick check reads the UTF-8 in place (no UTF-16 copy).
  if (nfc->isNormalizedUTF8(lf, status) && U_SUCCESS(status)) return lf;
  status = U_ZERO_ERROR;
  icu::UnicodeString ustr = icu::UnicodeString::fromUTF8(lf);
  icu::UnicodeString normalised = nfc->normalize(ustr, status);
  if (U_FAILURE(status)) return lf;
  std::string out;
  normalised.toUTF8String(out);
  return out;
}

void prepare_text_reading() {
  UErrorCode status = U_ZERO_ERROR;
  (void)icu::Normalizer2::getNFCInstance(status);
}

std::optional<std::string> read_text_file(const fs::path& root, const std::string& relative, Diagnostics& diagnostics) {
  const fs::path path = root / relative;
  SourceLocation where{relative, 0, 0};
  // One lstat, then open + fstat on the descriptor: a check of a large tree reads thousands of
  // files, and every extra stat is a system call per file.
  struct stat link_info {};
  if (::lstat(path.c_str(), &link_info) != 0) {
    diagnostics.add("LB0101", where, fmt::format("cannot read `{}`: the file does not exist", relative));
    return std::nullopt;
  }
  if (S_ISLNK(link_info.st_mode) && !is_inside(root, path)) {
    diagnostics.add("LB0116", where, fmt::format("`{}` is a link pointing outside the project", relative),
                    "Copy the file into the project instead of linking to it.");
    return std::nullopt;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  struct stat info {};
  if (fd < 0 || ::fstat(fd, &info) != 0) {
    if (fd >= 0) ::close(fd);
    struct stat target {};
    if (::stat(path.c_str(), &target) == 0 && !S_ISREG(target.st_mode)) {
      diagnostics.add("LB0116", where, fmt::format("`{}` is {}, not a text file", relative,
                                                   S_ISDIR(target.st_mode) ? "a folder" : "not a regular file"));
    } else {
      diagnostics.add("LB0101", where, fmt::format("cannot read `{}`: permission denied or I/O error", relative));
    }
    return std::nullopt;
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (!S_ISREG(info.st_mode)) {
    diagnostics.add("LB0116", where, fmt::format("`{}` is {}, not a text file", relative,
                                                 S_ISDIR(info.st_mode) ? "a folder" : "not a regular file"));
    return std::nullopt;
  }
  const auto size = static_cast<std::uintmax_t>(info.st_size);
  if (size > kMaxTextFileBytes) {
    diagnostics.add("LB0115", where,
                    fmt::format("`{}` is {} MiB; leitbild reads text files up to {} MiB", relative,
                                size / (1024 * 1024), kMaxTextFileBytes / (1024 * 1024)));
    return std::nullopt;
  }
  std::string raw;
  raw.resize(static_cast<std::size_t>(size));
  std::size_t got = 0;
  while (true) {
    if (got == raw.size()) raw.resize(raw.size() + 4096);  // the file grew while we read it
    const ssize_t n = ::read(fd, raw.data() + got, raw.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      diagnostics.add("LB0101", where, fmt::format("cannot read `{}`: I/O error", relative));
      return std::nullopt;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    if (got > kMaxTextFileBytes) {
      diagnostics.add("LB0115", where, fmt::format("`{}` grew beyond {} MiB while it was read", relative,
                                                   kMaxTextFileBytes / (1024 * 1024)));
      return std::nullopt;
    }
  }
  raw.resize(got);
  if (raw.starts_with("\xFF\xFE") || raw.starts_with("\xFE\xFF")) {
    diagnostics.add("LB0102", {relative, 1, 1}, fmt::format("`{}` is UTF-16; leitbild reads UTF-8 only", relative),
                    "Save the file as UTF-8 in your editor (File > Save with encoding > UTF-8).");
    return std::nullopt;
  }
  if (auto err = find_utf8_error(raw)) {
    diagnostics.add("LB0102", {relative, err->line, err->column}, fmt::format("this file is not valid UTF-8: {}", err->what),
                    "Save the file as UTF-8 in your editor, then retype the character at this spot.");
    return std::nullopt;
  }
  return normalise_text(raw);
}

}  // namespace leitbild
