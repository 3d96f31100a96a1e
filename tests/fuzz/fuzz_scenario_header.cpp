// libFuzzer target for the scenario header reader (script/scenario_header.h): any bytes must give
// a header or an error naming a line, never a crash, a hang or a sanitizer report. It also checks
// the lexer's promises: tokens tile the text exactly, in order, with non-decreasing lines.
// Build and run: see docs/reliability.md ("Fuzzing"); the suite runs it briefly (tests/fuzz).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "script/scenario_header.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const rdv::Result<rdv::script::ScenarioHeader> r =
      rdv::script::parse_scenario_header(text, "fuzz.lua");
  if (r) {
    if (r->title.empty() || r->line < 1) __builtin_trap();
  } else {
    // An error always names a line inside the text (or line 1 of an empty one).
    if (r.error_line() < 1 || !r.error().starts_with("fuzz.lua:")) __builtin_trap();
  }

  std::size_t pos = 0;
  int line = 1;
  for (const rdv::script::Token& t : rdv::script::tokenize_lua(text)) {
    if (t.begin != pos || t.size == 0 || t.line < line) __builtin_trap();
    pos += t.size;
    line = t.line;
  }
  if (pos != text.size()) __builtin_trap();
  return 0;
}
