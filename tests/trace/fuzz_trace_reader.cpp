// libFuzzer target for the trace reader: any bytes must give a Trace or an error, never a
// crash, a hang or a sanitizer report. Build: CC=clang CXX=clang++ cmake -DRDV_FUZZ=ON ...;
// run: fuzz_trace_reader tests/trace/corpus -max_len=4096 -max_total_time=60.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "trace/trace.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = rdv::trace::parse_trace(text, "fuzz");
  if (r.ok()) {
    // A trace the reader accepts must write back to text it accepts again.
    auto again = rdv::trace::parse_trace(rdv::trace::format_trace(*r), "fuzz2");
    if (!again.ok()) __builtin_trap();
  }
  return 0;
}
