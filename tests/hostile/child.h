// tests/hostile/child.h — running a program from a test with a deadline, capturing its output.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace rdv::test {

struct ChildResult {
  int exit_code = -1;  // -1 when it did not exit normally
  int signal = 0;      // the signal that ended it (SIGKILL when the deadline killed it)
  bool timed_out = false;
  double seconds = 0;       // wall time from start to exit
  double cpu_seconds = 0;   // user + system CPU time of the child (wait4's rusage)
  double peak_rss_mib = 0;  // the child's peak resident memory (wait4's ru_maxrss)
  std::string out, err;     // stdout, stderr (each kept up to 1 MiB)
};

// Runs `argv` (argv[0] is the program path; no shell) with `env` ("NAME=value") added to the
// environment; kills it with SIGKILL after `deadline`.
ChildResult run_child(const std::vector<std::string>& argv, std::chrono::milliseconds deadline,
                      const std::vector<std::string>& env = {});

// CPU time (user + system) this process has used so far.
double process_cpu_seconds();

// Threads of this process now (entries of /proc/self/task).
int count_threads();

}  // namespace rdv::test
