#include "resolve/terms.h"

#include <cmark-gfm.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <mutex>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "model/parallel.h"
#include "resolve/resolve.h"
#include "resolve/text_segments.h"

namespace leitbild {

namespace {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

char32_t code_point_at(std::string_view text, std::size_t& i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(text.size()), c);
  i = static_cast<std::size_t>(pos);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

bool is_space(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

bool all_space(std::string_view text) {
  for (std::size_t i = 0; i < text.size();)
    if (!is_space(code_point_at(text, i))) return false;
  return !text.empty();
}

// Quotes and brackets may stand between a full stop and the next sentence's first word.
bool is_opening_or_quote(char32_t c) {
  switch (c) {
    case U'"': case U'\'': case U'(': case U'[': case U'\u201E': case U'\u201C': case U'\u201D': case U'\u201A':
    case U'\u2018': case U'\u2019': case U'\u00AB': case U'\u00BB': case U'\u2039': case U'\u203A':
      return true;
    default:
      return false;
  }
}

// Whether the word after `before` starts a sentence. `carried` answers for an empty `before`.
bool starts_sentence_after(std::string_view before, bool carried) {
  const auto* s = reinterpret_cast<const uint8_t*>(before.data());
  int32_t i = static_cast<int32_t>(before.size());
  while (i > 0) {
    UChar32 c;
    U8_PREV(s, 0, i, c);
    const auto ch = static_cast<char32_t>(c < 0 ? 0xFFFD : c);
    if (is_space(ch) || is_opening_or_quote(ch)) continue;
    return ch == U'.' || ch == U'!' || ch == U'?' || ch == U':' || ch == U'\u2026';
  }
  return carried;
}

std::string nfc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return text;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  if (normalizer->isNormalized(u, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  std::string out;
  normalizer->normalize(u, status).toUTF8String(out);
  return U_SUCCESS(status) ? out : text;
}

// The sentence-start spelling of a lower-case word, undone: "Integratieraad" -> "integratieraad",
// and for Dutch the digraph: "IJkpunt" -> "ijkpunt". Empty when the word is not capitalised.
std::string decapitalise(std::string_view word, bool dutch) {
  if (dutch && word.size() >= 2 && word[0] == 'I' && word[1] == 'J') return "ij" + std::string(word.substr(2));
  if (dutch && word.size() >= 2 && word[0] == 'I' && word[1] == 'j') return {};  // "Ijkpunt" is a misspelt "IJkpunt"
  std::size_t end = 0;
  char32_t first = code_point_at(word, end);
  if (!u_isupper(static_cast<UChar32>(first))) return {};
  UChar32 lower = u_tolower(static_cast<UChar32>(first));
  std::string out;
  icu::UnicodeString(lower).toUTF8String(out);
  return out + std::string(word.substr(end));
}

// Stretches of text that are addresses, not prose: anything around "://", "www." or an "@".
std::vector<Span> address_spans(std::string_view text) {
  std::vector<Span> spans;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    std::size_t j = i;
    if (is_space(code_point_at(text, j))) {
      i = j;
      continue;
    }
    std::size_t end = j;
    while (end < text.size()) {
      std::size_t next = end;
      if (is_space(code_point_at(text, next))) break;
      end = next;
    }
    std::string_view run = text.substr(start, end - start);
    if (run.find("://") != std::string_view::npos || run.find("www.") != std::string_view::npos ||
        run.find('@') != std::string_view::npos || run.starts_with("mailto:"))
      spans.push_back({start, end});
    i = end;
  }
  return spans;
}

// The address spans of `text`, if it has anything that looks like an address at all.
std::vector<Span> addresses_in(std::string_view text) {
  if (text.find("://") == std::string_view::npos && text.find("www.") == std::string_view::npos &&
      text.find('@') == std::string_view::npos && text.find("mailto:") == std::string_view::npos)
    return {};
  return address_spans(text);
}

bool inside(const std::vector<Span>& spans, const Span& s) {
  for (const Span& x : spans)
    if (s.begin < x.end && x.begin < s.end) return true;
  return false;
}

// ICU builds a word breaker from its rule data; clones of a per-language prototype are cheap.
std::unique_ptr<icu::BreakIterator> new_word_breaker(const LanguageTag& lang) {
  static std::mutex mutex;
  static std::map<LanguageTag, std::unique_ptr<icu::BreakIterator>> prototypes;
  std::lock_guard lock(mutex);
  auto& prototype = prototypes[lang];
  if (!prototype) {
    UErrorCode status = U_ZERO_ERROR;
    prototype.reset(icu::BreakIterator::createWordInstance(icu::Locale(lang.c_str()), status));
    if (U_FAILURE(status)) prototype.reset();
    if (!prototype) throw std::runtime_error("ICU has no word breaker for " + lang);
  }
  return std::unique_ptr<icu::BreakIterator>(prototype->clone());
}

class WordBreaker {
 public:
  explicit WordBreaker(const LanguageTag& lang) : iterator_(new_word_breaker(lang)) {}

  // Word spans (letters or numbers; punctuation and spaces are the gaps between them), as byte
  // offsets: ICU walks the UTF-8 text in place.
  std::vector<Span> words(std::string_view text) const {
    std::vector<Span> out;
    visit_segments(*iterator_, text, [&](const TextSegment& segment) {
      if (segment.rule_status >= UBRK_WORD_NONE_LIMIT) out.push_back({segment.begin, segment.end});
    });
    return out;
  }

  // The same words, found only where asked, on a text set on the iterator once (BreakerOnText):
  // whether a word starts at byte p (then `out` holds it), and the words after it. ICU's boundaries
  // do not depend on where it starts looking, so these are the words words() finds.
  static bool word_at(BreakerOnText& on, std::size_t p, std::vector<Span>& out) {
    out.clear();
    icu::BreakIterator& breaker = on.breaker();
    if (!on.ok() || !breaker.isBoundary(static_cast<int32_t>(p))) return false;
    const int32_t end = breaker.next();
    if (end == icu::BreakIterator::DONE || breaker.getRuleStatus() < UBRK_WORD_NONE_LIMIT) return false;
    out.push_back({p, static_cast<std::size_t>(end)});
    return true;
  }

  // Adds the words after the last one in `out` until it holds `count` (or the text ends).
  static void more_words(BreakerOnText& on, std::size_t count, std::vector<Span>& out) {
    icu::BreakIterator& breaker = on.breaker();
    std::size_t start = out.back().end;
    for (int32_t end; out.size() < count && (end = breaker.next()) != icu::BreakIterator::DONE;
         start = static_cast<std::size_t>(end))
      if (breaker.getRuleStatus() >= UBRK_WORD_NONE_LIMIT) out.push_back({start, static_cast<std::size_t>(end)});
  }

  icu::BreakIterator& iterator() const { return *iterator_; }

 private:
  // Stateful: a matcher belongs to one thread (resolve_terms gives each thread its own).
  mutable std::unique_ptr<icu::BreakIterator> iterator_;
};

// Lets the candidates be looked up by a word of the text without copying it into a string.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
};

constexpr std::size_t kPrefixBytes = 4;

std::uint64_t prefix_key(std::string_view word) {
  const std::size_t n = std::min(word.size(), kPrefixBytes);
  std::uint64_t key = n;
  for (std::size_t k = 0; k < n; ++k) key |= std::uint64_t{static_cast<unsigned char>(word[k])} << (8 * (k + 1));
  return key;
}

bool is_ascii_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Whether ICU might start a word at byte p: no word begins inside a run of ASCII letters, digits
// and underscores (Unicode's word rules join those), so a word starts at the text's start, after
// any other byte, or at the lead byte of a non-ASCII character.
bool may_start_word(std::string_view text, std::size_t p) {
  return p == 0 || !is_ascii_word_byte(text[p - 1]) || static_cast<unsigned char>(text[p]) >= 0xC0;
}

struct Candidate {
  std::vector<std::string> words;
  std::vector<std::string> gaps;  // between words; " " stands for any run of white space
  std::size_t term_index = 0;
  bool deprecated = false;
  std::size_t bytes = 0;
};

bool longer(const Candidate* a, const Candidate* b) {
  if (!b) return a != nullptr;
  if (!a) return false;
  if (a->words.size() != b->words.size()) return a->words.size() > b->words.size();
  return a->bytes > b->bytes;
}

}  // namespace

struct TermMatcher::Impl {
  LanguageTag lang;
  bool dutch = false;
  WordBreaker breaker;
  std::unordered_map<std::string, std::vector<Candidate>, WordHash, std::equal_to<>> by_first_word;
  // Every first word under the first (up to) four bytes it begins with (prefix_key), sorted: a
  // word of the text can only be a first word if one of them begins the text there.
  std::vector<std::pair<std::uint64_t, std::string_view>> first_words;
  std::array<bool, 256> first_bytes{};
  // Bytes a phrase may begin with in the text: a first word's first byte, the capital of an ASCII
  // one, or any non-ASCII lead byte (a capital like Ä, or a first word that begins with it).
  std::array<bool, 256> opening_bytes{};
  std::array<bool, kPrefixBytes + 1> prefix_lengths{};
  std::size_t longest_first_word = 0;  // bytes

  explicit Impl(const LanguageTag& l) : lang(l), dutch(l == "nl" || l.starts_with("nl-")), breaker(l) {}

  void add(const std::string& phrase_raw, std::size_t term_index, bool deprecated) {
    const std::string phrase = nfc(phrase_raw);
    std::vector<Span> spans = breaker.words(phrase);
    if (spans.empty()) return;
    Candidate c;
    c.term_index = term_index;
    c.deprecated = deprecated;
    c.bytes = phrase.size();
    for (std::size_t k = 0; k < spans.size(); ++k) {
      c.words.emplace_back(phrase.substr(spans[k].begin, spans[k].end - spans[k].begin));
      if (k > 0) {
        std::string gap = phrase.substr(spans[k - 1].end, spans[k].begin - spans[k - 1].end);
        c.gaps.push_back(all_space(gap) ? " " : gap);
      }
    }
    auto& list = by_first_word[c.words.front()];
    for (const Candidate& existing : list)
      if (existing.words == c.words && existing.gaps == c.gaps) return;  // the same phrase twice (LB0403 reports it)
    list.push_back(std::move(c));
  }

  void sort() {
    for (const auto& [word, list] : by_first_word) {
      first_words.emplace_back(prefix_key(word), word);  // the map's keys stay where they are
      first_bytes[static_cast<unsigned char>(word[0])] = true;
      prefix_lengths[std::min(word.size(), kPrefixBytes)] = true;
      longest_first_word = std::max(longest_first_word, word.size());
    }
    std::sort(first_words.begin(), first_words.end());
    for (int b = 0; b < 256; ++b)
      opening_bytes[b] = first_bytes[b] || b >= 0xC0 || (b >= 'A' && b <= 'Z' && first_bytes[b - 'A' + 'a']);
    for (auto& [word, list] : by_first_word)
      std::stable_sort(list.begin(), list.end(), [](const Candidate& a, const Candidate& b) { return longer(&a, &b); });
  }

  bool begins_with_first_word(std::string_view rest) const {
    if (rest.empty() || !first_bytes[static_cast<unsigned char>(rest[0])]) return false;
    for (std::size_t n = std::min(rest.size(), kPrefixBytes); n > 0; --n) {
      if (!prefix_lengths[n]) continue;
      const std::uint64_t key = prefix_key(rest.substr(0, n));
      auto it = std::lower_bound(first_words.begin(), first_words.end(), key,
                                 [](const auto& entry, std::uint64_t k) { return entry.first < k; });
      for (; it != first_words.end() && it->first == key; ++it)
        if (rest.starts_with(it->second)) return true;
    }
    return false;
  }

  // Whether a phrase may begin at byte p, as written or with its first letter capitalised (what
  // decapitalise undoes, and more: this only rules positions out).
  bool may_begin_phrase(std::string_view text, std::size_t p) const {
    const std::string_view rest = text.substr(p);
    if (begins_with_first_word(rest)) return true;
    const char c = rest[0];
    if (c >= 'A' && c <= 'Z' && !first_bytes[static_cast<unsigned char>(c - 'A' + 'a')]) return false;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 0 && c < 'A')) return false;
    std::size_t after_first = 0;
    const char32_t first = code_point_at(rest, after_first);
    if (!u_isupper(static_cast<UChar32>(first))) return false;
    std::string lowered;
    if (dutch && rest.starts_with("IJ")) {
      lowered = "ij";
      after_first = 2;
    } else {
      icu::UnicodeString(u_tolower(static_cast<UChar32>(first))).toUTF8String(lowered);
    }
    lowered.append(rest.substr(after_first, longest_first_word));
    return begins_with_first_word(lowered);
  }

  // The most words a phrase starting with `first` has (0: none starts with it).
  std::size_t most_words_after(std::string_view first) const {
    auto it = by_first_word.find(first);
    return it == by_first_word.end() ? 0 : it->second.front().words.size();  // sorted longest first
  }

  // The longest phrase at words[i]: spelt as `word` is, or as `lower` (the word decapitalised at a
  // sentence start; empty elsewhere).
  const Candidate* best_at(std::string_view text, const std::vector<Span>& words, std::size_t i, std::string_view word,
                           const std::string& lower) const {
    const Candidate* best = longest_at(text, words, i, word);
    if (!lower.empty())
      if (const Candidate* alt = longest_at(text, words, i, lower); longer(alt, best)) best = alt;
    return best;
  }

  const Candidate* longest_at(std::string_view text, const std::vector<Span>& words, std::size_t i,
                              std::string_view first) const {
    auto it = by_first_word.find(first);
    if (it == by_first_word.end()) return nullptr;
    for (const Candidate& c : it->second) {
      if (i + c.words.size() > words.size()) continue;
      bool ok = true;
      for (std::size_t k = 1; k < c.words.size() && ok; ++k) {
        const Span& w = words[i + k];
        std::string_view gap = text.substr(words[i + k - 1].end, w.begin - words[i + k - 1].end);
        ok = (c.gaps[k - 1] == " " ? all_space(gap) : gap == c.gaps[k - 1]) &&
             text.substr(w.begin, w.end - w.begin) == c.words[k];
      }
      if (ok) return &c;  // sorted longest first
    }
    return nullptr;
  }
};

TermMatcher::TermMatcher(const std::vector<Term>& glossary, const LanguageTag& lang) : impl_(std::make_unique<Impl>(lang)) {
  for (std::size_t i = 0; i < glossary.size(); ++i) {
    auto it = glossary[i].languages.find(lang);
    if (it == glossary[i].languages.end()) continue;
    const TermLanguage& tl = it->second;
    if (!tl.term.empty()) impl_->add(tl.term, i, false);
    for (const auto& form : tl.forms) impl_->add(form, i, false);
    for (const auto& word : tl.deprecated) impl_->add(word, i, true);
  }
  impl_->sort();
}

TermMatcher::~TermMatcher() = default;
TermMatcher::TermMatcher(TermMatcher&&) noexcept = default;
TermMatcher& TermMatcher::operator=(TermMatcher&&) noexcept = default;

const LanguageTag& TermMatcher::lang() const { return impl_->lang; }
bool TermMatcher::empty() const { return impl_->by_first_word.empty(); }

std::vector<TermMatch> TermMatcher::match(std::string_view text, bool sentence_start) const {
  std::vector<TermMatch> out;
  if (impl_->by_first_word.empty()) return out;
  const std::vector<Span> addresses = addresses_in(text);
  // Word breaking is most of the work, so ICU is asked only where a phrase may begin; the result
  // is what breaking every word would give (terms_test.cc compares the two on generated texts).
  std::optional<BreakerOnText> on_text;
  std::vector<Span> words;
  for (std::size_t p = 0; p < text.size(); ++p) {
    if (!impl_->opening_bytes[static_cast<unsigned char>(text[p])] || !may_start_word(text, p) ||
        !impl_->may_begin_phrase(text, p))
      continue;
    if (!on_text) on_text.emplace(impl_->breaker.iterator(), text);
    if (!WordBreaker::word_at(*on_text, p, words)) continue;
    const Span w = words.front();  // a copy: more_words() may move the vector
    if (!addresses.empty() && inside(addresses, w)) continue;
    const std::string_view word = text.substr(w.begin, w.end - w.begin);
    // Looking back from the word over white space and quotes finds the previous word or the
    // sentence's end; only the text's first word gets as far as its start.
    const std::string lower = starts_sentence_after(text.substr(0, w.begin), sentence_start)
                                  ? decapitalise(word, impl_->dutch) : std::string();
    const std::size_t needed = std::max(impl_->most_words_after(word), lower.empty() ? 0 : impl_->most_words_after(lower));
    if (needed == 0) continue;
    WordBreaker::more_words(*on_text, needed, words);
    const Candidate* best = impl_->best_at(text, words, 0, word, lower);
    if (!best) continue;
    const Span& last = words[best->words.size() - 1];
    out.push_back({w.begin, last.end - w.begin, best->term_index, best->deprecated});
    p = last.end - 1;  // the loop steps to the byte after the match
  }
  return out;
}

std::vector<TermMatch> TermMatcher::match_every_word(std::string_view text, bool sentence_start) const {
  std::vector<TermMatch> out;
  if (impl_->by_first_word.empty()) return out;
  const std::vector<Span> words = impl_->breaker.words(text);
  const std::vector<Span> addresses = addresses_in(text);
  for (std::size_t i = 0; i < words.size();) {
    const Span& w = words[i];
    if (!addresses.empty() && inside(addresses, w)) {
      ++i;
      continue;
    }
    const std::string_view word = text.substr(w.begin, w.end - w.begin);
    const bool at_start = i == 0 ? starts_sentence_after(text.substr(0, w.begin), sentence_start)
                                 : starts_sentence_after(text.substr(words[i - 1].end, w.begin - words[i - 1].end), false);
    const Candidate* best = impl_->best_at(text, words, i, word, at_start ? decapitalise(word, impl_->dutch) : std::string());
    if (!best) {
      ++i;
      continue;
    }
    const Span& last = words[i + best->words.size() - 1];
    out.push_back({w.begin, last.end - w.begin, best->term_index, best->deprecated});
    i += best->words.size();
  }
  return out;
}

namespace {

bool is_block(cmark_node* node) { return (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK; }

struct Context {
  cmark_node* link = nullptr;   // nearest enclosing link
  bool in_image = false;
  bool in_heading = false;
};

Context context_of(cmark_node* text) {
  Context c;
  for (cmark_node* p = cmark_node_parent(text); p; p = cmark_node_parent(p)) {
    switch (cmark_node_get_type(p)) {
      case CMARK_NODE_LINK:
        if (!c.link) c.link = p;
        break;
      case CMARK_NODE_IMAGE:
        c.in_image = true;
        break;
      case CMARK_NODE_HEADING:
        c.in_heading = true;
        break;
      default:
        break;
    }
  }
  return c;
}

std::string literal_of(cmark_node* node) {
  const char* s = cmark_node_get_literal(node);
  return s ? s : "";
}

// The section each top-level block opens: the finest (any heading) and the `## ` one.
struct SectionMap {
  std::unordered_map<cmark_node*, std::pair<int, bool>> opens;  // block -> (index, starts a top section)
};

SectionMap chapter_sections(const Chapter& chapter) {
  SectionMap map;
  for (std::size_t i = 0; i < chapter.sections.size(); ++i)
    if (chapter.sections[i].heading)
      map.opens[chapter.sections[i].heading] = {static_cast<int>(i), chapter.sections[i].level <= 2};
  return map;
}

SectionMap deck_sections(const DeckText& text) {
  SectionMap map;
  for (std::size_t i = 0; i < text.slides.size(); ++i) {
    const Slide& slide = text.slides[i];
    if (slide.heading) map.opens[slide.heading] = {static_cast<int>(i), true};
    // A slide without a heading node still opens at its first block.
    else if (!slide.body.empty()) map.opens[slide.body.front()] = {static_cast<int>(i), true};
  }
  return map;
}

struct TextToScan {
  const TermMatcher* matcher;
  const std::vector<Term>* glossary;
  const std::unordered_map<std::string, std::size_t>* index_of;
  const std::unordered_map<cmark_node*, LinkTarget>* links;
  const std::unordered_map<cmark_node*, std::string>* term_links;
  std::unordered_map<cmark_node*, std::vector<TermHit>>* hits;
  std::vector<TermHitText>* hit_texts;

  // The hits of `node` (in its section, heading or not), listed in hit_texts the first time.
  std::vector<TermHit>& hits_of(cmark_node* node, int section, bool in_heading) const {
    auto [it, fresh] = hits->try_emplace(node);
    if (fresh) hit_texts->push_back({node, section, in_heading});
    return it->second;
  }
};

// A paragraph wrapped over several lines is text nodes with soft breaks between them. They are
// scanned as one text (a line end is white space), so that a multi-word term may run over a line
// end; a match is cut back into one hit per text node it touches. Text outside links only.
void scan_lines(cmark_node* first, const Context& ctx, int section, int top_section, bool& sentence_start,
                std::set<std::pair<int, std::string>>& seen, std::unordered_set<cmark_node*>& scanned_with_previous_line,
                const TextToScan& s) {
  struct Line {
    cmark_node* node;
    std::size_t begin, end;  // its literal's bytes in `text`
  };
  std::vector<Line> lines;
  std::string text;
  for (cmark_node* node = first;;) {
    if (!lines.empty()) text += '\n';
    const std::size_t begin = text.size();
    text += literal_of(node);
    lines.push_back({node, begin, text.size()});
    cmark_node* gap = cmark_node_next(node);
    if (!gap || cmark_node_get_type(gap) != CMARK_NODE_SOFTBREAK) break;
    node = cmark_node_next(gap);
    if (!node || cmark_node_get_type(node) != CMARK_NODE_TEXT) break;
    scanned_with_previous_line.insert(node);
  }
  const bool linkable = !ctx.in_heading && !ctx.in_image;
  for (const TermMatch& m : s.matcher->match(text, sentence_start)) {
    const std::string& id = (*s.glossary)[m.term_index].id;
    const bool first_in_section = linkable && !m.deprecated && seen.emplace(top_section, id).second;
    bool continuation = false;
    for (const Line& line : lines) {
      const std::size_t begin = std::max(m.offset, line.begin);
      const std::size_t end = std::min(m.offset + m.length, line.end);
      if (begin >= end) continue;
      TermHit hit;
      hit.offset = begin - line.begin;
      hit.length = end - begin;
      hit.term_id = id;
      hit.deprecated = m.deprecated;
      hit.first_in_section = first_in_section;
      hit.continuation = continuation;
      continuation = true;
      s.hits_of(line.node, section, ctx.in_heading).push_back(std::move(hit));
    }
  }
  for (const Line& line : lines)
    sentence_start = starts_sentence_after(std::string_view(text).substr(line.begin, line.end - line.begin), sentence_start);
}

void scan_document(cmark_node* root, const SectionMap& sections, const TextToScan& s) {
  if (!root) return;
  std::set<std::pair<int, std::string>> seen;  // (top section, term id) already linked once
  std::set<cmark_node*> marked_links;
  std::unordered_set<cmark_node*> scanned_with_previous_line;
  int section = -1;
  int top_section = -1;
  bool sentence_start = true;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    if (cmark_node_parent(node) == root)
      if (auto it = sections.opens.find(node); it != sections.opens.end()) {
        section = it->second.first;
        if (it->second.second) top_section = it->second.first;
      }
    if (is_block(node)) {
      sentence_start = true;
      continue;
    }
    const cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_CODE) {
      sentence_start = false;
      continue;
    }
    if (type != CMARK_NODE_TEXT || scanned_with_previous_line.contains(node)) continue;
    const Context ctx = context_of(node);
    if (!ctx.link) {
      scan_lines(node, ctx, section, top_section, sentence_start, seen, scanned_with_previous_line, s);
      continue;
    }
    const std::string literal = literal_of(node);
    std::vector<TermHit> found;
    bool scan = true;
    bool explicit_link = false;
    if (ctx.link) {
      const char* url_c = cmark_node_get_url(ctx.link);
      const std::string url = url_c ? url_c : "";
      if (auto t = s.term_links->find(ctx.link); t != s.term_links->end()) {
        explicit_link = true;
        if (marked_links.insert(ctx.link).second)
          if (auto idx = s.index_of->find(t->second); idx != s.index_of->end()) {
            TermHit hit;
            hit.offset = 0;
            hit.length = literal.size();
            hit.term_id = t->second;
            hit.explicit_mark = true;
            found.push_back(hit);
          }
      } else if (auto l = s.links->find(ctx.link); l != s.links->end() && literal == l->second.label()) {
        scan = false;  // a generated cross-reference label names another section, it does not use the term
      } else if (!literal.empty() && (url == literal || url == "mailto:" + literal || url == "http://" + literal ||
                                      url == "https://" + literal)) {
        scan = false;  // an autolink: the text is the address
      }
    }
    if (scan) {
      for (const TermMatch& m : s.matcher->match(literal, sentence_start)) {
        if (explicit_link && !m.deprecated) continue;  // the mark names the term; only retired words add to it
        TermHit hit;
        hit.offset = m.offset;
        hit.length = m.length;
        hit.term_id = (*s.glossary)[m.term_index].id;
        hit.deprecated = m.deprecated;
        found.push_back(hit);
      }
    }
    sentence_start = starts_sentence_after(literal, sentence_start);
    if (found.empty()) continue;
    const bool linkable = !ctx.in_heading && !ctx.in_image && (!ctx.link || explicit_link);
    for (TermHit& hit : found)
      if (linkable && !hit.deprecated && seen.emplace(top_section, hit.term_id).second) hit.first_in_section = true;
    auto& slot = s.hits_of(node, section, ctx.in_heading);
    slot.insert(slot.end(), found.begin(), found.end());
  }
  cmark_iter_free(iter);
}

std::vector<PlacedHit> place(const std::vector<TermHitText>& texts,
                             const std::unordered_map<cmark_node*, std::vector<TermHit>>& hits) {
  std::vector<PlacedHit> out;
  for (const TermHitText& text : texts)
    for (const TermHit& hit : hits.at(text.node)) out.push_back({text.node, hit, text.section, text.in_heading});
  return out;
}

}  // namespace

namespace {

// One chapter or deck text to scan.
struct TermWork {
  const LanguageTag* lang;
  cmark_node* root;
  SectionMap sections;
  const std::unordered_map<cmark_node*, LinkTarget>* links;
  const std::unordered_map<cmark_node*, std::string>* term_links;
  std::unordered_map<cmark_node*, std::vector<TermHit>>* hits;
  std::vector<TermHitText>* hit_texts;
};

// A thread per this many texts: below it, a thread's own word breakers cost more than it saves.
constexpr std::size_t kTextsPerExtraThread = 64;

}  // namespace

void resolve_terms(Project& project) {
  if (project.glossary.empty()) return;
  std::unordered_map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < project.glossary.size(); ++i) index_of.emplace(project.glossary[i].id, i);

  std::vector<TermWork> work;
  for (Edition& edition : project.editions)
    for (auto& [lang, chapters] : edition.chapters)
      for (Chapter& chapter : chapters) {
        chapter.term_hits.clear();
        chapter.term_hit_texts.clear();
        work.push_back({&lang, chapter.doc.root(), chapter_sections(chapter), &chapter.links, &chapter.term_links,
                        &chapter.term_hits, &chapter.term_hit_texts});
      }
  for (Deck& deck : project.decks)
    for (auto& [lang, text] : deck.texts) {
      text.term_hits.clear();
      text.term_hit_texts.clear();
      work.push_back({&lang, text.doc.root(), deck_sections(text), &text.links, &text.term_links, &text.term_hits,
                      &text.term_hit_texts});
    }

  // Word breaking is most of resolve's time. Texts are independent (each writes only its own
  // hits), so they are shared out over the cores; a word breaker is stateful, so every thread
  // builds its own matchers.
  for_each_in_parallel(work.size(), threads_for(work.size(), kTextsPerExtraThread), [&] {
    return [&, matchers = std::map<LanguageTag, TermMatcher>()](std::size_t i) mutable {
      const TermWork& w = work[i];
      auto it = matchers.find(*w.lang);
      if (it == matchers.end()) it = matchers.emplace(*w.lang, TermMatcher(project.glossary, *w.lang)).first;
      TextToScan scan{&it->second, &project.glossary, &index_of, w.links, w.term_links, w.hits, w.hit_texts};
      scan_document(w.root, w.sections, scan);
    };
  });
}

std::vector<PlacedHit> placed_hits(const Chapter& chapter) {
  return place(chapter.term_hit_texts, chapter.term_hits);
}

std::vector<PlacedHit> placed_hits(const DeckText& text) { return place(text.term_hit_texts, text.term_hits); }

std::string language_name(const LanguageTag& lang) {
  icu::UnicodeString name;
  icu::Locale(lang.c_str()).getDisplayLanguage(icu::Locale::getEnglish(), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() || out == lang ? lang : out;
}

std::string_view hit_text(const PlacedHit& placed) {
  const char* literal = placed.node ? cmark_node_get_literal(placed.node) : nullptr;
  if (!literal) return {};
  std::string_view s(literal);
  if (placed.hit.offset >= s.size()) return {};
  return s.substr(placed.hit.offset, placed.hit.length);
}

}  // namespace leitbild
