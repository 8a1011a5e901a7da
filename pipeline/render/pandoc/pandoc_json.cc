#include "render/pandoc/pandoc_json.h"

namespace leitbild::pandoc {

namespace {

Json tagged(std::string_view tag) { return Json{{"t", tag}}; }

Json tagged(std::string_view tag, Json content) { return Json{{"t", tag}, {"c", std::move(content)}}; }

Json alignment(char a) {
  switch (a) {
    case 'l': return tagged("AlignLeft");
    case 'c': return tagged("AlignCenter");
    case 'r': return tagged("AlignRight");
    default: return tagged("AlignDefault");
  }
}

Json table_row(const std::vector<char>& alignments, const Json& cells) {
  Json out = Json::array();
  std::size_t column = 0;
  for (const Json& blocks : cells) {
    const char a = column < alignments.size() ? alignments[column] : 0;
    out.push_back(Json::array({attr(), alignment(a), 1, 1, blocks}));
    ++column;
  }
  return Json::array({attr(), std::move(out)});
}

}  // namespace

Json attr(std::string identifier, std::vector<std::string> classes, Attributes attributes) {
  Json pairs = Json::array();
  for (auto& [key, value] : attributes) pairs.push_back(Json::array({std::move(key), std::move(value)}));
  return Json::array({std::move(identifier), std::move(classes), std::move(pairs)});
}

Json str(std::string text) { return tagged("Str", std::move(text)); }
Json space() { return tagged("Space"); }
Json soft_break() { return tagged("SoftBreak"); }
Json line_break() { return tagged("LineBreak"); }
Json emph(Json inlines) { return tagged("Emph", std::move(inlines)); }
Json strong(Json inlines) { return tagged("Strong", std::move(inlines)); }
Json strikeout(Json inlines) { return tagged("Strikeout", std::move(inlines)); }
Json code(std::string text) { return tagged("Code", Json::array({attr(), std::move(text)})); }
Json span(Json attributes, Json inlines) { return tagged("Span", Json::array({std::move(attributes), std::move(inlines)})); }
Json link(Json attributes, Json inlines, std::string url, std::string title) {
  return tagged("Link", Json::array({std::move(attributes), std::move(inlines), Json::array({std::move(url), std::move(title)})}));
}
Json note(Json blocks) { return tagged("Note", std::move(blocks)); }

void append_text(Json& inlines, std::string_view text) {
  std::string word;
  bool pending_space = false, pending_break = false;
  auto flush = [&] {
    if (word.empty()) return;
    if (pending_space || pending_break) inlines.push_back(pending_break ? soft_break() : space());
    pending_space = pending_break = false;
    // Two Str in a row (text split at a term or quote) are fine for pandoc; no merging needed.
    inlines.push_back(str(std::move(word)));
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      flush();
      pending_space = true;
    } else if (c == '\n' || c == '\r') {
      flush();
      pending_break = true;
    } else {
      word += c;
    }
  }
  flush();
  if (pending_break) inlines.push_back(soft_break());
  else if (pending_space) inlines.push_back(space());
}

Json text(std::string_view text) {
  Json inlines = Json::array();
  append_text(inlines, text);
  return inlines;
}

Json plain(Json inlines) { return tagged("Plain", std::move(inlines)); }
Json para(Json inlines) { return tagged("Para", std::move(inlines)); }
Json header(int level, Json attributes, Json inlines) {
  return tagged("Header", Json::array({level, std::move(attributes), std::move(inlines)}));
}
Json div(Json attributes, Json blocks) { return tagged("Div", Json::array({std::move(attributes), std::move(blocks)})); }
Json block_quote(Json blocks) { return tagged("BlockQuote", std::move(blocks)); }
Json code_block(Json attributes, std::string text) { return tagged("CodeBlock", Json::array({std::move(attributes), std::move(text)})); }
Json bullet_list(Json items) { return tagged("BulletList", std::move(items)); }
Json ordered_list(int start, bool paren_delimiter, Json items) {
  Json list_attributes = Json::array({start, tagged("Decimal"), tagged(paren_delimiter ? "OneParen" : "Period")});
  return tagged("OrderedList", Json::array({std::move(list_attributes), std::move(items)}));
}
Json definition_list(Json items) { return tagged("DefinitionList", std::move(items)); }
Json horizontal_rule() { return tagged("HorizontalRule"); }
Json raw_block(std::string format, std::string text) { return tagged("RawBlock", Json::array({std::move(format), std::move(text)})); }

Json table(const std::vector<char>& alignments, const std::vector<Json>& header_rows, const std::vector<Json>& body_rows) {
  Json specs = Json::array();
  for (char a : alignments) specs.push_back(Json::array({alignment(a), tagged("ColWidthDefault")}));
  Json head = Json::array();
  for (const Json& row : header_rows) head.push_back(table_row(alignments, row));
  Json body = Json::array();
  for (const Json& row : body_rows) body.push_back(table_row(alignments, row));
  Json caption = Json::array({nullptr, Json::array()});
  Json table_head = Json::array({attr(), std::move(head)});
  Json table_bodies = Json::array({Json::array({attr(), 0, Json::array(), std::move(body)})});
  Json table_foot = Json::array({attr(), Json::array()});
  return tagged("Table", Json::array({attr(), std::move(caption), std::move(specs), std::move(table_head), std::move(table_bodies),
                                      std::move(table_foot)}));
}

Json meta_inlines(Json inlines) { return tagged("MetaInlines", std::move(inlines)); }
Json meta_string(std::string text) { return tagged("MetaString", std::move(text)); }
Json meta_list(Json values) { return tagged("MetaList", std::move(values)); }
Json meta_bool(bool value) { return tagged("MetaBool", value); }

Json document(const std::vector<int>& api_version, Json meta, Json blocks) {
  return Json{{"pandoc-api-version", api_version}, {"meta", std::move(meta)}, {"blocks", std::move(blocks)}};
}

Json* block_inlines(Json& block) {
  if (!block.is_object() || !block.contains("t")) return nullptr;
  const std::string& tag = block["t"].get_ref<const std::string&>();
  if (tag == "Para" || tag == "Plain") return &block["c"];
  return nullptr;
}

}  // namespace leitbild::pandoc
