#include "trace/compare.h"

#include <algorithm>

namespace rdv::trace {

std::string describe(const sim::Event& e, std::string_view text) {
  std::string s = "#" + std::to_string(e.seq) + " t=" + std::to_string(e.t) + " task " +
                  std::to_string(e.task) + " " + sim::to_string(e.kind);
  if (e.reason != sim::BlockReason::None) s += std::string(" reason ") + reason_name(e.reason);
  if (e.obj) s += " obj " + std::to_string(e.obj);
  if (e.peer) s += " peer " + std::to_string(e.peer);
  if (e.peer_seq != sim::kNoSeq) s += " peer_seq " + std::to_string(e.peer_seq);
  if (e.line) s += " line " + std::to_string(e.line);
  if (e.arg) s += " arg " + std::to_string(e.arg);
  if (e.aux) s += " aux " + std::to_string(e.aux);
  if (e.flags) s += " flags " + std::to_string(e.flags);
  if (!e.val.empty()) s += " val=" + std::string(e.val.view());
  if (!text.empty()) {
    s += " text=\"";
    s += text.substr(0, 80);
    if (text.size() > 80) s += "…";
    s += "\"";
  }
  return s;
}

std::optional<Divergence> compare_streams(std::span<const sim::Event> expected,
                                          const StringTable& expected_strings,
                                          std::span<const sim::Event> actual,
                                          const StringTable& actual_strings,
                                          CompareOptions options) {
  const std::size_t n = std::min(expected.size(), actual.size());
  for (std::size_t i = 0; i < n; ++i) {
    sim::Event a = expected[i];
    sim::Event b = actual[i];
    const std::string_view ta = expected_strings.str(a.text);
    const std::string_view tb = actual_strings.str(b.text);
    a.text = b.text = 0;
    if (options.ignore_time) a.t = b.t = 0;
    if (a != b || ta != tb) {
      return Divergence{i, describe(expected[i], ta), describe(actual[i], tb)};
    }
  }
  if (expected.size() == actual.size()) return std::nullopt;
  const auto more = [](std::span<const sim::Event> s, const StringTable& st, std::size_t i) {
    return i < s.size() ? describe(s[i], st.str(s[i].text)) : std::string("end of the run");
  };
  return Divergence{n, more(expected, expected_strings, n), more(actual, actual_strings, n)};
}

std::optional<Divergence> compare_streams(const Trace& expected, const Trace& actual,
                                          CompareOptions options) {
  return compare_streams(expected.events, expected.strings, actual.events, actual.strings, options);
}

}  // namespace rdv::trace
