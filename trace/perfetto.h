// trace/perfetto.h — a trace as Chrome Trace Event JSON, which Perfetto UI (ui.perfetto.dev)
// and chrome://tracing open (`rendezvous export TRACE --perfetto OUT.json`, `run --perfetto`).
//
// What it contains (pid 1; one thread track per task, tid = task id, named after the task):
//  - slices ("X") for each task's states: "running", "runnable", "blocked: chan receive
//    result", "blocked: select", "sleep", ...; tasks' operations as short slices nested in them;
//  - a flow arrow from every send to the receive that took its value, buffered channels
//    included, as `bind_id` + `flow_out` (on the send's slice) / `flow_in` (on the receive's):
//    Perfetto attaches arrows to slices, not to instants;
//  - a counter track per channel, "len(<name>)";
//  - instant events for notes, prints, panics, recovers, cancellations, leaks, the deadlock
//    (global) and the end of the run.
//
// Time axis: `Time` uses the events' t as is. `Steps` adds 1 µs per event to t, so a controlled
// run's many zero-time steps stay apart and readable (virtual time only moves on sleeps);
// `Auto` picks Steps for controlled runs and Time for live ones.
#pragma once

#include <string>

#include "trace/trace.h"

namespace rdv::trace {

enum class TimeAxis { Auto, Time, Steps };

struct PerfettoOptions {
  TimeAxis axis = TimeAxis::Auto;
};

std::string format_perfetto(const Trace& t, PerfettoOptions options = {});
// Written like write_trace: a temporary file renamed into place; errors name the path.
Status export_perfetto(const Trace& t, const std::string& path, PerfettoOptions options = {});

}  // namespace rdv::trace
