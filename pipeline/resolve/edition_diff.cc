#include "resolve/edition_diff.h"

#include <cmark-gfm.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "resolve/text_segments.h"

namespace leitbild {

namespace {

// ---------------------------------------------------------------------------------------------
// Section text from the cmark tree.

// `[](#id)`: resolve filled the link with its target's label ("5.4 Title"). The diff reads it as
// the title alone, so that renumbering is no change.
bool is_filled_cross_reference(const Chapter& chapter, cmark_node* link, const LinkTarget** target) {
  auto it = chapter.links.find(link);
  if (it == chapter.links.end()) return false;
  cmark_node* child = cmark_node_first_child(link);
  const bool filled = !child || (cmark_node_next(child) == nullptr && cmark_node_get_type(child) == CMARK_NODE_TEXT &&
                                 cmark_node_get_literal(child) && it->second.label() == cmark_node_get_literal(child));
  if (filled) *target = &it->second;
  return filled;
}

void inline_text(const Chapter& chapter, cmark_node* node, std::string& out) {
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type ev;
  cmark_node* filled_link = nullptr;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* cur = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_EXIT) {
      if (cur == filled_link) filled_link = nullptr;
      continue;
    }
    if (ev != CMARK_EVENT_ENTER || filled_link) continue;
    switch (cmark_node_get_type(cur)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* lit = cmark_node_get_literal(cur)) out += lit;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      case CMARK_NODE_LINK: {
        const LinkTarget* target = nullptr;
        if (is_filled_cross_reference(chapter, cur, &target)) {
          out += target->title;
          if (cmark_node_first_child(cur)) filled_link = cur;
        }
        break;
      }
      default:
        break;
    }
  }
  cmark_iter_free(iter);
}

void block_text(const Chapter& chapter, cmark_node* node, std::vector<std::string>& lines) {
  const std::string type = node_type_name(node);
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING: {
      std::string line;
      inline_text(chapter, node, line);
      lines.push_back(std::move(line));
      return;
    }
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK: {
      std::string literal = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
      while (!literal.empty() && literal.back() == '\n') literal.pop_back();
      lines.push_back(std::move(literal));
      return;
    }
    case CMARK_NODE_THEMATIC_BREAK:
      return;
    default:
      break;
  }
  if (type == "table_row") {
    std::string line;
    for (cmark_node* cell = cmark_node_first_child(node); cell; cell = cmark_node_next(cell)) {
      if (cell != cmark_node_first_child(node)) line += " | ";
      inline_text(chapter, cell, line);
    }
    lines.push_back(std::move(line));
    return;
  }
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child))
    block_text(chapter, child, lines);
}

bool is_section_heading(const Chapter& chapter, cmark_node* node) {
  if (cmark_node_get_type(node) != CMARK_NODE_HEADING) return false;
  return std::any_of(chapter.sections.begin(), chapter.sections.end(), [&](const Section& s) { return s.heading == node; });
}

std::string text_between(const Chapter& chapter, cmark_node* first) {
  std::vector<std::string> lines;
  for (cmark_node* node = first; node && !is_section_heading(chapter, node); node = cmark_node_next(node))
    block_text(chapter, node, lines);
  std::string out;
  for (const auto& line : lines) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Words and the Myers diff.

// A word and the whitespace before it, as views into the text it came from (which must outlive
// it: tokenize() refuses temporaries).
struct Token {
  std::string_view space;
  std::string_view word;
};

bool is_all_space(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !u_isUWhiteSpace(c)) return false;
  }
  return true;
}

// One word break iterator per language and thread: creating one costs more than splitting a section.
icu::BreakIterator* word_breaker(const LanguageTag& lang) {
  thread_local std::map<LanguageTag, std::unique_ptr<icu::BreakIterator>> breakers;
  std::unique_ptr<icu::BreakIterator>& breaker = breakers[lang];
  if (!breaker) {
    UErrorCode status = U_ZERO_ERROR;
    breaker.reset(icu::BreakIterator::createWordInstance(icu::Locale(lang.c_str()), status));
    if (U_FAILURE(status)) breaker.reset();
  }
  return breaker.get();
}

std::vector<Token> tokenize(std::string&& text, const LanguageTag& lang) = delete;  // the tokens would dangle

std::vector<Token> tokenize(std::string_view text, const LanguageTag& lang) {
  std::vector<Token> tokens;
  if (text.empty()) return tokens;
  icu::BreakIterator* words = word_breaker(lang);
  if (!words) {
    // No ICU data for word breaks: whitespace-separated words are the next best thing.
    std::size_t i = 0;
    while (i < text.size()) {
      std::size_t start = i;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
      const std::string_view space = text.substr(start, i - start);
      start = i;
      while (i < text.size() && text[i] != ' ' && text[i] != '\n' && text[i] != '\t') ++i;
      if (i > start) tokens.push_back({space, text.substr(start, i - start)});
    }
    return tokens;
  }
  // Whitespace segments before a word are contiguous: the word's space runs from the end of the
  // previous word to its start.
  std::size_t space_start = 0;
  for (const TextSegment& s : segments_of(*words, text)) {
    const std::string_view segment = text.substr(s.begin, s.end - s.begin);
    if (is_all_space(segment)) continue;
    tokens.push_back({text.substr(space_start, s.begin - space_start), segment});
    space_start = s.end;
  }
  return tokens;
}

enum class Edit { same, insert, erase };

// Myers' O(ND) diff. Past `kMaxEdits` edits the texts have little in common and a word diff says
// nothing useful: everything old is removed, everything new added.
constexpr std::ptrdiff_t kMaxEdits = 4000;

std::vector<Edit> myers(const std::vector<Token>& a, const std::vector<Token>& b) {
  const auto n = static_cast<std::ptrdiff_t>(a.size());
  const auto m = static_cast<std::ptrdiff_t>(b.size());
  std::ptrdiff_t prefix = 0;
  while (prefix < n && prefix < m && a[prefix].word == b[prefix].word) ++prefix;
  std::ptrdiff_t suffix = 0;
  while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix].word == b[m - 1 - suffix].word) ++suffix;
  const std::ptrdiff_t an = n - prefix - suffix, bm = m - prefix - suffix;
  // Words as numbers: the search compares (N+M)*D pairs, a string comparison each would dominate.
  std::unordered_map<std::string_view, int> ids;
  auto numbered = [&](const std::vector<Token>& tokens, std::ptrdiff_t count) {
    std::vector<int> out(static_cast<std::size_t>(count));
    for (std::ptrdiff_t i = 0; i < count; ++i)
      out[static_cast<std::size_t>(i)] =
          ids.emplace(tokens[static_cast<std::size_t>(prefix + i)].word, static_cast<int>(ids.size())).first->second;
    return out;
  };
  const std::vector<int> a_ids = numbered(a, an), b_ids = numbered(b, bm);
  auto eq = [&](std::ptrdiff_t x, std::ptrdiff_t y) {
    return a_ids[static_cast<std::size_t>(x)] == b_ids[static_cast<std::size_t>(y)];
  };

  std::vector<Edit> middle;  // reversed
  std::vector<std::vector<std::ptrdiff_t>> trace;  // V after each d, indexed k + d
  bool found = false;
  std::ptrdiff_t final_d = 0;
  for (std::ptrdiff_t d = 0; d <= an + bm && d <= kMaxEdits && !found; ++d) {
    std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * d + 1));
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      std::ptrdiff_t x;
      if (d == 0) x = 0;
      else {
        const auto& prev = trace.back();
        auto at = [&](std::ptrdiff_t kk) { return prev[static_cast<std::size_t>(kk + d - 1)]; };
        x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      }
      std::ptrdiff_t y = x - k;
      while (x < an && y < bm && eq(x, y)) ++x, ++y;
      v[static_cast<std::size_t>(k + d)] = x;
      if (x >= an && y >= bm) {
        found = true;
        final_d = d;
      }
    }
    trace.push_back(std::move(v));
  }
  if (!found) {
    middle.assign(static_cast<std::size_t>(bm), Edit::insert);
    middle.insert(middle.end(), static_cast<std::size_t>(an), Edit::erase);  // reversed: erasures come first
  } else {
    std::ptrdiff_t x = an, y = bm;
    for (std::ptrdiff_t d = final_d; d > 0; --d) {
      const auto& prev = trace[static_cast<std::size_t>(d - 1)];
      auto at = [&](std::ptrdiff_t kk) { return prev[static_cast<std::size_t>(kk + d - 1)]; };
      const std::ptrdiff_t k = x - y;
      const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
      const std::ptrdiff_t prev_k = down ? k + 1 : k - 1;
      const std::ptrdiff_t prev_x = at(prev_k), prev_y = prev_x - prev_k;
      const std::ptrdiff_t mid_x = down ? prev_x : prev_x + 1;
      while (x > mid_x) {
        middle.push_back(Edit::same);
        --x, --y;
      }
      middle.push_back(down ? Edit::insert : Edit::erase);
      x = prev_x, y = prev_y;
    }
    while (x > 0) {
      middle.push_back(Edit::same);
      --x, --y;
    }
  }
  std::vector<Edit> script(static_cast<std::size_t>(prefix), Edit::same);
  script.insert(script.end(), middle.rbegin(), middle.rend());
  script.insert(script.end(), static_cast<std::size_t>(suffix), Edit::same);
  // Within each changed stretch, removals first: "[-acht-]{+neun+}", never interleaved.
  for (std::size_t i = 0; i < script.size();) {
    if (script[i] == Edit::same) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < script.size() && script[end] != Edit::same) ++end;
    std::stable_partition(script.begin() + static_cast<std::ptrdiff_t>(i), script.begin() + static_cast<std::ptrdiff_t>(end),
                          [](Edit e) { return e == Edit::erase; });
    i = end;
  }
  return script;
}

WordDiff runs_of(const std::vector<Token>& a, const std::vector<Token>& b, const std::vector<Edit>& script) {
  WordDiff runs;
  std::size_t i = 0, j = 0;
  for (Edit e : script) {
    WordRun::Kind kind = e == Edit::same ? WordRun::Kind::same : e == Edit::insert ? WordRun::Kind::added : WordRun::Kind::removed;
    const Token& t = e == Edit::erase ? a[i] : b[j];
    if (e != Edit::insert) ++i;
    if (e != Edit::erase) ++j;
    if (runs.empty() || runs.back().kind != kind) runs.push_back({kind, {}});
    runs.back().text.append(t.space).append(t.word);
  }
  return runs;
}

// The length of `text` without the white space at its end.
std::size_t without_trailing_space(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t end = static_cast<int32_t>(text.size());
  while (end > 0) {
    int32_t before = end;
    UChar32 c;
    U8_PREV(bytes, 0, before, c);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    end = before;
  }
  return static_cast<std::size_t>(end);
}

// Whether a -> b is_rewritten() whatever Myers would match. A diff's unchanged runs carry the new
// tokens, its removed runs the old ones, so with S_a and S_b the bytes of the matched old and new
// tokens and A, B all their bytes: total = B + A - S_a, unchanged = S_b, and the text is rewritten
// when 2 S_b + S_a < A + B. Each word can be matched at most min(count in a, count in b) times,
// each time at most as long as its longest token on that side: bounds for S_a and S_b.
bool certainly_rewritten(const std::vector<Token>& a, const std::vector<Token>& b) {
  struct Word {
    std::size_t in_a = 0, in_b = 0, longest_a = 0, longest_b = 0;
  };
  std::unordered_map<std::string_view, Word> words;
  std::size_t bytes_a = 0, bytes_b = 0;
  for (const Token& t : a) {
    Word& w = words[t.word];
    ++w.in_a;
    w.longest_a = std::max(w.longest_a, t.space.size() + t.word.size());
    bytes_a += t.space.size() + t.word.size();
  }
  for (const Token& t : b) {
    Word& w = words[t.word];
    ++w.in_b;
    w.longest_b = std::max(w.longest_b, t.space.size() + t.word.size());
    bytes_b += t.space.size() + t.word.size();
  }
  std::size_t most_a = 0, most_b = 0;
  for (const auto& [word, w] : words) {
    const std::size_t matches = std::min(w.in_a, w.in_b);
    most_a += matches * w.longest_a;
    most_b += matches * w.longest_b;
  }
  return 2 * most_b + most_a < bytes_a + bytes_b;
}

// The word diff of a changed text, with the search skipped where `detail` allows.
WordDiff text_diff(const std::vector<Token>& a, const std::vector<Token>& b, DiffDetail detail) {
  if (detail == DiffDetail::for_reading && certainly_rewritten(a, b)) {
    std::vector<Edit> script(a.size(), Edit::erase);
    script.insert(script.end(), b.size(), Edit::insert);
    return runs_of(a, b, script);
  }
  return runs_of(a, b, myers(a, b));
}

bool same_words(const std::vector<Token>& a, const std::vector<Token>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Token& x, const Token& y) { return x.word == y.word; });
}

// ---------------------------------------------------------------------------------------------
// Matching.

// Indices (into `sequence`) of a longest increasing subsequence: the items that kept their order.
std::set<std::size_t> longest_increasing(const std::vector<std::size_t>& sequence) {
  std::vector<std::size_t> tails;  // index into sequence of the smallest tail of each length
  std::vector<std::ptrdiff_t> parent(sequence.size(), -1);
  for (std::size_t i = 0; i < sequence.size(); ++i) {
    auto it = std::lower_bound(tails.begin(), tails.end(), sequence[i],
                               [&](std::size_t t, std::size_t value) { return sequence[t] < value; });
    if (it != tails.begin()) parent[i] = static_cast<std::ptrdiff_t>(*(it - 1));
    if (it == tails.end()) tails.push_back(i);
    else *it = i;
  }
  std::set<std::size_t> kept;
  for (std::ptrdiff_t i = tails.empty() ? -1 : static_cast<std::ptrdiff_t>(tails.back()); i >= 0; i = parent[static_cast<std::size_t>(i)])
    kept.insert(static_cast<std::size_t>(i));
  return kept;
}

ChapterPlace chapter_place(const Chapter& chapter, std::size_t position) {
  return {chapter.stem, chapter.number, chapter.title, position};
}

SectionPlace section_place(const Chapter& chapter, std::size_t index) {
  const Section& s = chapter.sections[index];
  return {chapter.stem, s.number, s.title, s.level, index};
}

struct SectionAt {
  std::size_t chapter = 0;
  std::size_t section = 0;
};

std::map<std::string, SectionAt> index_sections(const std::vector<Chapter>& chapters) {
  std::map<std::string, SectionAt> index;
  for (std::size_t c = 0; c < chapters.size(); ++c)
    for (std::size_t s = 0; s < chapters[c].sections.size(); ++s) index.emplace(chapters[c].sections[s].anchor, SectionAt{c, s});
  return index;
}

void compare_texts(const Chapter& old_chapter, std::size_t old_section, const Chapter& new_chapter, std::size_t new_section,
                   const LanguageTag& lang, DiffDetail detail, SectionChange& change) {
  const Section& a = old_chapter.sections[old_section];
  const Section& b = new_chapter.sections[new_section];
  auto old_title = tokenize(a.title, lang), new_title = tokenize(b.title, lang);
  if (!same_words(old_title, new_title)) {
    change.title_changed = true;
    change.title_diff = runs_of(old_title, new_title, myers(old_title, new_title));
  }
  change.level_changed = a.level != b.level;
  std::string old_words = section_text(old_chapter, old_section), new_words = section_text(new_chapter, new_section);
  auto old_text = tokenize(old_words, lang);
  auto new_text = tokenize(new_words, lang);
  if (!same_words(old_text, new_text)) {
    change.text_changed = true;
    change.text_diff = text_diff(old_text, new_text, detail);
    old_text.clear();  // views into the words moved next
    new_text.clear();
    change.old_text = std::move(old_words);
    change.new_text = std::move(new_words);
  }
}

SectionChange whole_section(const Chapter& chapter, std::size_t index, bool added) {
  SectionChange change;
  change.anchor = chapter.sections[index].anchor;
  // All of it added or removed: one run, the text as tokenize() + runs_of() would give it back
  // (every word with the space before it, trailing space dropped), without splitting it into words.
  std::string text = section_text(chapter, index);
  (added ? change.new_text : change.old_text) = text;
  text.resize(without_trailing_space(text));
  WordDiff runs;
  if (!text.empty()) runs.push_back({added ? WordRun::Kind::added : WordRun::Kind::removed, std::move(text)});
  if (added) {
    change.added = true;
    change.after = section_place(chapter, index);
  } else {
    change.removed = true;
    change.before = section_place(chapter, index);
  }
  change.text_diff = std::move(runs);
  return change;
}

// Stable order for items keyed by where they stand in the new sequence; removed items go just
// after the furthest item (in the new order) of those that preceded them and survived.
template <typename T>
void sort_by_keys(std::vector<std::pair<double, T>>& keyed, std::vector<T>& out) {
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& [key, item] : keyed) out.push_back(std::move(item));
}

void count(const ChapterChange& chapter, DiffSummary& summary) {
  summary.chapters_added += chapter.added;
  summary.chapters_removed += chapter.removed;
  summary.chapters_renamed += chapter.renamed;
  summary.chapters_moved += chapter.moved;
  summary.chapters_retitled += chapter.title_changed;
  for (const SectionChange& s : chapter.sections) {
    summary.sections_added += s.added;
    summary.sections_removed += s.removed;
    summary.sections_moved += s.moved;
    summary.sections_changed += s.title_changed || s.level_changed || s.text_changed;
  }
}

}  // namespace

bool DiffSummary::empty() const {
  return chapters_added + chapters_removed + chapters_renamed + chapters_moved + chapters_retitled + sections_added +
             sections_removed + sections_moved + sections_changed ==
         0;
}

std::vector<std::string> split_words(std::string_view text, const LanguageTag& lang) {
  std::vector<std::string> words;
  for (const Token& token : tokenize(text, lang)) words.emplace_back(token.word);
  return words;
}

WordDiff diff_words(std::string_view before, std::string_view after, const LanguageTag& lang) {
  auto a = tokenize(before, lang), b = tokenize(after, lang);
  return runs_of(a, b, myers(a, b));
}

std::string section_text(const Chapter& chapter, std::size_t section) {
  if (chapter.stored_texts)
    return section < chapter.stored_texts->sections.size() ? chapter.stored_texts->sections[section] : std::string();
  if (section >= chapter.sections.size() || !chapter.sections[section].heading) return {};
  return text_between(chapter, cmark_node_next(chapter.sections[section].heading));
}

std::string chapter_intro_text(const Chapter& chapter) {
  if (chapter.stored_texts) return chapter.stored_texts->intro;
  if (!chapter.doc) return {};
  return text_between(chapter, cmark_node_first_child(chapter.doc.root()));
}

bool is_rewritten(const WordDiff& diff) {
  std::size_t same = 0, total = 0;
  for (const WordRun& run : diff) {
    total += run.text.size();
    if (run.kind == WordRun::Kind::same) same += run.text.size();
  }
  return total > 0 && same * 2 < total;
}

LanguageDiff diff_edition_language(const Edition& from, const Edition& to, const LanguageTag& lang, DiffDetail detail) {
  static const std::vector<Chapter> none;
  auto old_it = from.chapters.find(lang);
  auto new_it = to.chapters.find(lang);
  const std::vector<Chapter>& olds = old_it == from.chapters.end() ? none : old_it->second;
  const std::vector<Chapter>& news = new_it == to.chapters.end() ? none : new_it->second;

  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> new_of_old(olds.size(), kNone), old_of_new(news.size(), kNone);
  for (std::size_t j = 0; j < news.size(); ++j)
    for (std::size_t i = 0; i < olds.size(); ++i)
      if (olds[i].stem == news[j].stem && new_of_old[i] == kNone) {
        new_of_old[i] = j;
        old_of_new[j] = i;
        break;
      }

  // Renamed chapters: greatest anchor overlap first; ties in document order.
  struct Candidate {
    std::size_t shared, i, j;
  };
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < olds.size(); ++i) {
    if (new_of_old[i] != kNone) continue;
    std::set<std::string> anchors;
    for (const Section& s : olds[i].sections) anchors.insert(s.anchor);
    for (std::size_t j = 0; j < news.size(); ++j) {
      if (old_of_new[j] != kNone) continue;
      std::size_t shared = 0;
      for (const Section& s : news[j].sections) shared += anchors.count(s.anchor);
      const std::size_t smaller = std::min(olds[i].sections.size(), news[j].sections.size());
      if (shared > 0 && shared * 2 >= smaller) candidates.push_back({shared, i, j});
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.shared > b.shared; });
  for (const Candidate& c : candidates)
    if (new_of_old[c.i] == kNone && old_of_new[c.j] == kNone) {
      new_of_old[c.i] = c.j;
      old_of_new[c.j] = c.i;
    }

  // Chapters that kept their relative order; the others moved.
  std::vector<std::size_t> paired_news, old_order;
  for (std::size_t j = 0; j < news.size(); ++j)
    if (old_of_new[j] != kNone) {
      paired_news.push_back(j);
      old_order.push_back(old_of_new[j]);
    }
  std::set<std::size_t> chapters_in_order;
  for (std::size_t k : longest_increasing(old_order)) chapters_in_order.insert(paired_news[k]);

  const auto old_sections = index_sections(olds);
  const auto new_sections = index_sections(news);

  LanguageDiff diff;
  diff.lang = lang;
  std::vector<std::pair<double, ChapterChange>> keyed_chapters;

  for (std::size_t j = 0; j < news.size(); ++j) {
    const Chapter& now = news[j];
    ChapterChange change;
    change.after = chapter_place(now, j);
    const std::size_t i = old_of_new[j];
    const Chapter* was = i == kNone ? nullptr : &olds[i];
    if (was) {
      change.before = chapter_place(*was, i);
      change.renamed = was->stem != now.stem;
      change.moved = !chapters_in_order.count(j);
      auto old_title = tokenize(was->title, lang), new_title = tokenize(now.title, lang);
      if (!same_words(old_title, new_title)) {
        change.title_changed = true;
        change.title_diff = runs_of(old_title, new_title, myers(old_title, new_title));
      }
      const std::string old_intro_text = chapter_intro_text(*was), new_intro_text = chapter_intro_text(now);
      auto old_intro = tokenize(old_intro_text, lang), new_intro = tokenize(new_intro_text, lang);
      if (!same_words(old_intro, new_intro)) {
        change.intro_changed = true;
        change.intro_diff = text_diff(old_intro, new_intro, detail);
      }
      if (change.renamed)
        for (const Section& s : now.sections)
          if (std::any_of(was->sections.begin(), was->sections.end(), [&](const Section& o) { return o.anchor == s.anchor; }))
            change.shared_anchors.push_back(s.anchor);
    } else {
      change.added = true;
      const std::string intro_text = chapter_intro_text(now);
      auto intro = tokenize(intro_text, lang);
      change.intro_changed = !intro.empty();
      change.intro_diff = runs_of({}, intro, std::vector<Edit>(intro.size(), Edit::insert));
    }

    // Sections this chapter kept from its old self: which of them stayed in order.
    std::vector<std::size_t> kept_new, kept_old_order;
    for (std::size_t s = 0; s < now.sections.size(); ++s)
      if (auto it = old_sections.find(now.sections[s].anchor); it != old_sections.end() && was && it->second.chapter == i) {
        kept_new.push_back(s);
        kept_old_order.push_back(it->second.section);
      }
    std::set<std::size_t> sections_in_order;
    for (std::size_t k : longest_increasing(kept_old_order)) sections_in_order.insert(kept_new[k]);

    std::vector<std::pair<double, SectionChange>> keyed_sections;
    for (std::size_t s = 0; s < now.sections.size(); ++s) {
      auto it = old_sections.find(now.sections[s].anchor);
      if (it == old_sections.end()) {
        keyed_sections.emplace_back(static_cast<double>(s), whole_section(now, s, true));
        continue;
      }
      const Chapter& old_chapter = olds[it->second.chapter];
      SectionChange sc;
      sc.anchor = now.sections[s].anchor;
      sc.before = section_place(old_chapter, it->second.section);
      sc.after = section_place(now, s);
      sc.moved_between_chapters = !was || it->second.chapter != i;
      sc.moved = sc.moved_between_chapters || !sections_in_order.count(s);
      compare_texts(old_chapter, it->second.section, now, s, lang, detail, sc);
      if (sc.moved || sc.title_changed || sc.level_changed || sc.text_changed)
        keyed_sections.emplace_back(static_cast<double>(s), std::move(sc));
    }
    if (was) {
      double last_survivor = -1;
      int removed_here = 0;
      for (std::size_t s = 0; s < was->sections.size(); ++s) {
        auto it = new_sections.find(was->sections[s].anchor);
        if (it != new_sections.end()) {
          if (it->second.chapter == j) last_survivor = std::max(last_survivor, static_cast<double>(it->second.section));
          continue;
        }
        keyed_sections.emplace_back(last_survivor + 0.5 + 0.001 * ++removed_here, whole_section(*was, s, false));
      }
    }
    sort_by_keys(keyed_sections, change.sections);
    keyed_chapters.emplace_back(static_cast<double>(j), std::move(change));
  }

  // Removed chapters, where they stood; sections that went elsewhere are listed there as moved.
  double last_survivor = -1;
  int removed_here = 0;
  for (std::size_t i = 0; i < olds.size(); ++i) {
    if (new_of_old[i] != kNone) {
      last_survivor = std::max(last_survivor, static_cast<double>(new_of_old[i]));
      continue;
    }
    ChapterChange change;
    change.removed = true;
    change.before = chapter_place(olds[i], i);
    const std::string intro_text = chapter_intro_text(olds[i]);
    auto intro = tokenize(intro_text, lang);
    change.intro_changed = !intro.empty();
    change.intro_diff = runs_of(intro, {}, std::vector<Edit>(intro.size(), Edit::erase));
    for (std::size_t s = 0; s < olds[i].sections.size(); ++s)
      if (!new_sections.count(olds[i].sections[s].anchor)) change.sections.push_back(whole_section(olds[i], s, false));
    keyed_chapters.emplace_back(last_survivor + 0.5 + 0.001 * ++removed_here, std::move(change));
  }
  sort_by_keys(keyed_chapters, diff.chapters);
  for (const ChapterChange& c : diff.chapters) count(c, diff.summary);
  return diff;
}

EditionDiff diff_editions(const Edition& from, const Edition& to, const std::vector<LanguageTag>& languages) {
  EditionDiff diff;
  diff.from = from.number;
  diff.to = to.number;
  for (const LanguageTag& lang : languages) diff.languages.push_back(diff_edition_language(from, to, lang));
  return diff;
}

}  // namespace leitbild
