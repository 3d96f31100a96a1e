#include "trace/recorder.h"

#include <algorithm>

namespace rdv::trace {
namespace {
// Source ids above this are interned directly instead of through the remap array, so a
// runaway id never makes the array huge.
constexpr sim::StrId kMaxRemap = 1u << 24;
}  // namespace

sim::StrId Recorder::map_text(sim::StrId id, std::string_view text) {
  if (id >= kMaxRemap) return trace_.strings.intern(text);
  if (id >= remap_.size()) remap_.resize(std::max<std::size_t>(id + 1, remap_.size() * 2));
  sim::StrId& ours = remap_[id];
  if (ours == 0) ours = trace_.strings.intern(text) + 1;
  return ours - 1;
}

void Recorder::add(std::span<const sim::Event> events, const StrLookup& str) {
  const std::size_t n = trace_.events.size() + events.size();
  if (trace_.events.capacity() < n) {
    trace_.events.reserve(std::max(n, 2 * trace_.events.capacity()));  // keeps growth geometric
  }
  for (const sim::Event& e : events) add_one(e, str);
}

void Recorder::add(const sim::Event& e, std::string_view text) {
  sim::Event copy = e;
  copy.text = trace_.strings.intern(text);
  trace_.events.push_back(copy);
}

Trace Recorder::finish(Header header, Footer footer) && {
  trace_.header = std::move(header);
  trace_.footer = std::move(footer);
  trace_.footer.events = trace_.events.size();
  if (trace_.footer.output.empty()) {
    for (const sim::Event& e : trace_.events) {
      if (e.kind == sim::EventKind::Print) trace_.footer.output.emplace_back(trace_.text(e));
    }
  }
  return std::move(trace_);
}

Trace make_trace(Header header, std::span<const sim::Event> events, const StrLookup& str,
                 Footer footer) {
  Recorder rec;
  rec.add(events, str);
  return std::move(rec).finish(std::move(header), std::move(footer));
}

}  // namespace rdv::trace
