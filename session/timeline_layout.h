// session/timeline_layout.h — what the timeline draws, computed without ImGui (style.md: Tracy's
// split).
//
// The timeline draws in two phases per frame:
//  - prepare (here): for each lane, binary-search the segments in the visible window, turn them
//    into pixel spans, and fold runs of spans narrower than `min_px` into one "N events" block;
//    keep the arrows whose visible ends land on spans that survived folding; place the markers
//    and the axis ticks.
//  - draw (timeline_panel.cpp): walk the prepared lists with ImDrawList.
// The cost of prepare is bounded by the pixels, not by the trace: each lane emits at most
// about width / min_px items, whatever the number of segments in view.
//
// Two axes: Time (virtual or wall nanoseconds, events()[seq].t) and EventOrder (one unit per event,
// so a controlled run's many zero-time steps get room). A Window is a range on the current axis.
//
// Example:
//   Window w = fit_all(model, Axis::Time);
//   ArrowIndex ix;  ix.update(model);                      // every frame: cheap when unchanged
//   Prepared p = prepare(model, {Axis::Time, w, 1200.0f, 3.0f}, lanes, ix);
//   for (const Lane& l : p.lanes) for (const Item& it : l.items) draw(it.x0, it.x1, it.count);
#pragma once

#include "model/model.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace rdv::session::timeline {

enum class Axis : std::uint8_t { Time, EventOrder };

// A range [begin, end) on the axis: nanoseconds (Time) or event indices (EventOrder).
struct Window {
  double begin = 0;
  double end = 1;
  double span() const noexcept { return end - begin; }
  friend bool operator==(const Window&, const Window&) = default;
};

struct Params {
  Axis axis = Axis::Time;
  Window window;
  float width = 1;      // pixels of the drawing area (x = 0 is window.begin)
  float min_px = 3.0f;  // spans narrower than this are folded
  // A folded block stops growing once it is this wide (0: never), so a zoomed-out lane is a row
  // of small blocks, each coloured by what its task did most there, not one grey bar.
  float max_fold_px = 0.0f;
  // Hiding the future: only events before this one are drawn (segments end at it, arrows and
  // markers after it are left out). The cursor while stepping; SIZE_MAX draws the whole run.
  std::size_t limit = SIZE_MAX;
  // Also a marker at each write of a variable (VarSet; LostWrite for a lost update).
  bool var_writes = false;
};

// One drawable piece of a lane. count == 1: segment `first` of the lane (a real state span);
// count > 1: `count` consecutive segments folded into one block.
struct Item {
  float x0 = 0, x1 = 0;     // pixels, clamped to [0, width]
  std::uint32_t first = 0;  // index into model.segments(lane)
  std::uint32_t count = 1;
  std::uint32_t seq_begin = 0, seq_end = 0;  // events covered: [seq_begin, seq_end)
  // A segment in the item whose state (Blocked: with its reason) covers the most of it on the
  // axis (exact for small blocks, sampled at a few points in large ones); == first if unfolded.
  std::uint32_t dominant = 0;
  bool folded() const noexcept { return count > 1; }
};

struct Lane {
  std::size_t task_index = 0;  // dense task index (identity colour, model.segments())
  std::vector<Item> items;     // left to right, not overlapping
};

// An arrow whose visible ends both landed on unfolded items.
struct PreparedArrow {
  float x0 = 0, x1 = 0;  // pixels, may lie outside [0, width] when that end is off screen
  std::uint32_t from_lane = 0, to_lane = 0;  // indices into Prepared::lanes
  std::uint32_t from_seq = 0, to_seq = 0;
  sim::ObjId obj = 0;  // the channel (Send, Close) or context (Cancel)
  model::ArrowKind kind = model::ArrowKind::Send;
  // A timer's send (its channel's value when it fires): no lane of its own, so from_lane is the
  // receiver's and the viewer draws the firing as a clock above it.
  bool from_timer = false;
};

// Arrows arriving in view are all drawn, folded ends or not, when there are at most this many
// (the virtual-time axis folds the zero-time spans every hand-off has); past it only those
// whose ends land on unfolded items, so a zoomed-out million-event run stays cheap.
inline constexpr std::size_t kDrawAllArrowsUpTo = 400;

enum class MarkerKind : std::uint8_t { Note, Panic, Deadlock, Other, Write, LostWrite };
inline constexpr std::size_t kMarkerKinds = 6;

// A note or diagnostic; markers of one kind closer than 6 px on a lane are merged (count > 1).
struct Marker {
  float x = 0;
  std::uint32_t seq = 0;  // the first merged event
  std::uint32_t count = 1;
  std::int32_t lane = -1;  // index into Prepared::lanes; -1: the whole run (e.g. a deadlock)
  MarkerKind kind = MarkerKind::Note;
};

struct Tick {
  float x = 0;
  std::string label;  // "250 µs", "1.5 s", "#1200"
};

// Keep one per view and pass it to prepare() every frame: its vectors keep their capacity, so a
// frame allocates nothing once the view has been drawn at its size.
struct Prepared {
  std::vector<Lane> lanes;
  std::vector<PreparedArrow> arrows;
  std::vector<Marker> markers;
  std::size_t arrows_folded =
      0;  // arrows arriving in view not drawn (an end folded, a lane hidden)
  // Scratch space of prepare().
  std::vector<std::int32_t> lane_of_task;
  std::vector<std::int32_t> last_marker;
};

// ---- the axis -----------------------------------------------------------------------------------
// - Where event `seq` sits on the axis (seq < model.size()).
double axis_value(const model::Model& m, Axis axis, std::size_t seq) noexcept;
// - The whole run: [first event, end of stream]; a non-empty window even for an empty model.
Window fit_all(const model::Model& m, Axis axis) noexcept;
// - The same moment on the other axis (for the axis toggle): event indices <-> times.
Window convert(const model::Model& m, Window w, Axis from, Axis to) noexcept;
// - Zooms by `factor` (< 1 zooms in) keeping the axis value under `anchor` (0..1 of the width)
//   in place; never narrower than `min_span`.
Window zoom(Window w, double anchor, double factor, double min_span) noexcept;
// - Moves the window by `fraction` of its span (positive: later).
Window pan(Window w, double fraction) noexcept;
// - Pixel x of an axis value, and back.
float to_x(const Params& p, double v) noexcept;
double from_x(const Params& p, float x) noexcept;
// - Zoom to a selection: the window between pixels xa and xb (either order) of `p`, never
//   narrower than `min_span` (kept centred on the selection).
Window selection_window(const Params& p, float xa, float xb, double min_span) noexcept;

// Ticks at a 1-2-5 step at least `min_spacing_px` apart. Time labels pick their unit from the
// step (ns, µs, ms, s: the largest unit the step is at least a fifth of); event-order labels are
// event numbers ("#120").
std::vector<Tick> ticks(const Params& p, float min_spacing_px);
// The tick step (axis units) that ticks() uses.
double tick_step(const Params& p, float min_spacing_px) noexcept;
// A time with the unit chosen for `step` and just enough decimals: "1.5 ms", "250 µs".
std::string format_tick(double ns, double step);

// ---- prepare
// ------------------------------------------------------------------------------------- The model's
// arrows grouped by the task they arrive at (dense task index), each group in to_seq order, so
// prepare() looks up only the arrows into unfolded items. Keep one per view and update() it every
// frame: it appends what the model added (a live run) and starts over for another model.
class ArrowIndex {
 public:
  void update(const model::Model& m);
  // Indices into m.arrows() of the arrows into task `task_index`, by to_seq.
  std::span<const std::uint32_t> into(std::size_t task_index) const noexcept;

 private:
  const model::Model* model_ = nullptr;
  std::size_t seen_ = 0;  // arrows indexed so far
  std::vector<std::vector<std::uint32_t>> by_task_;
};

// Lays out the lanes `task_indices` (dense task indices, top to bottom) for `p` into `out`
// (reused: see Prepared); `index` must be up to date with `m`.
void prepare(const model::Model& m, const Params& p, std::span<const std::size_t> task_indices,
             const ArrowIndex& index, Prepared& out);
// The same into a fresh Prepared (tests).
Prepared prepare(const model::Model& m, const Params& p,
                 const std::vector<std::size_t>& task_indices, const ArrowIndex& index);

// ---- rows ---------------------------------------------------------------------------------------
// The timeline's rows: one per task in spawn order, except that tasks whose names share a stem
// (the name without its trailing number: worker-1 .. worker-1000 -> "worker-") are gathered,
// when there are at least kMinGroup of them, under one header row ("worker- ×1000") at the place
// of the first of them. A group can be expanded (its tasks' rows follow the header, indented) or
// collapsed (only the header). Groups of more than kExpandUpTo tasks start collapsed.

// The name without its trailing number ("worker-12" -> "worker-", "job[3]" -> "job[",
// "w7" -> "w"); the name itself when it has no trailing number or is only a number, and for
// Go's name of a function literal ("main.main.func1": its goroutines are told apart by number).
std::string_view name_stem(std::string_view name) noexcept;

struct Row {
  std::size_t task_index = 0;  // a task row: the task; a header: the group's first task
  std::int32_t group = -1;     // index into Rows::groups(); -1: a task in no group
  bool header = false;         // the group's header row
};

struct Group {
  std::string stem;
  std::vector<std::size_t> members;  // dense task indices, spawn order
  bool expanded = true;
};

class Rows {
 public:
  static constexpr std::size_t kMinGroup = 3;
  static constexpr std::size_t kExpandUpTo = 8;
  // Regroups when the model has gained tasks (or is another model); each stem keeps the
  // expanded flag it had.
  void update(const model::Model& m);
  void toggle(std::size_t group);
  // Expands (or collapses) every group, now and for groups made later.
  void set_all_expanded(bool expanded);
  const std::vector<Row>& rows() const noexcept { return rows_; }
  const std::vector<Group>& groups() const noexcept { return groups_; }

 private:
  void rebuild(const model::Model& m);
  const model::Model* model_ = nullptr;
  std::size_t seen_tasks_ = 0;
  int all_expanded_ = -1;  // -1: by size; 0 / 1: set_all_expanded
  std::vector<Row> rows_;
  std::vector<Group> groups_;
  std::vector<std::pair<std::string, bool>> flags_;  // stem -> expanded, as the person left it
};

// The item of `lane` under pixel x, or null.
const Item* item_at(const Lane& lane, float x) noexcept;

}  // namespace rdv::session::timeline
