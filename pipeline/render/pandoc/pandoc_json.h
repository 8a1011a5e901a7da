#pragma once
// Pandoc's JSON AST (pandoc-types 1.22/1.23), built as nlohmann::json values. Only the constructs
// leitbild needs, all of which have the same shape in both API versions. A document built here
// goes to pandoc as it is: nothing is written as Markdown and re-read, so nothing needs escaping.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace leitbild::pandoc {

using Json = nlohmann::json;
using Attributes = std::vector<std::pair<std::string, std::string>>;

// [identifier, [classes], [[key, value]]]
Json attr(std::string identifier = {}, std::vector<std::string> classes = {}, Attributes attributes = {});

// Inlines.
Json str(std::string text);
Json space();
Json soft_break();
Json line_break();
Json emph(Json inlines);
Json strong(Json inlines);
Json strikeout(Json inlines);
Json code(std::string text);
Json span(Json attributes, Json inlines);
Json link(Json attributes, Json inlines, std::string url, std::string title = {});
Json note(Json blocks);

// Appends `text` as Str/Space/SoftBreak inlines the way pandoc's readers would: words in Str,
// runs of spaces as one Space, newlines as SoftBreak. Other white space (no-break spaces) stays
// inside the words.
void append_text(Json& inlines, std::string_view text);
Json text(std::string_view text);

// Blocks.
Json plain(Json inlines);
Json para(Json inlines);
Json header(int level, Json attributes, Json inlines);
Json div(Json attributes, Json blocks);
Json block_quote(Json blocks);
Json code_block(Json attributes, std::string text);
Json bullet_list(Json items);  // items: array of block arrays
Json ordered_list(int start, bool paren_delimiter, Json items);
Json definition_list(Json items);  // [[term inlines, [definition blocks, ...]], ...]
Json horizontal_rule();
Json raw_block(std::string format, std::string text);

// A table: `alignments` has one of 'l', 'c', 'r' or 0 per column; rows hold one block array per cell.
Json table(const std::vector<char>& alignments, const std::vector<Json>& header_rows, const std::vector<Json>& body_rows);

// Metadata values.
Json meta_inlines(Json inlines);
Json meta_string(std::string text);
Json meta_list(Json values);
Json meta_bool(bool value);

// {"pandoc-api-version": api, "meta": meta, "blocks": blocks}
Json document(const std::vector<int>& api_version, Json meta, Json blocks);

// The inlines of a Para/Plain block, or null for other blocks (to prepend a marker to an item).
Json* block_inlines(Json& block);

}  // namespace leitbild::pandoc
