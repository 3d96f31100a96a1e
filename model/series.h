// model/series.h — what the Plots panel draws, computed from the Model without ImGui:
// channel occupancy and blocked-task counts as step functions sampled per pixel column, and per
// task the time (or the number of events) spent in each state up to the cursor.
//
// - The x axis is the timeline's: event order (event k occupies [k, k+1); the cursor n, the
//   state after the first n events, sits at n) or time (event k at its t; the cursor n at the t
//   of event n-1). A sample, like a timeline segment, holds from its event's x to the next one's.
// - Columns bound the cost by the pixels, as the timeline's folding does: each column keeps the
//   min and max the function takes in it, so a one-event spike stays visible fully zoomed out.
//   Computing them costs one binary search plus the samples in the range.
// - task_totals() at cursor n on the time axis equals TaskInfo::time_in() of state_at(n)
//   (tested): the bars and the Tasks panel never disagree.
//
// Example:
//   const XRange r = full_range(m, XAxis::Events);
//   for (const Column& c : channel_columns(m, 0, ChanField::Len, XAxis::Events, r, 400))
//     if (c.defined) draw_vertical(c.lo, c.hi);
#pragma once

#include "model/model.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace rdv::model {

enum class XAxis : std::uint8_t { Time, Events };

// A range [begin, end) on the x axis: nanoseconds or event indices.
struct XRange {
  double begin = 0;
  double end = 1;
  double span() const noexcept { return end - begin; }
};

// Where event `seq` (< size) starts on the axis.
double x_of_event(const Model& m, XAxis axis, std::size_t seq) noexcept;
// Where the cursor `n` (the state after the first n events) sits; n is clamped to size.
double x_of_cursor(const Model& m, XAxis axis, std::size_t n) noexcept;
// The run so far: Events [0, size]; Time [t of the first event, t of the last]. Never empty.
XRange full_range(const Model& m, XAxis axis) noexcept;
// The cursor a click at `x` asks for: the state after the event under x (Events), or after the
// last event at or before x (Time); 0 before the first event, size after the last.
std::size_t cursor_at(const Model& m, XAxis axis, double x) noexcept;

// A step function over one pixel column.
struct Column {
  float lo = 0, hi = 0;  // min and max the function takes in the column
  float end = 0;         // its value at the column's right edge
  bool defined = false;  // the column overlaps the run (false before its first event / after)
};

enum class ChanField : std::uint8_t { Len, SendQ, RecvQ };  // buffered values, parked senders, …
enum class CountField : std::uint8_t { Blocked, Sleeping };

// The channel with dense index `chan_index` (order of make) over `range`, in `columns` columns.
// Before the channel is made its value is 0.
std::vector<Column> channel_columns(const Model& m, std::size_t chan_index, ChanField field,
                                    XAxis axis, XRange range, std::size_t columns);
// Blocked or sleeping tasks over `range`.
std::vector<Column> count_columns(const Model& m, CountField field, XAxis axis, XRange range,
                                  std::size_t columns);
// Values after the first n events.
std::uint32_t channel_value_at(const Model& m, std::size_t chan_index, ChanField field,
                               std::size_t n) noexcept;
std::uint32_t count_value_at(const Model& m, CountField field, std::size_t n) noexcept;
// The largest value of the whole series (for a y scale); 0 when empty.
std::uint32_t channel_max(const Model& m, std::size_t chan_index, ChanField field) noexcept;
std::uint32_t count_max(const Model& m, CountField field) noexcept;

// How long one task spent in each state up to the cursor, in axis units (ns or events).
inline constexpr std::size_t kBlockReasonCount = sim::kBlockReasonCount;  // every reason its own
struct TaskTotals {
  std::size_t task_index = 0;                          // dense task index (identity colour)
  std::array<double, kTaskStateCount> by_state{};      // indexed by TaskState
  std::array<double, kBlockReasonCount> blocked_by{};  // Blocked, split by BlockReason
  double alive() const noexcept;                       // everything but Done and Panicked
};
// Every task spawned among the first n events, in spawn order.
std::vector<TaskTotals> task_totals(const Model& m, XAxis axis, std::size_t n);

}  // namespace rdv::model
