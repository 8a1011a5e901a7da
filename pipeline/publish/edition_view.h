#pragma once
// Edition text views (docs/publishing.md, "Incremental: the build memo"). An incremental build
// that renders edition N+1 needs edition N only for N+1's "what is new" page: N's chapter titles
// and numbers, its sections and their texts. Loading, resolving and checking N for that costs as
// much as N+1 itself. So once a build has loaded N as such a neighbour, the cache keeps N's view,
// and later builds take the view instead, as long as N's texts, the glossary and leitbild.yaml are
// what they were: the view's key is their fingerprints.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/project.h"
#include "publish/build_memo.h"

namespace leitbild {

// The key of `edition`'s view: the tool and every text the memo's build read but other editions'
// (the edition's own, leitbild.yaml, the glossary). nullopt when the memo knows none of the
// edition's texts.
std::optional<std::string> edition_view_key(const BuildMemo& memo, int edition);
std::filesystem::path edition_view_path(const std::filesystem::path& cache, const std::string& key);

// The view of a loaded, resolved edition.
std::string serialize_edition_view(const Edition& edition);
// Gives a manifest-only edition (load.h) the view's chapters and sets from_text_view. False, and
// the edition left as it was, when the bytes are not a view of this edition's chapters.
bool apply_edition_view(std::string_view bytes, Edition& edition);

}  // namespace leitbild
