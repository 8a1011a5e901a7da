#include "cli/diff_format.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "model/strings.h"

namespace leitbild {

namespace {

constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kStrike = "\x1b[9m";
constexpr std::string_view kGreen = "\x1b[32m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kReset = "\x1b[0m";

std::string plural(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// Whitespace-separated pieces of a run, for shortening unchanged stretches on screen.
std::vector<std::string> pieces(const std::string& text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n' && text[i] != '\t') ++i;
    out.push_back(text.substr(start, i - start));
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += parts[i];
  return out;
}

std::string one_line(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += " \xC2\xB6";  // pilcrow: a paragraph break inside the diff
    else out += c;
  }
  return out;
}

std::string paint(std::string_view text, std::string_view a, std::string_view b, bool colour) {
  if (!colour) return std::string(text);
  return fmt::format("{}{}{}{}", a, b, text, kReset);
}

// A removed run takes its words' old spacing, the run after it the new one: "Masterplan zur" then
// "Umsetzung" with no space between. Shown apart, they need one.
bool needs_gap(const WordDiff& runs, std::size_t r) {
  if (r == 0 || runs[r - 1].kind != WordRun::Kind::removed || runs[r].text.empty()) return false;
  const unsigned char first = static_cast<unsigned char>(runs[r].text.front());
  const unsigned char last = static_cast<unsigned char>(runs[r - 1].text.back());
  auto wordish = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
  return wordish(first) && wordish(last);
}

// A word diff on one line; long unchanged stretches shortened to their ends.
std::string render_runs(const WordDiff& runs, const DiffTextStyle& style) {
  std::string out;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const WordRun& run = runs[r];
    if (needs_gap(runs, r)) out += ' ';
    switch (run.kind) {
      case WordRun::Kind::same: {
        auto parts = pieces(run.text);
        const std::size_t keep = style.context_words;
        const bool first = r == 0, last = r + 1 == runs.size();
        const std::size_t head = first ? 0 : keep, tail = last ? 0 : keep;
        if (parts.size() > head + tail + 1) {
          out += join(parts, 0, head);
          out += paint(" \xE2\x80\xA6", kDim, "", style.colour);  // …
          out += join(parts, parts.size() - tail, parts.size());
        } else {
          out += run.text;
        }
        break;
      }
      case WordRun::Kind::removed: {
        std::string text = run.text;
        std::string lead = text.substr(0, text.find_first_not_of(" \n\t") == std::string::npos ? text.size() : text.find_first_not_of(" \n\t"));
        std::string words = text.substr(lead.size());
        out += lead;
        out += style.colour ? paint(words, kRed, kStrike, true) : "[-" + words + "-]";
        break;
      }
      case WordRun::Kind::added: {
        std::string text = run.text;
        std::string lead = text.substr(0, text.find_first_not_of(" \n\t") == std::string::npos ? text.size() : text.find_first_not_of(" \n\t"));
        std::string words = text.substr(lead.size());
        out += lead;
        out += style.colour ? paint(words, kGreen, "", true) : "{+" + words + "+}";
        break;
      }
    }
  }
  auto start = out.find_first_not_of(" \n\t");
  return one_line(start == std::string::npos ? std::string() : out.substr(start));
}

// The first words of a whole added or removed text.
std::string excerpt(const WordDiff& runs, std::size_t words) {
  std::string text;
  for (const auto& run : runs) text += run.text;
  auto parts = pieces(text);
  std::string out = join(parts, 0, std::min(words, parts.size()));
  if (parts.size() > words) out += " \xE2\x80\xA6";
  auto start = out.find_first_not_of(" \n\t");
  return one_line(start == std::string::npos ? std::string() : out.substr(start));
}

struct WordCounts {
  std::size_t same = 0, added = 0, removed = 0;
  std::size_t before() const { return same + removed; }
  std::size_t after() const { return same + added; }
};

WordCounts count_words(const WordDiff& runs) {
  WordCounts counts;
  for (const auto& run : runs) {
    std::size_t n = 0;
    for (const auto& piece : pieces(run.text))
      if (piece.find_first_not_of(" \n\t") != std::string::npos) ++n;
    (run.kind == WordRun::Kind::same ? counts.same : run.kind == WordRun::Kind::added ? counts.added : counts.removed) += n;
  }
  return counts;
}

std::string label(const std::string& number, const std::string& title) {
  return number.empty() ? title : number + " " + title;
}

std::string section_line(const SectionChange& s, const DiffTextStyle& style) {
  const SectionPlace& place = s.after ? *s.after : *s.before;
  std::string head = fmt::format("{} {{#{}}}", label(place.number, place.title), s.anchor);
  std::vector<std::string> what;
  std::string marker;
  std::string_view colour;
  if (s.added) {
    marker = "+";
    colour = kGreen;
    what.push_back("added");
  } else if (s.removed) {
    marker = "-";
    colour = kRed;
    what.push_back("removed");
  } else {
    marker = s.moved && !(s.title_changed || s.text_changed || s.level_changed) ? ">" : "~";
    if (s.moved)
      what.push_back(s.moved_between_chapters
                         ? fmt::format("moved from chapter `{}` ({})", s.before->chapter,
                                       label(s.before->number, s.before->title))
                         : "moved within its chapter");
    if (s.title_changed) what.push_back("title changed");
    if (s.level_changed) what.push_back(fmt::format("level {} -> {}", s.before->level, s.after->level));
    if (s.text_changed) what.push_back("text changed");
  }
  std::string line = fmt::format("  {} {}  ({})\n", paint(marker, colour, "", style.colour && !colour.empty()), head,
                                 fmt::join(what, ", "));
  if (s.added || s.removed) {
    if (!s.text_diff.empty()) line += fmt::format("      {}\n", excerpt(s.text_diff, 24));
    return line;
  }
  if (s.title_changed) line += fmt::format("      title: {}\n", render_runs(s.title_diff, style));
  if (s.text_changed) {
    const WordCounts words = count_words(s.text_diff);
    // A word diff of a text written anew is noise on a terminal; HTML and JSON keep it.
    if (words.same * 2 < std::max(words.before(), words.after()))
      line += fmt::format("      text:  rewritten ({} words before, {} after; --format html shows every word)\n",
                          words.before(), words.after());
    else
      line += fmt::format("      text:  {}\n", render_runs(s.text_diff, style));
  }
  return line;
}

std::string chapter_block(const ChapterChange& c, const DiffTextStyle& style) {
  const ChapterPlace& place = c.after ? *c.after : *c.before;
  std::vector<std::string> what;
  if (c.added) what.push_back("chapter added");
  if (c.removed) what.push_back("chapter removed");
  if (c.renamed)
    what.push_back(fmt::format("renamed from `{}` (shares {})", c.before->stem,
                               c.shared_anchors.empty() ? std::string("no anchors")
                                                        : fmt::format("#{}", fmt::join(c.shared_anchors, ", #"))));
  if (c.moved) what.push_back(fmt::format("moved (position {} -> {})", c.before->position + 1, c.after->position + 1));
  if (c.title_changed) what.push_back("title changed");
  if (c.intro_changed && !c.added && !c.removed) what.push_back("introduction changed");
  std::string heading = fmt::format("{} [{}]", label(place.number, place.title), place.stem);
  std::string out = fmt::format("{}{}\n", paint(heading, kBold, "", style.colour),
                                what.empty() ? "" : fmt::format("  ({})", fmt::join(what, "; ")));
  if (c.title_changed) out += fmt::format("      title: {}\n", render_runs(c.title_diff, style));
  if (c.intro_changed && !c.added && !c.removed) out += fmt::format("      intro: {}\n", render_runs(c.intro_diff, style));
  for (const SectionChange& s : c.sections) out += section_line(s, style);
  return out;
}

using Json = nlohmann::ordered_json;

Json runs_json(const WordDiff& runs) {
  Json out = Json::array();
  for (const auto& run : runs)
    out.push_back({{"op", run.kind == WordRun::Kind::same ? "same" : run.kind == WordRun::Kind::added ? "added" : "removed"},
                   {"text", run.text}});
  return out;
}

Json chapter_place_json(const std::optional<ChapterPlace>& p) {
  if (!p) return nullptr;
  return {{"stem", p->stem}, {"number", p->number}, {"title", p->title}, {"position", p->position}};
}

Json section_place_json(const std::optional<SectionPlace>& p) {
  if (!p) return nullptr;
  return {{"chapter", p->chapter}, {"number", p->number}, {"title", p->title}, {"level", p->level}, {"position", p->position}};
}

std::string runs_html(const WordDiff& runs) {
  std::string out;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const WordRun& run = runs[r];
    if (needs_gap(runs, r)) out += ' ';
    std::string text = escape_html(run.text);
    std::string with_breaks;
    for (char c : text) with_breaks += c == '\n' ? std::string("<br>\n") : std::string(1, c);
    if (run.kind == WordRun::Kind::same) out += with_breaks;
    else if (run.kind == WordRun::Kind::added) out += "<ins>" + with_breaks + "</ins>";
    else out += "<del>" + with_breaks + "</del>";
  }
  return out;
}

std::string localized(const Localized& text, const LanguageTag& lang, int number) {
  auto it = text.find(lang);
  return it != text.end() ? it->second : fmt::format("{}", number);
}

}  // namespace

std::string summary_sentence(const DiffSummary& s) {
  std::vector<std::string> parts;
  auto add = [&](int n, std::string_view one, std::string_view many) {
    if (n) parts.push_back(plural(n, one, many));
  };
  add(s.chapters_added, "chapter added", "chapters added");
  add(s.chapters_removed, "chapter removed", "chapters removed");
  add(s.chapters_renamed, "chapter renamed", "chapters renamed");
  add(s.chapters_moved, "chapter moved", "chapters moved");
  add(s.chapters_retitled, "chapter retitled", "chapters retitled");
  add(s.sections_added, "section added", "sections added");
  add(s.sections_removed, "section removed", "sections removed");
  add(s.sections_moved, "section moved", "sections moved");
  add(s.sections_changed, "section changed", "sections changed");
  if (parts.empty()) return "no changes";
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string diff_as_text(const EditionDiff& diff, const DiffTextStyle& style) {
  std::string out;
  for (const LanguageDiff& lang : diff.languages) {
    if (!out.empty()) out += "\n";
    out += paint(fmt::format("Edition {} -> {} ({}): {}", diff.from, diff.to, lang.lang, summary_sentence(lang.summary)),
                 kBold, "", style.colour);
    out += "\n";
    for (const ChapterChange& c : lang.chapters)
      if (c.changed()) out += "\n" + chapter_block(c, style);
  }
  return out;
}

std::string diff_as_json(const EditionDiff& diff) {
  Json root;
  root["from"] = diff.from;
  root["to"] = diff.to;
  Json languages = Json::array();
  for (const LanguageDiff& lang : diff.languages) {
    const DiffSummary& s = lang.summary;
    Json l;
    l["lang"] = lang.lang;
    l["summary"] = {{"chapters_added", s.chapters_added},     {"chapters_removed", s.chapters_removed},
                    {"chapters_renamed", s.chapters_renamed}, {"chapters_moved", s.chapters_moved},
                    {"chapters_retitled", s.chapters_retitled}, {"sections_added", s.sections_added},
                    {"sections_removed", s.sections_removed}, {"sections_moved", s.sections_moved},
                    {"sections_changed", s.sections_changed}};
    Json chapters = Json::array();
    for (const ChapterChange& c : lang.chapters) {
      Json sections = Json::array();
      for (const SectionChange& sc : c.sections)
        sections.push_back({{"anchor", sc.anchor},
                            {"before", section_place_json(sc.before)},
                            {"after", section_place_json(sc.after)},
                            {"added", sc.added},
                            {"removed", sc.removed},
                            {"moved", sc.moved},
                            {"moved_between_chapters", sc.moved_between_chapters},
                            {"title_changed", sc.title_changed},
                            {"level_changed", sc.level_changed},
                            {"text_changed", sc.text_changed},
                            {"title_diff", runs_json(sc.title_diff)},
                            {"text_diff", runs_json(sc.text_diff)}});
      chapters.push_back({{"before", chapter_place_json(c.before)},
                          {"after", chapter_place_json(c.after)},
                          {"changed", c.changed()},
                          {"added", c.added},
                          {"removed", c.removed},
                          {"renamed", c.renamed},
                          {"moved", c.moved},
                          {"title_changed", c.title_changed},
                          {"intro_changed", c.intro_changed},
                          {"shared_anchors", c.shared_anchors},
                          {"title_diff", runs_json(c.title_diff)},
                          {"intro_diff", runs_json(c.intro_diff)},
                          {"sections", sections}});
    }
    l["chapters"] = chapters;
    languages.push_back(l);
  }
  root["languages"] = languages;
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string diff_as_html(const EditionDiff& diff, const Localized& from_title, const Localized& to_title) {
  std::string out =
      "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>Changes from edition {} to {}</title>\n", diff.from, diff.to);
  out +=
      "<style>\nbody{font-family:sans-serif;max-width:50rem;margin:auto;padding:1rem;line-height:1.5}\n"
      "ins{background:#d7f5d7;color:#064006;text-decoration:underline}\n"
      "del{background:#fbdada;color:#6b0000;text-decoration:line-through}\n"
      ".what{color:#555;font-size:.9em}\n</style>\n</head>\n<body>\n";
  out += fmt::format("<h1>Changes from edition {} to {}</h1>\n", diff.from, diff.to);
  for (const LanguageDiff& lang : diff.languages) {
    const std::string l = escape_html(lang.lang);
    out += fmt::format("<section lang=\"{}\">\n<h2>{} &rarr; {} ({})</h2>\n<p class=\"what\">{}</p>\n", l,
                       escape_html(localized(from_title, lang.lang, diff.from)),
                       escape_html(localized(to_title, lang.lang, diff.to)), l,
                       escape_html(summary_sentence(lang.summary)));
    for (const ChapterChange& c : lang.chapters) {
      if (!c.changed()) continue;
      const ChapterPlace& place = c.after ? *c.after : *c.before;
      std::vector<std::string> what;
      if (c.added) what.push_back("chapter added");
      if (c.removed) what.push_back("chapter removed");
      if (c.renamed) what.push_back("renamed from " + c.before->stem);
      if (c.moved) what.push_back("moved");
      if (c.title_changed) what.push_back("title changed");
      out += fmt::format("<h3>{}</h3>\n", escape_html(label(place.number, place.title)));
      if (!what.empty()) out += fmt::format("<p class=\"what\">{}</p>\n", escape_html(fmt::format("{}", fmt::join(what, "; "))));
      if (c.title_changed) out += fmt::format("<p>{}</p>\n", runs_html(c.title_diff));
      if (c.intro_changed && !c.intro_diff.empty()) out += fmt::format("<p>{}</p>\n", runs_html(c.intro_diff));
      if (c.sections.empty()) continue;
      out += "<ul>\n";
      for (const SectionChange& s : c.sections) {
        const SectionPlace& sp = s.after ? *s.after : *s.before;
        std::vector<std::string> swhat;
        if (s.added) swhat.push_back("added");
        if (s.removed) swhat.push_back("removed");
        if (s.moved) swhat.push_back(s.moved_between_chapters ? "moved from " + s.before->chapter : "moved");
        if (s.title_changed) swhat.push_back("title changed");
        if (s.level_changed) swhat.push_back("level changed");
        if (s.text_changed) swhat.push_back("text changed");
        out += fmt::format("<li id=\"{}-{}\"><strong>{}</strong> <span class=\"what\">({})</span>", l, escape_html(s.anchor),
                           escape_html(label(sp.number, sp.title)), escape_html(fmt::format("{}", fmt::join(swhat, ", "))));
        if (s.title_changed) out += fmt::format("<p>{}</p>", runs_html(s.title_diff));
        if (!s.text_diff.empty()) out += fmt::format("<p>{}</p>", runs_html(s.text_diff));
        out += "</li>\n";
      }
      out += "</ul>\n";
    }
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace leitbild
