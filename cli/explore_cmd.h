// cli/explore_cmd.h — `rendezvous explore` (design.md §5) on the explorer engine (explore/).
//
//   rendezvous explore FILE.lua [--schedules N] [--policy random|pct|exhaustive] [--depth D]
//                      [--preemptions P] [--jobs J] [--seed S] [--trace-dir DIR] [--shrink]
//                      [--json]
//
//  - Without --json: a progress bar on stderr when stderr is a terminal, then a readable summary
//    on stdout (outcome counts, distinct outputs, the first failure of each kind with the
//    `rendezvous replay …` command of its trace, the expectation's verdict).
//  - With --json: exactly one JSON object on stdout (see docs/explorer.md).
//  - Exit codes: 0 the expectation held, 2 it was broken (or, without `expect`, some schedule
//    deadlocked, panicked or failed), 1 usage or I/O error.
#pragma once

namespace rdv::cli {

// argv[1] is "explore". Returns the process exit code.
int run_explore(int argc, char** argv);

}  // namespace rdv::cli
