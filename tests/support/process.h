// tests/support/process.h — running the `rendezvous` executable from a test and capturing its
// output.
#pragma once

#include <string>
#include <vector>

namespace rdv::test {

struct ProcessResult {
  int exit_code = -1;  // -1 when it did not exit normally (killed, crashed)
  std::string out;     // stdout
  std::string err;     // stderr
};

// Runs `args` (args[0] is the program) through /bin/sh with `env` ("NAME=value" words) in front,
// waiting for it to end. Arguments are quoted, so they reach the program verbatim.
ProcessResult run_process(const std::vector<std::string>& args,
                          const std::vector<std::string>& env = {});

// A fresh empty folder under the system's temp folder, unique to this process and `name`.
std::string temp_folder(const std::string& name);

}  // namespace rdv::test
