#pragma once
// The HTML theme: Mustache templates, interface labels and assets under `html/` of each theme
// folder (RenderOptions::theme_dirs, the project's theme first, then the default). A project's
// theme overrides single files; labels are merged key by key. docs/themes.md lists every template
// and the variables it receives.
#include <kainjow/mustache.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "render/render.h"

namespace leitbild {

using TemplateData = kainjow::mustache::data;
using TemplateList = kainjow::mustache::list;

// kainjow's data::set() copies the value, and a TemplateList that grows copies its items (their
// move constructor is not noexcept): on a chapter page that was half the HTML writer's time.
// Pages are built with put() and reserved lists, so every value is copied at most once, when a
// finished list becomes TemplateData.
inline void put(TemplateData& data, const std::string& key, TemplateData value) { data[key] = std::move(value); }

// A finished list becomes TemplateData without copying its items. kainjow's constructor from a
// list copies it and offers no move, so an empty list value is made and swapped with `items`
// (the value is ours and not const, so writing through list_value() is well-defined).
inline TemplateData list_data(TemplateList&& items) {
  TemplateData data(TemplateData::type::list);
  const_cast<TemplateList&>(data.list_value()).swap(items);
  return data;
}
inline void put(TemplateData& data, const std::string& key, TemplateList&& items) { data[key] = list_data(std::move(items)); }
// Lists are handed over with std::move: a copy of a page's list is what made pages slow.
void put(TemplateData& data, const std::string& key, const TemplateList& items) = delete;
void put(TemplateData& data, const std::string& key, TemplateList& items) = delete;

// Interface words in one language ("Inhaltsverzeichnis", "Nächstes Kapitel"), from
// html/labels/<lang>.yaml over html/labels/en.yaml.
using Labels = std::map<std::string, std::string>;

class HtmlTheme {
 public:
  HtmlTheme(const RenderOptions& options, const std::filesystem::path& project_root, Diagnostics& diagnostics);

  // Renders html/templates/<name>.mustache. Partials are `{{> name}}` for html/templates/<name>.mustache.
  // With `lang`, the language's labels are available as {{labels.<key>}} (without being copied
  // into `data`). A missing or broken template is reported (LB0610) and renders as "".
  std::string render(const std::string& name, const TemplateData& data, const LanguageTag& lang = {});

  const Labels& labels(const LanguageTag& lang);
  // The same labels as template data ({{labels.toc}}).
  TemplateData labels_data(const LanguageTag& lang);

  // Every file under html/assets/ of every theme folder, relative to html/assets/, sorted; the
  // project's copy wins.
  std::vector<std::string> asset_names() const;
  std::optional<std::string> asset(const std::string& name) const;

 private:
  struct Source {
    std::string text;
    std::string shown_path;  // for messages: project-relative when inside the project
  };
  std::optional<Source> read(const std::string& relative) const;
  std::string shown_path(const std::filesystem::path& path) const;
  void report(const SourceLocation& where, const std::string& message);
  // The template's text with every `{{> partial}}` replaced by the partial's (expanded) text.
  std::optional<std::string> expand(const std::string& name, std::vector<std::string>& stack, const SourceLocation& included_at);

  const RenderOptions& options_;
  std::filesystem::path project_root_;
  Diagnostics& diagnostics_;
  std::map<std::string, std::optional<Source>> templates_;
  std::map<std::string, std::shared_ptr<kainjow::mustache::mustache>> compiled_;  // shared with the thread's cache; null: broken
  std::map<LanguageTag, Labels> labels_;
  std::map<LanguageTag, TemplateData> label_layers_;  // {"labels": {...}} per language
  std::vector<std::string> reported_;
};

// Every theme-relative file the HTML output may use (for RenderJob::theme_inputs), sorted.
std::vector<std::string> html_theme_files(const RenderOptions& options);

}  // namespace leitbild
