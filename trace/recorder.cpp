#include "trace/recorder.h"

#include <algorithm>

#include "trace/sha256.h"

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
      if (e.kind == sim::EventKind::Print && e.flags == 0)
        trace_.footer.output.emplace_back(trace_.text(e));
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

Header run_header(std::string path, std::string script, std::string title, sim::Mode mode,
                  sim::PolicyKind policy, std::uint64_t seed, sim::Preempt preempt, int depth,
                  std::string run) {
  Header h;
  h.run = std::move(run);
  h.scenario = std::move(path);
  h.sha256 = sha256_hex(script);
  h.script = std::move(script);
  h.title = std::move(title);
  h.mode = sim::to_string(mode);
  h.policy = sim::to_string(policy);  // live mode: select and rand() still draw from the seed
  h.seed = seed;
  h.preempt = sim::to_string(preempt);
  h.depth = policy == sim::PolicyKind::Pct ? depth : 0;
  return h;
}

Trace record_run(Header header, const sim::RunResult& result, std::vector<std::string> output,
                 const sim::EventLog& log) {
  header.schedule = result.schedule;
  header.decisions = result.decisions;
  Footer footer;
  footer.outcome = result.outcome;
  footer.message = result.message;
  footer.output = std::move(output);
  Recorder rec;
  rec.poll(log);
  return std::move(rec).finish(std::move(header), std::move(footer));
}

}  // namespace rdv::trace
