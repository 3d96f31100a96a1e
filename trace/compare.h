// trace/compare.h — comparing two event streams, for `rendezvous replay` (design.md §5).
//
// A replay re-executes the recorded scenario under the recorded schedule; the new stream must
// equal the recorded one event for event (text compared as text, not as StrIds, since the two
// runs intern in their own tables). The first difference is the divergence.
//
// Example:
//   if (auto d = compare_streams(recorded, replayed)) {
//     std::cerr << "diverged at event " << d->seq << "\n  expected: " << d->expected
//               << "\n  actual:   " << d->actual << "\n";
//   }
#pragma once

#include <optional>
#include <span>
#include <string>

#include "trace/trace.h"

namespace rdv::trace {

struct Divergence {
  std::uint64_t seq = 0;  // index of the first event that differs
  std::string expected;   // describe() of the recorded event, or "end of the run"
  std::string actual;     // describe() of the new event, or "end of the run"
};

struct CompareOptions {
  bool ignore_time = false;  // live runs: wall times never repeat
};

// One line for people: "#12 t=0 task 2 ChanSend obj 1 peer 3 line 7 val=42 text=\"...\"".
std::string describe(const sim::Event& e, std::string_view text);

std::optional<Divergence> compare_streams(std::span<const sim::Event> expected,
                                          const StringTable& expected_strings,
                                          std::span<const sim::Event> actual,
                                          const StringTable& actual_strings,
                                          CompareOptions options = {});
std::optional<Divergence> compare_streams(const Trace& expected, const Trace& actual,
                                          CompareOptions options = {});

}  // namespace rdv::trace
