#pragma once
// Line edits on an edition.yaml that keep every other byte as it was (comments, quoting, key
// order, CRLF line ends): editors keep the file as they wrote it and version control shows one
// changed line. Both return nullopt when the file has a shape they do not handle (e.g. a flow
// map); callers then re-parse the result anyway before writing it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leitbild {

// Sets the top-level `status:` line to `status: published` (keeping a trailing comment), or
// appends the line when there is none.
std::optional<std::string> set_status_published(std::string_view yaml);

// Appends `note` to the top-level `errata:` list: after its last item for a block list, by
// rewriting the line for a flow list (`errata: []`, `errata: [a, b]`, whose items are `existing`),
// or as a new `errata:` block at the end.
std::optional<std::string> append_erratum(std::string_view yaml, std::string_view note,
                                          const std::vector<std::string>& existing);

// A YAML double-quoted scalar: always valid whatever the note contains.
std::string yaml_quoted(std::string_view text);

}  // namespace leitbild
