// tests/support/seed_runs.h — what our runs of one script say over many seeds, to compare with
// what Go says of the same program (tests/gofront, tests/crosscheck). Header-only; the test links
// rdv_script.
#pragma once

#include "script/run.h"
#include "sim/event_log.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace rdv::test {

// What the runs of a script said, in controlled mode with the default options.
struct SeedRuns {
  std::set<std::vector<std::string>> outputs;  // every distinct output
  std::set<int> codes;                         // every exit status
  std::set<sim::Outcome> outcomes;             // every way a run ended
  std::string diagnostics;                     // the last run's
};

// Runs `source` (named `name`) with seeds 1 to `seeds`.
inline SeedRuns run_seeds(const std::string& name, const std::string& source, std::uint64_t seeds) {
  SeedRuns runs;
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    script::RunOptions opt;
    opt.config.seed = seed;
    sim::EventLog log;
    const script::RunReport r = script::run_source(name, source, opt, log);
    runs.outputs.insert(r.output);
    runs.codes.insert(r.exit_code());
    runs.outcomes.insert(r.result.outcome);
    runs.diagnostics = r.diagnostics;
  }
  return runs;
}

// `lines` as text, each ending in '\n' (what Go printed, for a message).
inline std::string joined_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  return text;
}

}  // namespace rdv::test
