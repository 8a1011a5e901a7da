#include "load/yaml_reader.h"

#include <fmt/format.h>

#include <charconv>

#include "model/strings.h"

namespace leitbild {

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  Date d;
  auto num = [&](std::size_t pos, std::size_t len, int& out) {
    auto [p, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, out);
    return ec == std::errc() && p == text.data() + pos + len;
  };
  if (!num(0, 4, d.year) || !num(5, 2, d.month) || !num(8, 2, d.day)) return std::nullopt;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > kDays[d.month - 1]) return std::nullopt;
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.month == 2 && d.day == 29 && !leap) return std::nullopt;
  return d;
}

std::optional<YAML::Node> YamlReader::parse(const std::string& text) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    SourceLocation where{file_, first_line_ + std::max(0, e.mark.line), std::max(0, e.mark.column) + 1};
    std::string message = fmt::format("invalid YAML: {}", e.msg);
    if (e.mark.is_null()) {
      where = file_start();
    } else if (static_cast<std::size_t>(std::max(0, e.mark.pos)) >= text.size()) {
      // yaml-cpp marks the end of the text when a `[`, `{` or quote is never closed; the editor
      // has to look at the last line that has something on it, so that is the line we name.
      int last = 0, line = 0;
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') ++line;
        else if (text[i] != ' ' && text[i] != '\r' && text[i] != '\t') last = line;
      }
      where = {file_, first_line_ + last, 0};
      message += " (the YAML ends before a bracket or quote is closed)";
    }
    diagnostics_.add("LB0103", where, message,
                     "Check indentation, the colon after each key, and quotes around text containing `:` or `#`.");
    return std::nullopt;
  }
}

SourceLocation YamlReader::where(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return file_start();
  return {file_, first_line_ + mark.line, mark.column + 1};
}

bool YamlReader::expect_map(const YAML::Node& node, std::string_view what) {
  if (node.IsMap()) return true;
  diagnostics_.add("LB0105", node.IsNull() ? file_start() : where(node),
                   fmt::format("{} must be a set of `key: value` lines", what),
                   "See docs/format.md for the keys this file takes.");
  return false;
}

void YamlReader::check_keys(const YAML::Node& map, const std::vector<std::string>& allowed, std::string_view what) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    const std::string key = it->first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    auto near = closest(key, allowed, 1);
    diagnostics_.add("LB0107", where(it->first), fmt::format("unknown key `{}` in {}", key, what),
                     near.empty() ? fmt::format("Known keys: {}.", quoted_list(allowed, "and"))
                                  : fmt::format("Did you mean `{}`?", near.front()));
  }
}

void YamlReader::wrong_type(const YAML::Node& node, const std::string& key, std::string_view expected) {
  diagnostics_.add("LB0105", where(node), fmt::format("`{}` must be {}", key, expected),
                   fmt::format("Write `{}:` followed by {}.", key, expected));
}

std::optional<YAML::Node> YamlReader::required_value(const YAML::Node& map, const std::string& key, bool required) {
  YAML::Node value = map[key];
  if (!value.IsDefined() || value.IsNull()) {
    if (required)
      diagnostics_.add("LB0106", where(map), fmt::format("the required key `{}` is missing", key),
                       fmt::format("Add a line `{}: ...`; docs/format.md describes it.", key));
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> YamlReader::string(const YAML::Node& map, const std::string& key, bool required) {
  auto value = required_value(map, key, required);
  if (!value) return std::nullopt;
  if (!value->IsScalar()) {
    wrong_type(*value, key, "a text");
    return std::nullopt;
  }
  return value->Scalar();
}

std::optional<int> YamlReader::integer(const YAML::Node& map, const std::string& key, bool required) {
  auto value = required_value(map, key, required);
  if (!value) return std::nullopt;
  if (value->IsScalar()) {
    const std::string& s = value->Scalar();
    int out = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec == std::errc() && p == s.data() + s.size()) return out;
  }
  wrong_type(*value, key, "a whole number");
  return std::nullopt;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& map, const std::string& key) {
  auto value = required_value(map, key, false);
  if (!value) return std::nullopt;
  if (value->IsScalar()) {
    const std::string& s = value->Scalar();
    if (s == "true" || s == "yes" || s == "True") return true;
    if (s == "false" || s == "no" || s == "False") return false;
  }
  wrong_type(*value, key, "`true` or `false`");
  return std::nullopt;
}

std::optional<Date> YamlReader::date(const YAML::Node& map, const std::string& key, bool required) {
  auto value = required_value(map, key, required);
  if (!value) return std::nullopt;
  if (value->IsScalar())
    if (auto d = parse_iso_date(value->Scalar())) return d;
  wrong_type(*value, key, "a date written YYYY-MM-DD (e.g. 2019-04-10)");
  return std::nullopt;
}

std::optional<std::vector<std::string>> YamlReader::string_list(const YAML::Node& map, const std::string& key,
                                                                bool required) {
  auto value = required_value(map, key, required);
  if (!value) return std::nullopt;
  if (!value->IsSequence()) {
    wrong_type(*value, key, "a list such as [a, b, c]");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : *value) {
    if (!item.IsScalar()) {
      wrong_type(item, key, "a list of texts");
      return std::nullopt;
    }
    out.push_back(item.Scalar());
  }
  return out;
}

std::optional<Localized> YamlReader::localized(const YAML::Node& map, const std::string& key, bool required,
                                               const std::vector<LanguageTag>& languages) {
  auto value = required_value(map, key, required);
  if (!value) return std::nullopt;
  if (!value->IsMap()) {
    wrong_type(*value, key, "one text per language, e.g. { de: \"...\", nl: \"...\" }");
    return std::nullopt;
  }
  Localized out;
  for (auto it = value->begin(); it != value->end(); ++it) {
    if (!it->second.IsScalar()) {
      wrong_type(it->second, key + "." + it->first.Scalar(), "a text");
      continue;
    }
    out[it->first.Scalar()] = it->second.Scalar();
  }
  for (const auto& lang : languages)
    if (!out.count(lang))
      diagnostics_.add("LB0106", where(*value), fmt::format("`{}` has no text for the language `{}`", key, lang),
                       fmt::format("Add `{}: \"...\"` inside the braces.", lang));
  return out;
}

std::optional<Localized> YamlReader::text_or_localized(const YAML::Node& map, const std::string& key, bool required,
                                                       const std::vector<LanguageTag>& languages) {
  YAML::Node value = map[key];
  if (value.IsDefined() && value.IsScalar()) {
    Localized out;
    for (const auto& lang : languages) out[lang] = value.Scalar();
    return out;
  }
  return localized(map, key, required, languages);
}

}  // namespace leitbild
