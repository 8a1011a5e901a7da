#include "check/translation_state.h"

#include <fmt/format.h>

#include <filesystem>
#include <map>

#include "load/load.h"
#include "load/text_file.h"
#include "resolve/fingerprint.h"
#include "resolve/slug.h"
#include "resolve/source_history.h"

namespace leitbild {

std::string_view status_name(TranslationStatus status) {
  switch (status) {
    case TranslationStatus::up_to_date: return "up to date";
    case TranslationStatus::stale: return "stale";
    case TranslationStatus::no_fingerprint: return "no fingerprint";
    case TranslationStatus::missing: return "missing";
    case TranslationStatus::unreadable: return "unreadable";
    case TranslationStatus::no_source: return "no source";
  }
  return "missing";
}

std::vector<TranslationState> translation_states(const Project& project) {
  std::vector<TranslationState> states;
  if (project.languages.empty()) return states;
  const LanguageTag& source_lang = project.source_language();
  for (const Edition& edition : project.editions) {
    for (const std::string& stem : edition.chapter_stems) {
      const Chapter* source = edition.find_chapter(source_lang, stem);
      for (const LanguageTag& lang : project.languages) {
        if (lang == source_lang) continue;
        TranslationState state;
        state.edition = edition.number;
        state.stem = stem;
        state.lang = lang;
        state.path = fmt::format("{}/{}/{}.md", edition.dir, lang, stem);
        state.source_path = fmt::format("{}/{}/{}.md", edition.dir, source_lang, stem);
        state.source = source;
        state.translation = edition.find_chapter(lang, stem);
        std::error_code ec;
        if (!state.translation) {
          state.status = std::filesystem::exists(project.root / state.path, ec) ? TranslationStatus::unreadable
                                                                                 : TranslationStatus::missing;
        } else if (!source) {
          state.status = TranslationStatus::no_source;
        } else {
          state.recorded = state.translation->translation_of;
          state.current = source_fingerprint(*source);
          if (state.recorded.empty()) state.status = TranslationStatus::no_fingerprint;
          else if (normalised_fingerprint(state.recorded) == state.current) state.status = TranslationStatus::up_to_date;
          else state.status = TranslationStatus::stale;
        }
        states.push_back(std::move(state));
      }
    }
  }
  return states;
}

namespace {

struct SectionText {
  std::string description;
  std::string text;
};

// The body split at its top-level headings, by anchor; "" is the text before the first heading.
std::map<std::string, SectionText> sections_by_anchor(const Chapter& chapter) {
  std::map<std::string, SectionText> out;
  std::vector<std::string_view> lines;
  std::string_view body = chapter.body;
  for (std::size_t pos = 0; pos <= body.size();) {
    std::size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    lines.push_back(body.substr(pos, end - pos));
    pos = end + 1;
  }
  std::string key;  // the text before the first heading
  out[key].description = "the text before the first section";
  std::size_t next_section = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int file_line = chapter.body_first_line + static_cast<int>(i);
    if (next_section < chapter.sections.size() && chapter.sections[next_section].where.line == file_line) {
      const Section& s = chapter.sections[next_section++];
      key = s.anchor.empty() ? slugify(s.title) : s.anchor;
      out[key].description = fmt::format("{}\"{}\" {{#{}}}", s.number.empty() ? "" : s.number + " ", s.title, key);
    }
    out[key].text += lines[i];
    out[key].text += '\n';
  }
  return out;
}

}  // namespace

std::optional<SourceChanges> source_changes_since(const Project& project, const Chapter& source, std::string_view recorded) {
  if (!is_fingerprint(recorded)) return std::nullopt;
  auto version = find_source_version(project.root, source.path, recorded);
  if (!version) return std::nullopt;
  Diagnostics ignored;
  auto old = parse_chapter(source.path, normalise_text(version->text), ignored);
  if (!old) return std::nullopt;
  SourceChanges changes;
  changes.commit = version->commit;
  changes.date = version->date;
  changes.title_changed = old->title != source.title;
  auto before = sections_by_anchor(*old);
  auto now = sections_by_anchor(source);
  // In the current order, then what was removed.
  for (const Section& s : source.sections) {
    auto it = now.find(s.anchor.empty() ? slugify(s.title) : s.anchor);
    if (it == now.end()) continue;
    auto was = before.find(it->first);
    if (was == before.end()) changes.sections.push_back(it->second.description + " (new)");
    else if (was->second.text != it->second.text) changes.sections.push_back(it->second.description);
  }
  if (auto intro_now = now.find(""), intro_before = before.find("");
      intro_now != now.end() && intro_before != before.end() && intro_now->second.text.find_first_not_of(" \n") != std::string::npos &&
      intro_now->second.text != intro_before->second.text)
    changes.sections.insert(changes.sections.begin(), intro_now->second.description);
  for (const auto& [anchor, section] : before)
    if (!anchor.empty() && !now.count(anchor)) changes.sections.push_back(section.description + " (removed)");
  return changes;
}

}  // namespace leitbild
