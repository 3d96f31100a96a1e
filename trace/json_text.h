// trace/json_text.h — the JSON text helpers shared by the trace writer and the Perfetto export
// (internal to rdv_trace).
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace rdv::trace::json {

// What append_string does with a byte that is not part of valid UTF-8:
//  - Escape (traces): writes it as the lone surrogate escape \udcXX (XX = the byte, 80..ff), so
//    any bytes round-trip through a trace exactly (docs/traces.md, "Bytes that are not UTF-8");
//    the trace reader turns \udc80..\udcff back into the byte;
//  - Replace (Perfetto, for viewers): writes U+FFFD.
enum class Bytes { Escape, Replace };

// Appends `s` as a JSON string literal (quotes included). Control characters are escaped; the
// output is always valid JSON text.
void append_string(std::string& out, std::string_view s, Bytes bytes = Bytes::Escape);

// Length of the longest prefix of `s` that is at most `max` bytes and ends on a UTF-8 character
// boundary.
std::size_t utf8_prefix(std::string_view s, std::size_t max) noexcept;

// Length of the valid UTF-8 sequence starting at s[i] (1..4), or 0 if invalid there.
std::size_t utf8_sequence(std::string_view s, std::size_t i) noexcept;

template <class Int>
void append_int(std::string& out, Int v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void append_double(std::string& out, double v);

}  // namespace rdv::trace::json
