// trace/trace.h — a recorded run and its file format, `.rdv.jsonl` (design.md §6,
// docs/traces.md).
//
// A Trace is a header (what was run and how), the event stream with its string table, and a
// footer (how it ended). It is self-contained: the header holds the script's text and SHA-256,
// and every task and object is introduced by an event before it is used, so a trace opens on
// another machine and a reader needs nothing else.
//
// File: JSON Lines. Line 1 the header, then one event per line, the last line the footer.
// Writing is deterministic: identical traces give byte-identical files.
//
// Example:
//   Trace t = ...;                        // from a Recorder
//   if (Status s = write_trace("out.rdv.jsonl", t); !s) report(s.error());
//   Result<Trace> r = read_trace("out.rdv.jsonl");
//   // r->events == t.events (identical, StrIds included)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/event.h"
#include "sim/result.h"
#include "sim/runtime.h"
#include "trace/string_table.h"

namespace rdv::trace {

// 2: TaskAt events and TaskSpawn's aux (the line each task executes next, sim/event.h "Lines").
// Version 1 traces are still read, and replayed without them (RunConfig::task_lines).
inline constexpr int kFormatVersion = 2;
// Limits the reader enforces (and the writer respects, so it never writes an unreadable file).
inline constexpr std::size_t kMaxLineBytes = 64u << 20;    // any line, header included
inline constexpr std::size_t kMaxTextBytes = 1u << 20;     // one string field of an event
inline constexpr std::size_t kMaxOutputBytes = 32u << 20;  // the footer's output, all lines
inline constexpr std::size_t kMaxOutputLines = 1'000'000;  // a run's event limit: one per line

struct Header {
  int version = kFormatVersion;     // "rdv"
  std::string scenario;             // path as given to `run`
  std::string sha256;               // of `script` (sha256_hex), 64 hex digits or empty
  std::string script;               // the scenario's text
  std::string title;                // scenario { title = ... }, may be empty
  std::string mode = "controlled";  // "controlled" | "live"
  std::string policy = "random";    // "random" | "pct" | "rr" | "replay" | "interactive"
  std::uint64_t seed = 1;
  std::string preempt = "sync";         // "sync" | "line"
  std::int64_t depth = 0;               // pct depth, 0 when not pct
  double time_scale = 1.0;              // live mode
  std::vector<std::uint32_t> schedule;  // every choice with >= 2 options (sim/policy.h)
  std::uint64_t decisions = 0;          // sched points where the policy was asked
  bool vars = false;  // the run tracked variables (VarSet events); written only when true
  std::string run;    // the test a _test.go file ran (--run TestX); written only when set
  // The run's event limit (RunConfig::max_events, `--max-events`), which a replay must apply to
  // stop where the run stopped; written only when it is not the default.
  std::uint64_t max_events = sim::RunConfig::kDefaultMaxEvents;
  // The run's memory cap in MiB (`--limit-memory`), which a replay must apply to stop where a
  // run that hit it stopped; 0 (not written): the default for the event limit
  // (sim::default_memory_cap).
  std::uint64_t limit_memory = 0;

  friend bool operator==(const Header&, const Header&) = default;
};

struct Footer {
  sim::Outcome outcome = sim::Outcome::Running;
  std::string message;              // Go's words: "fatal error: all goroutines are asleep ..."
  std::vector<std::string> output;  // the run's print lines, in order
  std::uint64_t events = 0;         // number of event lines (checked by the reader)

  friend bool operator==(const Footer&, const Footer&) = default;
};

struct Trace {
  Header header;
  std::vector<sim::Event> events;  // events[i].seq == i; text ids index `strings`
  StringTable strings;
  Footer footer;

  std::string_view text(const sim::Event& e) const noexcept { return strings.str(e.text); }
};

// Stable names of BlockReason in traces ("ChanSend", "Select", ...); to_string(BlockReason) in
// sim/event.h is for people and may change.
const char* reason_name(sim::BlockReason) noexcept;
bool parse_reason_name(std::string_view, sim::BlockReason*) noexcept;

// ---- writing --------------------------------------------------------------------------------
// The whole file as text (tests, small traces). footer.events is written as events.size().
std::string format_trace(const Trace& t);
// Writes to a temporary file beside `path`, fsyncs it and renames it over `path`, so a crash
// or a full disk never leaves a half file where a good one was. Errors name the path.
Status write_trace(const std::string& path, const Trace& t);

// ---- reading --------------------------------------------------------------------------------
// Parses and validates a whole trace. Never crashes on any input; errors are
// "<name>:<line>: <what>" with 1-based line numbers. Unknown fields are ignored (newer files
// open); unknown kinds, wrong types, out-of-range numbers, events naming tasks or objects never
// introduced, seq out of order, a missing footer, and lines over kMaxLineBytes are errors.
Result<Trace> read_trace(const std::string& path);
Result<Trace> parse_trace(std::string_view text, std::string_view name = "<memory>");

}  // namespace rdv::trace
