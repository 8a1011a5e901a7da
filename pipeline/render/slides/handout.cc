// The PDF handout: the deck is written to a scratch folder, headless Chromium opens reveal.js's
// print view (index.html?print-pdf), waits until the page says the print layout is done, reads
// which slides the fitting script could not make fit, and prints to PDF; the PDF's bytes become
// the job's output.
#include <fmt/format.h>

#include <fstream>
#include <thread>

#include "render/slides/chromium.h"
#include "render/slides/slides.h"

namespace leitbild {
namespace fs = std::filesystem;

namespace {

constexpr std::chrono::seconds kChromiumTimeout{120};

std::string file_url(const fs::path& path) {
  std::string url = "file://";
  for (unsigned char c : path.string()) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') url += static_cast<char>(c);
    else url += fmt::format("%{:02X}", c);
  }
  return url;
}

std::string tail(const fs::path& file, std::size_t max = 400) {
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() > max) text = "..." + text.substr(text.size() - max);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

bool write_outputs(const fs::path& root, const Outputs& outputs) {
  for (const OutputFile& file : outputs) {
    const fs::path path = root / file.path;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    out << file.bytes;
    if (!out) return false;
  }
  return true;
}

// What the page reports about slides still too big after fitting: [[number, "file:line"], ...].
constexpr const char* kOverflowQuery =
    "JSON.stringify(Array.from(document.querySelectorAll('section[data-lb-overflow]'))"
    ".map(s => [s.getAttribute('data-lb-slide') || '?', s.getAttribute('data-lb-source') || '']))";

void report_overflow(const std::string& json, const Deck& deck, Diagnostics& diagnostics) {
  const nlohmann::json slides = nlohmann::json::parse(json, nullptr, false);
  if (!slides.is_array()) return;
  for (const auto& slide : slides) {
    if (!slide.is_array() || slide.size() != 2 || !slide[0].is_string() || !slide[1].is_string()) continue;
    const std::string source = slide[1].get<std::string>();
    SourceLocation where{deck.dir + "/deck.yaml", 0, 0};
    if (auto colon = source.rfind(':'); colon != std::string::npos)
      where = {source.substr(0, colon), std::atoi(source.c_str() + colon + 1), 1};
    diagnostics.add("LB0604", where,
                    fmt::format("slide {} of the deck `{}` does not fit the 1280x720 slide even with its text made smaller",
                                slide[0].get<std::string>(), deck.name));
  }
}

struct PrintResult {
  std::string pdf;
  std::string overflow_json;
  std::string error;  // empty on success
};

PrintResult print_page(const fs::path& chromium, const fs::path& index, const fs::path& scratch) {
  PrintResult result;
  const fs::path log = scratch / "chromium.log";
  DevToolsSession browser(chromium, chromium_base_arguments(scratch / "profile"), log, kChromiumTimeout);
  auto fail = [&](const std::string& what) {
    result.error = what + ": " + browser.error();
    if (browser.timed_out()) result.error = fmt::format("{}: no answer within {} seconds", what, kChromiumTimeout.count());
    if (const std::string t = tail(log); !t.empty()) result.error += " (" + t + ")";
    return result;
  };
  if (!browser.started()) return fail("could not start Chromium");
  auto target = browser.call("Target.createTarget", {{"url", "about:blank"}});
  if (!target) return fail("no page");
  auto attached = browser.call("Target.attachToTarget", {{"targetId", target->value("targetId", "")}, {"flatten", true}});
  if (!attached) return fail("no page session");
  const std::string session = attached->value("sessionId", "");
  if (!browser.call("Page.navigate", {{"url", file_url(index) + "?print-pdf"}}, session)) return fail("could not open the deck");
  for (;;) {
    auto state = browser.call("Runtime.evaluate",
                              {{"expression", "document.documentElement.getAttribute('data-lb-ready')"}, {"returnByValue", true}},
                              session);
    if (!state) return fail("the deck's print view did not finish");
    const auto& value = (*state)["result"]["value"];
    if (value.is_string() && value.get<std::string>() == "print") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (auto overflow = browser.call("Runtime.evaluate", {{"expression", kOverflowQuery}, {"returnByValue", true}}, session))
    if (const auto& v = (*overflow)["result"]["value"]; v.is_string()) result.overflow_json = v.get<std::string>();
  auto printed = browser.call("Page.printToPDF", {{"preferCSSPageSize", true}, {"printBackground", true}}, session);
  if (!printed) return fail("printing failed");
  result.pdf = decode_base64(printed->value("data", ""));
  browser.call("Browser.close");
  return result;
}

}  // namespace

std::string pdf_handout_unavailable_reason() {
  if (find_chromium()) return {};
  return "Chromium is not installed: install the Debian package `chromium` (scripts/setup does it)";
}

Outputs render_deck_handout(const Project& project, const Deck& deck, const RenderOptions& options,
                            Diagnostics& diagnostics) {
  const SourceLocation deck_yaml{deck.dir + "/deck.yaml", 0, 0};
  const auto chromium = find_chromium();
  if (!chromium) {
    diagnostics.add("LB0602", deck_yaml,
                    fmt::format("the PDF handout of the deck `{}` needs Chromium, which is not installed", deck.name),
                    "Install the Debian package `chromium` (`apt-get install chromium`, or run scripts/setup).");
    return {};
  }
  Diagnostics page_diagnostics;
  const Outputs page = render_deck(project, deck, options, page_diagnostics);
  // The deck job reports the page's own problems; here only a page that could not be made counts.
  if (page.empty()) {
    diagnostics.append(page_diagnostics.all());
    return {};
  }
  ScratchDir scratch("leitbild-handout");
  if (!scratch.ok() || !write_outputs(scratch.path() / "site", page)) {
    diagnostics.add("LB0601", deck_yaml, "could not write the deck to a temporary folder for printing",
                    "Check that the temporary folder (TMPDIR) is writable and has free space.");
    return {};
  }
  const fs::path index = scratch.path() / "site" / "decks" / deck.name / "index.html";
  PrintResult printed = print_page(*chromium, index, scratch.path());
  if (!printed.error.empty() || !printed.pdf.starts_with("%PDF")) {
    diagnostics.add("LB0603", deck_yaml,
                    fmt::format("Chromium could not print the deck `{}` to PDF: {}", deck.name,
                                printed.error.empty() ? "the result is not a PDF" : printed.error));
    return {};
  }
  report_overflow(printed.overflow_json, deck, diagnostics);
  return {{fmt::format("decks/{}/{}.pdf", deck.name, deck.name), std::move(printed.pdf)}};
}

}  // namespace leitbild
