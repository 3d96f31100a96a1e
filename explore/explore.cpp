// The explorer engine. Why it is shaped this way:
//  - Isolation over sharing: each run builds its own Lua universe and runtime through
//    script::run_source; the task threads come from the runtime's process-wide pool, so a run
//    costs no thread start. Sharing a universe between runs would save the Lua state setup but
//    would let one schedule's globals leak into the next.
//  - Determinism over arrival order: results are stored per schedule index and folded in index
//    order, so "first failure" and the output classes do not depend on which job finished first.
//  - Traces after the fact: a failing run's schedule (a few choices) is kept, not its events;
//    the trace is recorded by replaying that schedule once at the end. Keeping every run's log
//    alive until we know whether it failed would cost memory on the fast path.
#include "explore/explore.h"

#include "sim/enum_table.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "gofront/gofront.h"
#include "script/run.h"
#include "script/scenario_header.h"
#include "sim/task.h"
#include "trace/recorder.h"
#include "trace/trace.h"

namespace rdv::explore {
namespace {

std::string base_name(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// FNV-1a over the lines, each followed by a 0 byte, so {"a","b"} and {"ab"} differ.
std::uint64_t hash_output(const std::vector<std::string>& lines) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const std::string& l : lines) {
    for (char ch : l) h = (h ^ static_cast<unsigned char>(ch)) * 0x100000001b3ull;
    h = (h ^ 0u) * 0x100000001b3ull;
  }
  return h;
}

// What one run leaves behind on the fast path.
struct RunRecord {
  bool ran = false;  // false: a hole left by a stopped exploration
  Kind kind = Kind::Ok;
  std::uint64_t hash = 0;
};

// The lowest-index run that printed one output: enough to fold it and to record its trace.
struct FirstOfOutput {
  std::uint64_t index = 0;
  Kind kind = Kind::Ok;
  std::uint64_t seed = 0;
  std::vector<std::uint32_t> schedule;
  std::vector<std::string> lines;
};

// Everything a finished run contributes, folded under one mutex. The per-index records make the
// result independent of the finishing order.
struct Collector {
  std::mutex mu;  // protects every field below
  std::vector<RunRecord> records;
  std::map<std::uint64_t, FirstOfOutput> first_by_hash;  // output -> its lowest-index run
  std::array<std::optional<Failure>, kKinds> first;
  std::uint64_t done = 0;
  std::uint64_t total = 0;
  std::uint64_t progress_step = 1;
  const Options* options = nullptr;
  // The live tally (finishing order), for Options::on_tally.
  std::array<std::uint64_t, kKinds> live{};
  std::map<std::uint64_t, std::uint64_t> live_count_by_hash;
  std::vector<std::uint64_t> hashes_seen;  // in the order first seen

  void add(std::uint64_t index, std::uint64_t seed, const script::RunReport& r) {
    const Kind kind = classify(r.result.outcome);
    const std::uint64_t h = hash_output(r.output);
    std::lock_guard lk(mu);
    if (records.size() <= index) records.resize(index + 1);
    records[index] = {true, kind, h};
    auto [it, fresh] = first_by_hash.try_emplace(h);
    if (fresh || index < it->second.index) {
      it->second = {index, kind, seed, r.result.schedule, r.output};
    }
    {
      auto& f = first[kind_index(kind)];
      if (!f || index < f->index) {
        f = Failure{kind, index, seed, r.result.schedule, r.result.message, r.output, {}, {}, {}};
      }
    }
    ++live[kind_index(kind)];
    if (++live_count_by_hash[h] == 1) hashes_seen.push_back(h);
    ++done;
    if (done % progress_step == 0 || done == total) {
      if (options->on_progress) options->on_progress(done, total);
      if (options->on_tally) options->on_tally(tally());
    }
  }

  Tally tally() const {  // mu held
    Tally t;
    t.done = done;
    t.total = total;
    t.outcomes = live;
    t.distinct_outputs = hashes_seen.size();
    for (std::size_t i = 0; i < hashes_seen.size() && i < kTallyOutputs; ++i) {
      const std::uint64_t h = hashes_seen[i];
      const FirstOfOutput& f = first_by_hash.at(h);
      t.outputs.push_back({h, live_count_by_hash.at(h), f.index, f.lines, f.kind, f.seed, {}});
    }
    return t;
  }
};

bool stop_requested(const Options& o) {
  return o.should_stop && o.should_stop();
}

// Runs fn(i, job) for i in [0, n) on `jobs` threads; stops handing out work once should_stop.
// Job k's thread is pinned to the CPU its runs' tasks are pinned to (base_options), so that
// starting a run and waiting for its end are same-CPU handoffs too.
template <typename Fn>
void parallel_for(std::uint64_t n, unsigned jobs, const Options& o, Fn fn) {
  std::atomic<std::uint64_t> next{0};
  auto worker = [&](unsigned job) {
    sim::pool::pin_caller(sim::pool::nth_cpu(job));
    for (;;) {
      const std::uint64_t i = next.fetch_add(1);
      if (i >= n || stop_requested(o)) return;
      fn(i, job);
    }
  };
  const unsigned j = static_cast<unsigned>(std::min<std::uint64_t>(std::max(1u, jobs), n));
  std::vector<std::thread> threads;
  threads.reserve(j);
  for (unsigned k = 0; k < j; ++k) threads.emplace_back(worker, k);
  for (auto& t : threads) t.join();
}

script::RunOptions base_options(const Options& o, std::uint64_t seed, unsigned job) {
  script::RunOptions opt;
  opt.config.mode = sim::Mode::Controlled;
  opt.config.seed = seed;
  // The pool's CPU list is read once (std::thread::hardware_concurrency reads /sys at every
  // call: it was a tenth of an empty scenario's cost when asked here per schedule).
  opt.config.cpu = sim::pool::nth_cpu(job);
  opt.preempt = o.preempt;
  opt.config.max_events = o.max_events;
  opt.config.max_wall = o.max_wall;
  opt.config.max_cpu = o.max_cpu;
  opt.config.max_task_cpu = o.max_task_cpu;
  opt.memory_cap = o.memory_cap;
  opt.budget = o.budget;  // shared by every run (explore() sets it)
  return opt;
}

std::uint64_t learn_expected_steps(const std::string& chunk, std::string_view source,
                                   const Options& o) {
  std::uint64_t most = 1;
  for (std::uint64_t k = 0; k < 3; ++k) {
    script::RunOptions opt = base_options(o, o.seed + k, 0);
    opt.config.policy = sim::make_random(o.seed + k);
    sim::EventLog log;
    const script::RunReport r = script::run_source(chunk, source, opt, log);
    most = std::max(most, r.result.decisions);
  }
  return most;
}

void sample(const std::string& chunk, std::string_view source, const Options& o,
            std::uint64_t expected_steps, Collector& c) {
  c.total = o.schedules;
  c.progress_step = std::max<std::uint64_t>(1, o.schedules / 200);
  parallel_for(o.schedules, o.jobs, o, [&](std::uint64_t i, unsigned job) {
    const std::uint64_t seed = o.seed + i;
    script::RunOptions opt = base_options(o, seed, job);
    opt.config.policy = o.policy == sim::PolicyKind::Pct
                            ? sim::make_pct(seed, o.depth, expected_steps)
                            : sim::make_random(seed);
    sim::EventLog log;
    c.add(i, seed, script::run_source(chunk, source, opt, log));
  });
}

// Depth-first over prefixes. The stack is processed in batches of a fixed size (not `jobs`), so
// the set of schedules visited before the cap is the same for any number of jobs.
bool search(const std::string& chunk, std::string_view source, const Options& o, Collector& c) {
  constexpr std::size_t kBatch = 64;
  c.total = o.schedules;
  c.progress_step = std::max<std::uint64_t>(1, o.schedules / 200);
  std::vector<std::vector<std::uint32_t>> stack{{}};
  std::uint64_t visited = 0;
  while (!stack.empty()) {
    if (visited >= o.schedules || stop_requested(o)) return false;
    const std::size_t n = static_cast<std::size_t>(
        std::min<std::uint64_t>({kBatch, stack.size(), o.schedules - visited}));
    std::vector<std::vector<std::uint32_t>> batch(n);
    for (std::size_t k = 0; k < n; ++k) {
      batch[k] = std::move(stack.back());
      stack.pop_back();
    }
    std::vector<std::vector<std::vector<std::uint32_t>>> children(n);
    parallel_for(n, o.jobs, o, [&](std::uint64_t k, unsigned job) {
      auto policy = std::make_shared<PrefixPolicy>(batch[k]);
      script::RunOptions opt = base_options(o, o.seed, job);
      opt.config.policy = policy;
      sim::EventLog log;
      const script::RunReport r = script::run_source(chunk, source, opt, log);
      children[k] = branch(policy->points(), batch[k].size(), o.preemptions);
      c.add(visited + k, o.seed, r);
    });
    if (stop_requested(o)) return false;
    visited += n;
    // Push so that the batch's first run's children are popped first, each run's own children
    // in their order: the same order a one-at-a-time depth-first search would take.
    for (std::size_t k = n; k-- > 0;) {
      for (auto it = children[k].rbegin(); it != children[k].rend(); ++it) {
        stack.push_back(std::move(*it));
      }
    }
  }
  return true;
}

// Replays a failure's schedule once more, recording it, and writes the trace.
void record_failure(const std::string& path, std::string_view source, const Options& o,
                    Failure& f) {
  Result<std::string> file =
      record_trace(path, source, o, f.index, f.seed, f.schedule, to_string(f.kind));
  if (!file) {
    f.trace_error = file.error();
    return;
  }
  f.trace_path = std::move(*file);
  f.replay_command = "rendezvous replay " + f.trace_path;
}

// Preemptions in a failure's schedule: replay it through a PrefixPolicy, which counts them.
int count_preemptions(const std::string& chunk, std::string_view source, const Options& o,
                      const Failure& f) {
  auto policy = std::make_shared<PrefixPolicy>(f.schedule);
  script::RunOptions opt = base_options(o, f.seed, 0);
  opt.config.policy = policy;
  sim::EventLog log;
  script::run_source(chunk, gofront::prepare(chunk, source, o.run).chunk, opt, log);
  return policy->preemptions();
}

}  // namespace

Result<std::string> record_trace(const std::string& path, std::string_view source, const Options& o,
                                 std::uint64_t index, std::uint64_t seed,
                                 const std::vector<std::uint32_t>& schedule,
                                 const std::string& label) {
  const std::string chunk = base_name(path);
  script::RunOptions opt = base_options(o, seed, 0);
  opt.config.policy = sim::make_replay(schedule);
  sim::EventLog log;
  const script::RunReport r =
      script::run_source(chunk, gofront::prepare(chunk, source, o.run).chunk, opt, log);

  // An exhaustive search's schedule is replayed, not drawn from the seed: say so in the header.
  const sim::PolicyKind policy =
      o.policy == sim::PolicyKind::Exhaustive ? sim::PolicyKind::Replay : o.policy;
  trace::Header h =
      trace::run_header(path, std::string(source), script::scenario_title(source, path),
                        sim::Mode::Controlled, policy, seed, o.preempt, o.depth, o.run);
  h.max_events = o.max_events;
  if (o.memory_cap != sim::default_memory_cap(o.max_events)) h.limit_memory = o.memory_cap >> 20;
  const trace::Trace t = trace::record_run(std::move(h), r.result, r.output, log);

  std::error_code ec;
  std::filesystem::create_directories(o.trace_dir, ec);
  const std::string file =
      (std::filesystem::path(o.trace_dir) /
       (chunk + "." + label + ".seed" + std::to_string(seed) +
        (o.policy == sim::PolicyKind::Exhaustive ? ".schedule" + std::to_string(index)
                                                 : std::string()) +
        ".rdv.jsonl"))
          .string();
  if (auto s = trace::write_trace(file, t); !s) return Error{s.error()};
  return file;
}

const char* to_string(Kind k) noexcept {
  static constexpr auto kNames =
      enum_table<Kind, const char*, kKinds>({"ok", "deadlock", "panic", "leak", "error"});
  return kNames.at(k, "?");
}

Kind classify(sim::Outcome o) noexcept {
  switch (o) {
    case sim::Outcome::Ok:
      return Kind::Ok;
    case sim::Outcome::Deadlock:
      return Kind::Deadlock;
    case sim::Outcome::Panic:
      return Kind::Panic;
    case sim::Outcome::Leak:
      return Kind::Leak;
    default:
      return Kind::Error;
  }
}

const Failure* Summary::first_failure() const noexcept {
  const Failure* best = nullptr;
  for (const Failure& f : failures) {
    if (!best || f.index < best->index) best = &f;
  }
  return best;
}

std::uint32_t PrefixPolicy::choose(std::vector<std::uint32_t> options, std::uint32_t fallback,
                                   sim::TaskId current, bool task) {
  const std::size_t at = points_.size();
  const std::uint32_t pick = at < prefix_.size() ? prefix_[at] : fallback;
  if (std::find(options.begin(), options.end(), pick) == options.end()) {
    throw sim::PolicyError("exhaustive search: choice " + std::to_string(at + 1) + " (" +
                           std::to_string(pick) +
                           ") is not available: the scenario is not deterministic under a "
                           "fixed schedule");
  }
  points_.push_back({std::move(options), pick, current, task, preemptions_});
  if (task && current != 0 && pick != current) ++preemptions_;
  return pick;
}

sim::TaskId PrefixPolicy::pick_task(std::span<const sim::TaskId> candidates, sim::TaskId current) {
  if (candidates.size() < 2) return candidates[0];
  // Not preempting: the running task goes on; after it blocked, the lowest id.
  const sim::TaskId fallback = current != 0 ? current : candidates[0];
  return choose({candidates.begin(), candidates.end()}, fallback, current, true);
}

std::uint32_t PrefixPolicy::pick_case(std::span<const std::uint32_t> ready) {
  return choose({ready.begin(), ready.end()}, ready[0], 0, false);
}

std::vector<std::vector<std::uint32_t>> branch(const std::vector<PrefixPolicy::Point>& points,
                                               std::size_t prefix_size, int bound) {
  std::vector<std::vector<std::uint32_t>> out;
  for (std::size_t i = prefix_size; i < points.size(); ++i) {
    const PrefixPolicy::Point& p = points[i];
    for (std::uint32_t alt : p.options) {
      if (alt == p.chosen) continue;
      const int cost = p.preemptions_before + (p.task && p.current != 0 && alt != p.current);
      if (cost > bound) continue;
      std::vector<std::uint32_t> child;
      child.reserve(i + 1);
      for (std::size_t k = 0; k < i; ++k) child.push_back(points[k].chosen);
      child.push_back(alt);
      out.push_back(std::move(child));
    }
  }
  return out;
}

namespace {

// Iterative deepening: the first bound at which the exhaustive search meets the same kind of
// failure gives a schedule with the fewest preemptions (within the caps) — the easiest to read.
void shrink(const std::string& path, std::string_view source, const Options& options, Failure& f) {
  const int had = count_preemptions(base_name(path), source, options, f);
  f.preemptions = had;
  for (int bound = 0; bound < had && bound <= options.shrink_preemptions; ++bound) {
    // The caller's run settings, limits, budget and stop request; not its trace folder, progress
    // reports or shrinking (depth is pct's, unused here).
    Options o = options;
    o.policy = sim::PolicyKind::Exhaustive;
    o.preemptions = bound;
    o.schedules = options.shrink_cap;
    o.seed = f.seed;
    o.trace_dir.clear();
    o.shrink = false;
    o.on_progress = nullptr;
    o.on_tally = nullptr;
    const Summary s = explore(path, source, o);
    for (const Failure& g : s.failures) {
      if (g.kind != f.kind) continue;
      f.original_preemptions = had;
      f.schedule = g.schedule;
      f.message = g.message;
      f.output = g.output;
      f.preemptions = count_preemptions(base_name(path), source, options, f);
      return;
    }
  }
}

}  // namespace

Summary explore(const std::string& path, std::string_view source, const Options& options) {
  if (!options.budget) {
    Options shared = options;
    shared.budget = std::make_shared<sim::MemoryBudget>(options.memory_cap);
    return explore(path, source, shared);
  }
  const std::string chunk = base_name(path);
  // A Go program runs as its lowered chunk (the caller has checked that it compiles); traces
  // record the Go text.
  const std::string lowered = gofront::prepare(chunk, source, options.run).chunk;
  const std::string_view runnable = lowered;
  Summary s;
  s.policy = options.policy;
  Collector c;
  c.options = &options;
  const auto t0 = std::chrono::steady_clock::now();
  if (options.policy == sim::PolicyKind::Exhaustive) {
    s.exhausted = search(chunk, runnable, options, c);
  } else {
    if (options.policy == sim::PolicyKind::Pct) {
      s.expected_steps = learn_expected_steps(chunk, runnable, options);
    }
    sample(chunk, runnable, options, s.expected_steps, c);
  }
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  s.stopped = stop_requested(options);

  // Fold in index order. A stopped exploration may have holes: only finished runs count.
  std::lock_guard lk(c.mu);
  s.schedules = c.done;
  std::map<std::uint64_t, std::size_t> class_of;  // hash -> index in s.outputs
  for (std::size_t i = 0; i < c.records.size(); ++i) {
    const RunRecord& r = c.records[i];
    if (!r.ran) continue;
    ++s.outcomes[kind_index(r.kind)];
    auto [it, fresh] = class_of.try_emplace(r.hash, s.outputs.size());
    if (fresh) {
      const FirstOfOutput& f = c.first_by_hash[r.hash];
      s.outputs.push_back({r.hash, 0, f.index, f.lines, f.kind, f.seed, f.schedule});
    }
    ++s.outputs[it->second].count;
  }
  std::sort(s.outputs.begin(), s.outputs.end(), [](const OutputClass& a, const OutputClass& b) {
    return a.first_index < b.first_index;
  });
  if (auto& ok = c.first[kind_index(Kind::Ok)]) {
    s.first_ok = std::move(ok);
    ok.reset();
  }
  for (auto& f : c.first) {
    if (!f) continue;
    if (options.shrink && options.policy != sim::PolicyKind::Exhaustive)
      shrink(path, source, options, *f);
    if (!options.trace_dir.empty()) record_failure(path, source, options, *f);
    if (f->replay_command.empty()) {
      f->replay_command = "rendezvous run " + path + " --seed " + std::to_string(f->seed) +
                          (options.policy == sim::PolicyKind::Pct
                               ? " --policy pct --depth " + std::to_string(options.depth)
                               : std::string()) +
                          (options.max_events != sim::RunConfig::kDefaultMaxEvents
                               ? " --max-events " + std::to_string(options.max_events)
                               : std::string()) +
                          (options.run.empty() ? std::string() : " --run " + options.run);
    }
    s.failures.push_back(std::move(*f));
  }
  return s;
}

// ---- expectations ---------------------------------------------------------------------------

std::string read_expectation(std::string_view source, std::string_view file) {
  const Result<script::ScenarioHeader> r = script::parse_scenario_header(source, file);
  if (!r) return {};
  for (const auto& [k, v] : r->fields) {
    if (k == "expect") return v;
  }
  return {};
}

bool read_preempt(std::string_view source, std::string_view file, sim::Preempt* out) {
  const Result<script::ScenarioHeader> r = script::parse_scenario_header(source, file);
  return r && !r->preempt.empty() && sim::parse_preempt(r->preempt, out);
}

Verdict judge(std::string_view expect, const Summary& s) {
  Verdict v;
  v.expect = std::string(expect);
  const std::uint64_t n = s.schedules;
  auto of = [&](std::uint64_t k, const char* what) {
    return std::to_string(k) + " of " + std::to_string(n) + " schedules " + what;
  };
  struct Word {
    const char* noun;  // "deadlock"
    Kind kind;
    const char* past;  // "deadlocked"
  };
  static constexpr Word kWords[] = {{"deadlock", Kind::Deadlock, "deadlocked"},
                                    {"panic", Kind::Panic, "panicked"},
                                    {"leak", Kind::Leak, "leaked"}};
  if (expect.empty()) {
    const std::uint64_t bad = s.count(Kind::Deadlock) + s.count(Kind::Panic) + s.count(Kind::Error);
    v.broken = bad != 0;
    v.explanation = v.broken
                        ? "no expectation declared: " + of(bad, "failed (deadlock, panic or error)")
                        : "no expectation declared: no schedule failed";
    return v;
  }
  for (const Word& w : kWords) {
    const std::string noun = w.noun;
    const std::uint64_t k = s.count(w.kind);
    if (expect == "never " + noun + "s") {
      v.broken = k != 0;
      v.explanation = "expected \"" + v.expect + "\": " + of(k, w.past);
      return v;
    }
    if (expect == noun + "s") {
      v.broken = k != n || n == 0;
      v.explanation = "expected \"" + v.expect + "\": " + of(k, w.past);
      return v;
    }
    if (expect == "may " + noun) {
      v.broken = k == 0;
      v.explanation = "expected \"" + v.expect + "\": " + of(k, w.past);
      return v;
    }
  }
  if (expect == "may return early") {
    const std::uint64_t k = s.count(Kind::Leak);
    v.broken = k == 0;
    v.explanation = "expected \"" + v.expect + "\": " + of(k, "returned with tasks left behind");
    return v;
  }
  v.understood = false;
  v.broken = true;
  v.explanation = "expectation \"" + v.expect + "\" is not one the explorer knows";
  return v;
}

}  // namespace rdv::explore
