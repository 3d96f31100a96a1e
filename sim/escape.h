// sim/escape.h — the backslash escapes a quoted string shares with C, Lua and JSON.
//
// Used by every writer of a quoted string: script/display.cpp (a value shown as Lua would write
// it) and trace/json_text.cpp (JSON). Each escapes the other control characters its own way.
// It sits in sim/ (the standard library only) because sim is the lowest layer both include.
#pragma once

namespace rdv {

// The escape of c inside a double-quoted string: "\\\"", "\\\\", "\\n", "\\t" or "\\r"; nullptr
// for a character that has no short escape.
constexpr const char* short_escape(char c) noexcept {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\n':
      return "\\n";
    case '\t':
      return "\\t";
    case '\r':
      return "\\r";
    default:
      return nullptr;
  }
}

}  // namespace rdv
