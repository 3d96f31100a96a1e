// ui/sync_panel.h — the other synchronisation objects at the cursor: WaitGroups (counter and
// waiters), mutexes and RWMutexes (owner, readers, waiters), atomics, futures (state, value,
// waiters), task groups, and the context tree with each node's state and the cause of its
// cancellation, so a cancel cascade can be watched as it spreads.
#pragma once

#include "session/controller.h"
#include "ui/shell.h"

namespace rdv::ui {

class SyncPanel : public ControllerPanel {
 public:
  explicit SyncPanel(session::Controller& controller)
      : ControllerPanel(controller, "Sync", Slot::Sync) {}
  void draw() override;
};

}  // namespace rdv::ui
