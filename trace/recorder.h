// trace/recorder.h — builds a Trace from the event stream of a run, live or after the fact.
//
// The runtime's EventLog (sim/event_log.h) is append-only and readable while the run goes on,
// so recording is a reader that copies the events it has not seen yet (poll) with their text.
// It re-interns text into the trace's own StringTable (ids in order of first appearance), so a
// recorded trace is canonical: it equals the same trace read back from its file.
//
// Cost: one copy of each event, plus one table lookup per event carrying text (cached by the
// source's StrId, so repeated names cost an array index).
//
// Example:
//   Recorder rec;
//   rec.add(events, [&](sim::StrId id) { return log.str(id); });  // any number of times
//   Trace t = std::move(rec).finish(header, footer);
//   write_trace(path, t);
#pragma once

#include <algorithm>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/event_log.h"
#include "sim/runtime.h"
#include "trace/trace.h"

namespace rdv::trace {

// Resolves a StrId of the stream being recorded to its text.
using StrLookup = std::function<std::string_view(sim::StrId)>;

class Recorder {
 public:
  // Appends the next events of the stream (their seq continue from size()).
  // - `str` resolves their `text` ids; it is called once per distinct id.
  void add(std::span<const sim::Event> events, const StrLookup& str);
  // Appends one event whose text is given already resolved.
  void add(const sim::Event& e, std::string_view text);
  // Copies the events of `log` not recorded yet: a sim::EventLog, or anything with
  // committed(), at(i) and str(id). Returns how many were added. Call it while the run goes on
  // (the UI thread, each frame) and once more after the run ended.
  template <class Log>
  std::size_t poll(const Log& log) {
    const std::size_t from = size();
    const std::size_t n = log.committed();
    for (std::size_t i = from; i < n; ++i)
      add_one(log.at(i), [&](sim::StrId id) { return log.str(id); });
    return n > from ? n - from : 0;
  }

  std::size_t size() const noexcept { return trace_.events.size(); }
  const Trace& trace() const noexcept { return trace_; }

  // The finished trace. footer.events is set; an empty footer.output is filled from the
  // Print events.
  Trace finish(Header header, Footer footer) &&;

 private:
  template <class Str>
  void add_one(sim::Event e, const Str& str) {
    if (e.text != 0) {
      // The cache hit needs no lookup in the source (EventLog::str takes a lock).
      e.text = e.text < remap_.size() && remap_[e.text] != 0 ? remap_[e.text] - 1
                                                             : map_text(e.text, str(e.text));
    }
    trace_.events.push_back(e);
  }
  // Our id for the source's `id` whose text is `text` (cached per source id).
  sim::StrId map_text(sim::StrId id, std::string_view text);

  Trace trace_;
  std::vector<sim::StrId> remap_;  // source StrId -> ours + 1 (0 = not seen yet)
};

// One call for a whole stream.
Trace make_trace(Header header, std::span<const sim::Event> events, const StrLookup& str,
                 Footer footer);

// ---- a run as a trace: the one place the CLI, the explorer and the app describe a run -------

// The header of a run of `script`, the scenario at `path` (as given) titled `title` (may be
// empty): the text and its SHA-256, and how it ran. `depth` is kept for pct only; time_scale
// keeps its default (the caller sets it for live runs it scales). The schedule and decisions
// come with the run (record_run). `run`: the test a _test.go file ran (--run), if any.
Header run_header(std::string path, std::string script, std::string title, sim::Mode mode,
                  sim::PolicyKind policy, std::uint64_t seed, sim::Preempt preempt, int depth,
                  std::string run = {});

// A finished run as a trace: `header` with the run's schedule and decisions, the events of
// `log`, and a footer with the run's outcome, message and print `output`.
Trace record_run(Header header, const sim::RunResult& result, std::vector<std::string> output,
                 const sim::EventLog& log);

}  // namespace rdv::trace
