// ui/plots_panel.h — plots of the run over time, drawn with ImGui's draw lists (a tab beside the
// Timeline, in the bottom pane):
//
//   ┌ x: (•) event order ( ) time ────────────── legend ─┬ Time in each state, per task ──────┐
//   │ blocked tasks   ▁▁▂▂▃▃▃▂▁   (and sleeping)         │ main     ████▒▒▒░░░░      12 ev   │
//   │ #0   #20   #40   #60  ...            ▏cursor       │ worker1  ██▒▒▒▒▒▒░        9 ev    │
//   │ chan results  cap 3  ▁▂▃▃▂▁  len, parked senders…  │ legend of states, axis in ev/ns   │
//   └────────────────────────────────────────────────────┴───────────────────────────────────┘
//
// - Left: the number of blocked (and sleeping) tasks, then one small step plot per channel:
//   values in its buffer (filled) against its capacity (dashed), with parked senders and
//   receivers as lines, so an unbuffered channel's waits show too. Every plot covers the whole
//   run so far on the x axis the Timeline uses (ViewState::event_axis: event order or time),
//   with the same tick labels; the cursor (the event every panel shows) is a white line, the
//   selected event a small triangle. Timer and done() channels are hidden unless the View menu
//   asks for them, as in the Channels panel. Click a plot: every panel goes to that moment (and the
//   event there is selected). Hover: the values there.
// - Right: per task, the time spent running / runnable / blocked (by what) / sleeping up to the
//   cursor, as a horizontal stacked bar in the state colours of every other panel; in events on
//   the event-order axis (a controlled run's virtual time only moves on sleeps), in time on the
//   time axis.
// - The series come from model/series.h (tested without a window); this file only draws.
#pragma once

#include "model/series.h"
#include "session/controller.h"
#include "ui/shell.h"

#include <cstddef>
#include <vector>

namespace rdv::ui {

class PlotsPanel : public ControllerPanel {
 public:
  explicit PlotsPanel(session::Controller& controller)
      : ControllerPanel(controller, "Plots", Slot::Timeline) {}
  void draw() override;
  void draw_view_menu() override;

 private:
  // Per-column series of the whole run, recomputed when the model, its size, the axis or the
  // plot width change (not when only the cursor moves).
  struct Cache {
    const void* model = nullptr;
    std::size_t size = ~std::size_t{0};
    bool event_axis = true;
    std::size_t columns = 0;
    model::XRange range;
    std::vector<model::Column> blocked, sleeping;
    struct Chan {
      std::vector<model::Column> len, sendq, recvq;
      std::uint32_t max = 1;  // y scale: the largest of cap, len and the queues
    };
    std::vector<Chan> chans;
    std::uint32_t count_max = 1;
    // The bars: recomputed when the cursor moves too.
    std::size_t totals_cursor = ~std::size_t{0};
    std::vector<model::TaskTotals> totals;
    // The bars' name column fits the widest task name (in em), measured once per task.
    std::size_t names_measured = 0;
    float widest_name = 0;
  };
  void refresh(std::size_t columns);
  void draw_series(float width);
  void draw_bars(float width);

  Cache cache_;
  bool show_hidden_ = false;  // also plot timer and done() channels
};

}  // namespace rdv::ui
