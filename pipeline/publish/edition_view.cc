#include "publish/edition_view.h"

#include "model/sha256.h"
#include "publish/byte_fields.h"
#include "publish/render_cache.h"
#include "resolve/edition_diff.h"

namespace leitbild {

namespace {

constexpr std::string_view kViewMagic = "leitbild-edition-view 1\n";

bool read_count(FieldReader& r, long long& count) { return r.num(count) && count >= 0; }

}  // namespace

std::optional<std::string> edition_view_key(const BuildMemo& memo, int edition) {
  FieldWriter w;
  w.str(tool_fingerprint());
  w.num(edition);
  bool own = false;
  for (const auto& [path, input] : memo.report_inputs) {
    if (!input.text) continue;
    const std::optional<int> of = edition_of_path(path);
    if (of && *of != edition) continue;
    own = own || of.has_value();
    w.str(path);
    w.str(input.sha256);
  }
  if (!own) return std::nullopt;
  return sha256_hex(w.take());
}

std::filesystem::path edition_view_path(const std::filesystem::path& cache, const std::string& key) {
  return cache / "memo-v1" / "views" / key;
}

std::string serialize_edition_view(const Edition& edition) {
  FieldWriter w;
  w.num(edition.number);
  w.num(static_cast<long long>(edition.chapters.size()));
  for (const auto& [lang, chapters] : edition.chapters) {
    w.str(lang);
    w.num(static_cast<long long>(chapters.size()));
    for (const Chapter& chapter : chapters) {
      w.str(chapter.stem);
      w.str(chapter.path);
      w.str(chapter.title);
      w.num(chapter.numbered ? 1 : 0);
      w.str(chapter.number);
      w.str(chapter_intro_text(chapter));
      w.num(static_cast<long long>(chapter.sections.size()));
      for (std::size_t i = 0; i < chapter.sections.size(); ++i) {
        const Section& s = chapter.sections[i];
        w.str(s.anchor);
        w.str(s.title);
        w.num(s.level);
        w.str(s.number);
        w.str(section_text(chapter, i));
      }
    }
  }
  return checksummed(kViewMagic, w.take());
}

bool apply_edition_view(std::string_view bytes, Edition& edition) {
  std::string_view body;
  if (!unchecksummed(kViewMagic, bytes, body)) return false;
  FieldReader r(body);
  int number = 0;
  long long languages = 0;
  if (!r.num(number) || number != edition.number || !read_count(r, languages)) return false;
  std::map<LanguageTag, std::vector<Chapter>> chapters;
  for (long long l = 0; l < languages; ++l) {
    LanguageTag lang;
    long long count = 0;
    if (!r.str(lang) || !read_count(r, count)) return false;
    std::vector<Chapter>& list = chapters[lang];
    list.resize(static_cast<std::size_t>(count));
    for (Chapter& chapter : list) {
      int numbered = 0;
      long long sections = 0;
      Chapter::StoredTexts texts;
      if (!r.str(chapter.stem) || !r.str(chapter.path) || !r.str(chapter.title) || !r.num(numbered) ||
          !r.str(chapter.number) || !r.str(texts.intro) || !read_count(r, sections))
        return false;
      chapter.lang = lang;
      chapter.numbered = numbered != 0;
      chapter.sections.resize(static_cast<std::size_t>(sections));
      texts.sections.resize(chapter.sections.size());
      for (std::size_t i = 0; i < chapter.sections.size(); ++i) {
        Section& s = chapter.sections[i];
        if (!r.str(s.anchor) || !r.str(s.title) || !r.num(s.level) || !r.str(s.number) || !r.str(texts.sections[i]))
          return false;
      }
      chapter.stored_texts = std::move(texts);
    }
  }
  if (!r.done()) return false;
  // The manifest's chapters (those whose files exist) must be the view's, language by language.
  for (const auto& [lang, shells] : edition.chapters) {
    auto it = chapters.find(lang);
    const std::size_t count = it == chapters.end() ? 0 : it->second.size();
    if (count != shells.size()) return false;
    for (std::size_t i = 0; i < count; ++i)
      if (it->second[i].path != shells[i].path || it->second[i].stem != shells[i].stem) return false;
  }
  for (const auto& [lang, list] : chapters)
    if (!list.empty() && !edition.chapters.count(lang)) return false;
  for (auto& [lang, list] : edition.chapters) list = std::move(chapters[lang]);
  edition.from_text_view = true;
  return true;
}

}  // namespace leitbild
