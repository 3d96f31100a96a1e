// tests/support/controller_run.h — driving a session Controller from a test without a window:
// updating it until something holds, waiting for the run's next question when you are the
// scheduler, opening a shipped scenario that way. Header-only; the test links rdv_session and
// defines RDV_SOURCE_DIR (scenario.h).
#pragma once

#include "session/controller.h"
#include "tests/support/scenario.h"

#include <chrono>
#include <string>
#include <thread>

namespace rdv::test {

// Calls update() every 1 ms until `done` holds; false if it does not within `timeout`.
template <class Pred>
bool update_until(session::Controller& c, Pred done,
                  std::chrono::seconds timeout = std::chrono::seconds(20)) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > end) return false;
    c.update(0.0);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

// Updates until an interactive run asks which task runs next (or has ended).
inline bool until_asked(session::Controller& c) {
  return update_until(c, [&] { return !c.candidates().empty() || c.run_ended(); });
}

// Opens scenarios/`file` in `c` with you as the scheduler (the Interactive policy), the other
// settings from `s`.
inline void open_interactive(session::Controller& c, const std::string& file,
                             session::RunSettings s = {}) {
  s.policy = session::PolicyKind::Interactive;
  c.apply_settings(s);
  open_scenario(c, file);
}

}  // namespace rdv::test
