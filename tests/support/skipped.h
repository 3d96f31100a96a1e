// tests/support/skipped.h — a test part that needs a tool the machine lacks (Go, SPIN, Go's own
// test programs) is skipped, and says so; under CI (CI=true, as .ci/run runs it, after
// tools/setup-deps.sh installed every tool) the lack fails the test: a check CI is meant to run
// never passes there without running. Header-only (doctest and the standard library).
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace rdv::test {

inline void skipped(const std::string& why) {
  const char* ci = std::getenv("CI");
  if (ci != nullptr && std::strcmp(ci, "true") == 0) {
    FAIL_CHECK("not run under CI, which installs every tool: " << why);
  } else {
    MESSAGE("SKIPPED " << why);
  }
}

}  // namespace rdv::test
