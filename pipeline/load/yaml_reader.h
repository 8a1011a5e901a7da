#pragma once
// Schema-checked reading of YAML maps: every problem becomes a diagnostic at the YAML's own line
// in the file (front matter lines are offset to where the block starts).
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/project.h"

namespace leitbild {

class YamlReader {
 public:
  YamlReader(std::string file, int first_line, Diagnostics& diagnostics)
      : file_(std::move(file)), first_line_(first_line), diagnostics_(diagnostics) {}

  // Parses `text`; on a syntax error adds LB0103 and returns nullopt.
  std::optional<YAML::Node> parse(const std::string& text);

  SourceLocation where(const YAML::Node& node) const;
  SourceLocation file_start() const { return {file_, first_line_, 1}; }

  // Expects a map; warns about keys outside `allowed` with a "did you mean".
  bool expect_map(const YAML::Node& node, std::string_view what);
  void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed, std::string_view what);

  std::optional<std::string> string(const YAML::Node& map, const std::string& key, bool required);
  std::optional<int> integer(const YAML::Node& map, const std::string& key, bool required);
  std::optional<bool> boolean(const YAML::Node& map, const std::string& key);
  std::optional<Date> date(const YAML::Node& map, const std::string& key, bool required);
  std::optional<std::vector<std::string>> string_list(const YAML::Node& map, const std::string& key, bool required);
  // `{ de: "...", nl: "..." }`; with `languages` given, every language must be present.
  std::optional<Localized> localized(const YAML::Node& map, const std::string& key, bool required,
                                     const std::vector<LanguageTag>& languages);
  // Scalar or localized map: a plain string applies to every language.
  std::optional<Localized> text_or_localized(const YAML::Node& map, const std::string& key, bool required,
                                             const std::vector<LanguageTag>& languages);

  const std::string& file() const { return file_; }
  Diagnostics& diagnostics() { return diagnostics_; }

 private:
  std::optional<YAML::Node> required_value(const YAML::Node& map, const std::string& key, bool required);
  void wrong_type(const YAML::Node& node, const std::string& key, std::string_view expected);

  std::string file_;
  int first_line_;
  Diagnostics& diagnostics_;
};

std::optional<Date> parse_iso_date(std::string_view text);

}  // namespace leitbild
