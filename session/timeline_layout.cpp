// session/timeline_layout.cpp — the prepare phase of the timeline (see the header for the
// contract).
//
// Folding follows Tracy: when a span is narrower than min_px, the block grows by jumping ahead
// with a binary search to the last segment that starts within min_px of the block's end. Every
// jump moves the block's end by more than min_px, so a lane costs O(width / min_px * log n)
// however many segments it has.
#include "session/timeline_layout.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <span>
#include <unordered_map>

namespace rdv::session::timeline {

namespace {

using model::Model;
using model::Segment;

// The end of the stream on the axis: where the last segment of every lane ends; with a limit,
// where the events drawn end.
double stream_end(const Model& m, Axis axis, std::size_t limit = SIZE_MAX) noexcept {
  const std::size_t n = std::min(m.size(), limit);
  if (n == 0) {
    return m.size() == 0 || axis == Axis::EventOrder ? 0.0 : static_cast<double>(m.events()[0].t);
  }
  return axis == Axis::Time ? static_cast<double>(m.events()[n - 1].t) : static_cast<double>(n);
}

// Where the lanes end: at the run's end once it is drawn (the program is over there, so a task
// main left behind is not drawn as living on past it), else at the end of the stream.
double lanes_end(const Model& m, Axis axis, std::size_t limit) noexcept {
  const std::size_t n = std::min(m.size(), limit);
  if (n > 0 && m.events()[n - 1].kind == sim::EventKind::RunEnd) {
    return axis == Axis::Time ? static_cast<double>(m.events()[n - 1].t)
                              : static_cast<double>(n - 1);
  }
  return stream_end(m, axis, limit);
}

double seg_start(std::span<const Segment> segs, std::size_t i, Axis axis) noexcept {
  return axis == Axis::Time ? static_cast<double>(segs[i].t) : static_cast<double>(segs[i].seq);
}

// The first segment in [lo, n) whose start is > v (n if none).
std::size_t first_start_after(std::span<const Segment> segs, std::size_t lo, double v,
                              Axis axis) noexcept {
  std::size_t hi = segs.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (seg_start(segs, mid, axis) > v) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

// Events whose axis value lies in [w.begin, w.end): [lo, hi).
std::pair<std::size_t, std::size_t> visible_seqs(const Model& m, const Params& p) noexcept {
  const auto n = static_cast<double>(m.size());
  if (p.axis == Axis::EventOrder) {
    const auto lo = static_cast<std::size_t>(std::clamp(std::ceil(p.window.begin), 0.0, n));
    const auto hi =
        std::min(p.limit, static_cast<std::size_t>(std::clamp(std::ceil(p.window.end), 0.0, n)));
    return {std::min(lo, hi), hi};
  }
  const auto lo = m.first_at_or_after(static_cast<sim::Nanos>(std::ceil(p.window.begin)));
  const auto hi =
      std::min(p.limit, m.first_at_or_after(static_cast<sim::Nanos>(std::ceil(p.window.end))));
  return {std::min(lo, hi), hi};
}

// Whether event `seq` of lane `lane` lies on an unfolded item of it.
bool on_unfolded_item(const Model& m, const Lane& lane, std::uint32_t seq) noexcept {
  const auto segs = m.segments(lane.task_index);
  // The segment containing seq: the last one starting at or before it.
  const auto it = std::upper_bound(segs.begin(), segs.end(), seq,
                                   [](std::uint32_t s, const Segment& g) { return s < g.seq; });
  if (it == segs.begin()) return false;
  const auto seg = static_cast<std::uint32_t>(it - segs.begin() - 1);
  const auto item = std::upper_bound(lane.items.begin(), lane.items.end(), seg,
                                     [](std::uint32_t s, const Item& i) { return s < i.first; });
  if (item == lane.items.begin()) return false;
  const Item& hit = *(item - 1);
  return !hit.folded() && hit.first == seg;
}

// What a segment looks like: its state, and for Blocked what it waits on (< 16).
unsigned look(const Segment& g) noexcept {
  return g.state == model::TaskState::Blocked
             ? static_cast<unsigned>(model::kTaskStateCount) + static_cast<unsigned>(g.reason) % 10
             : static_cast<unsigned>(g.state);
}

void prepare_lane(const Model& m, const Params& p, Lane& lane) {
  const std::size_t drawn = std::min(m.size(), p.limit);
  auto segs = m.segments(lane.task_index);
  if (drawn < m.size()) {  // the future hidden: the segments that started before the limit
    const auto past = std::lower_bound(
        segs.begin(), segs.end(), drawn,
        [](const Segment& g, std::size_t seq) { return static_cast<std::size_t>(g.seq) < seq; });
    segs = segs.first(static_cast<std::size_t>(past - segs.begin()));
  }
  const std::size_t n = segs.size();
  if (n == 0) return;
  const double end_of_stream = lanes_end(m, p.axis, p.limit);
  const double px_per_unit = p.width / p.window.span();
  const double min_units = p.min_px / px_per_unit;
  const double max_units = p.max_fold_px > 0 ? p.max_fold_px / px_per_unit : 0.0;
  auto end_of = [&](std::size_t i) {
    return i + 1 < n ? seg_start(segs, i + 1, p.axis)
                     : std::max(end_of_stream, seg_start(segs, i, p.axis));
  };
  auto seq_end_of = [&](std::size_t i) {
    return i + 1 < n ? segs[i + 1].seq : static_cast<std::uint32_t>(drawn);
  };
  // The segment of [first, last] whose look covers the most of the axis: exact over up to
  // kExact segments, else the look at kSamples evenly spaced points (binary search each).
  auto dominant = [&](std::size_t first, std::size_t last) -> std::uint32_t {
    constexpr std::size_t kExact = 32, kSamples = 8;
    std::array<double, 16> cover{};
    std::array<std::uint32_t, 16> where{};
    auto add = [&](std::size_t i, double w) {
      const unsigned k = look(segs[i]);
      if (cover[k] == 0) where[k] = static_cast<std::uint32_t>(i);
      cover[k] += w;
    };
    if (last - first < kExact) {
      for (std::size_t i = first; i <= last; ++i) {
        add(i, std::max(end_of(i) - seg_start(segs, i, p.axis), 1e-9));
      }
    } else {
      const double a = seg_start(segs, first, p.axis), b = end_of(last);
      std::span<const Segment> range = segs.subspan(first, last - first + 1);
      for (std::size_t k = 0; k < kSamples; ++k) {
        const double v = a + (b - a) * (static_cast<double>(k) + 0.5) / kSamples;
        const std::size_t j = first_start_after(range, 0, v, p.axis);
        add(first + (j > 0 ? j - 1 : 0), 1.0);
      }
    }
    return where[static_cast<std::size_t>(std::max_element(cover.begin(), cover.end()) -
                                          cover.begin())];
  };
  auto emit = [&](std::size_t first, std::size_t last) {
    Item it;
    it.x0 = std::max(0.0f, to_x(p, seg_start(segs, first, p.axis)));
    it.x1 = std::min(p.width, to_x(p, end_of(last)));
    it.first = static_cast<std::uint32_t>(first);
    it.count = static_cast<std::uint32_t>(last - first + 1);
    it.seq_begin = segs[first].seq;
    it.seq_end = seq_end_of(last);
    it.dominant = first == last ? it.first : dominant(first, last);
    lane.items.push_back(it);
  };
  // The segment containing window.begin (or the first one).
  std::size_t i = first_start_after(segs, 0, p.window.begin, p.axis);
  if (i > 0) --i;
  // A segment ending before the window (the stream ended earlier) draws nothing.
  if (end_of(i) < p.window.begin && i + 1 == n) return;
  while (i < n && seg_start(segs, i, p.axis) < p.window.end) {
    if ((end_of(i) - seg_start(segs, i, p.axis)) >= min_units) {
      emit(i, i);
      ++i;
      continue;
    }
    // Fold: grow [i, k] while the next stretch is narrow.
    std::size_t k = i;
    double fold_end = end_of(i);
    const double fold_begin = seg_start(segs, i, p.axis);
    while (k + 1 < n && fold_end < p.window.end &&
           (max_units <= 0 || fold_end - fold_begin < max_units)) {
      // The last segment that starts within min_px of the block's end (at least k + 1, which
      // starts exactly at fold_end).
      const std::size_t j = first_start_after(segs, k + 1, fold_end + min_units, p.axis) - 1;
      assert(j >= k + 1);
      if (end_of(j) - seg_start(segs, j, p.axis) < min_units) {
        k = j;
        fold_end = end_of(j);
      } else {
        k = j - 1;  // j is wide: it is drawn on its own next
        break;
      }
    }
    emit(i, k);
    i = k + 1;
  }
}

// Markers of one kind closer than this on a lane are merged into one (a flag per few pixels is
// all the eye can tell apart, and each costs the rasterizer triangles).
constexpr float kMarkerMergePx = 6.0f;

MarkerKind marker_kind(sim::EventKind k) noexcept {
  switch (k) {
    case sim::EventKind::Note:
      return MarkerKind::Note;
    case sim::EventKind::Panic:
      return MarkerKind::Panic;
    case sim::EventKind::Deadlock:
      return MarkerKind::Deadlock;
    default:
      return MarkerKind::Other;
  }
}

}  // namespace

double axis_value(const Model& m, Axis axis, std::size_t seq) noexcept {
  assert(seq < m.size());
  return axis == Axis::Time ? static_cast<double>(m.events()[seq].t) : static_cast<double>(seq);
}

Window fit_all(const Model& m, Axis axis) noexcept {
  if (m.size() == 0) return {0, 1};
  const double begin = axis_value(m, axis, 0);
  const double end = stream_end(m, axis);
  return {begin, end > begin ? end : begin + 1};
}

Window convert(const Model& m, Window w, Axis from, Axis to) noexcept {
  if (from == to || m.size() == 0) return w;
  const double n = static_cast<double>(m.size());
  if (from == Axis::Time) {
    const auto lo = static_cast<double>(m.first_at_or_after(static_cast<sim::Nanos>(w.begin)));
    const auto hi = static_cast<double>(m.first_at_or_after(static_cast<sim::Nanos>(w.end)));
    return {lo, std::max(hi, lo + 1)};
  }
  auto time_of = [&](double v) {
    const auto k = static_cast<std::size_t>(std::clamp(v, 0.0, n - 1));
    return static_cast<double>(m.events()[k].t);
  };
  const double lo = time_of(std::floor(w.begin));
  const double hi = w.end >= n ? stream_end(m, Axis::Time) : time_of(std::ceil(w.end));
  return {lo, std::max(hi, lo + 1)};
}

Window zoom(Window w, double anchor, double factor, double min_span) noexcept {
  const double at = w.begin + anchor * w.span();
  const double span = std::max(w.span() * factor, min_span);
  return {at - anchor * span, at - anchor * span + span};
}

Window pan(Window w, double fraction) noexcept {
  const double d = fraction * w.span();
  return {w.begin + d, w.end + d};
}

float to_x(const Params& p, double v) noexcept {
  return static_cast<float>((v - p.window.begin) * p.width / p.window.span());
}

double from_x(const Params& p, float x) noexcept {
  return p.window.begin + static_cast<double>(x) * p.window.span() / p.width;
}

Window selection_window(const Params& p, float xa, float xb, double min_span) noexcept {
  Window w{from_x(p, std::min(xa, xb)), from_x(p, std::max(xa, xb))};
  if (w.span() < min_span) {
    const double mid = (w.begin + w.end) / 2;
    w = {mid - min_span / 2, mid + min_span / 2};
  }
  return w;
}

double tick_step(const Params& p, float min_spacing_px) noexcept {
  const double min_step = p.window.span() * min_spacing_px / std::max(1.0f, p.width);
  double step = std::pow(10.0, std::floor(std::log10(std::max(min_step, 1e-9))));
  for (const double mul : {1.0, 2.0, 5.0, 10.0}) {
    if (step * mul >= min_step) {
      step *= mul;
      break;
    }
  }
  return std::max(step, 1.0);  // 1 ns, one event: nothing finer exists
}

std::string format_tick(double ns, double step) {
  // The largest unit the step is at least a fifth of: 0.5 s steps read "1.5 s", 50 ms steps
  // read "250 ms".
  const char* unit = "ns";
  double scale = 1;
  if (step >= 2e8) {
    unit = "s", scale = 1e9;
  } else if (step >= 2e5) {
    unit = "ms", scale = 1e6;
  } else if (step >= 2e2) {
    unit = "µs", scale = 1e3;
  }
  const int decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(step / scale) - 1e-9)));
  double v = ns / scale;
  if (std::fabs(v) < 0.5 * std::pow(10.0, -decimals)) v = 0;  // no "-0.0"
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f %s", decimals, v, unit);
  return buf;
}

std::vector<Tick> ticks(const Params& p, float min_spacing_px) {
  std::vector<Tick> out;
  const double step = tick_step(p, min_spacing_px);
  for (double v = std::ceil(p.window.begin / step) * step; v < p.window.end; v += step) {
    Tick t;
    t.x = to_x(p, v);
    if (p.axis == Axis::Time) {
      t.label = format_tick(v, step);
    } else {
      t.label = "#" + std::to_string(static_cast<long long>(std::llround(v)));
    }
    out.push_back(std::move(t));
  }
  return out;
}

Prepared prepare(const Model& m, const Params& p, const std::vector<std::size_t>& task_indices,
                 const ArrowIndex& index) {
  Prepared out;
  prepare(m, p, task_indices, index, out);
  return out;
}

void prepare(const Model& m, const Params& p, std::span<const std::size_t> task_indices,
             const ArrowIndex& index, Prepared& out) {
  assert(p.width > 0 && p.window.span() > 0);
  // Reuse every vector (and each lane's items) so a steady view allocates nothing.
  out.lanes.resize(task_indices.size());
  out.arrows.clear();
  out.markers.clear();
  out.arrows_folded = 0;
  std::vector<std::int32_t>& lane_of = out.lane_of_task;  // dense task index -> lane
  lane_of.assign(m.task_count(), -1);
  for (std::size_t l = 0; l < task_indices.size(); ++l) {
    out.lanes[l].task_index = task_indices[l];
    out.lanes[l].items.clear();
    if (task_indices[l] < lane_of.size()) lane_of[task_indices[l]] = static_cast<std::int32_t>(l);
    prepare_lane(m, p, out.lanes[l]);
  }
  if (m.size() == 0) return;
  const auto [lo, hi] = visible_seqs(m, p);
  auto lane_of_task = [&](sim::TaskId id) -> std::int32_t {
    const std::int64_t ti = m.task_index(id);
    return ti < 0 || static_cast<std::size_t>(ti) >= lane_of.size()
               ? -1
               : lane_of[static_cast<std::size_t>(ti)];
  };
  auto x_of = [&](std::uint32_t seq) { return to_x(p, axis_value(m, p.axis, seq)); };

  // Arrows. One arriving in view survives only if its head lies on an unfolded item of its own
  // lane, so each unfolded item looks up the arrows into its lane within its seq range (binary
  // search in the index); folded stretches cost nothing, however many arrows they hold. Then a
  // bounded look past the right edge for arrows leaving the view.
  const auto arrows = m.arrows();
  std::size_t drawn_in_view = 0;
  // Few arrows in view: every one is drawn, whatever folded.
  const auto first_to = [&](std::size_t v) {
    return std::lower_bound(arrows.begin(), arrows.end(), v,
                            [](const model::Arrow& x, std::size_t s) { return x.to_seq < s; });
  };
  const bool all_arrows =
      static_cast<std::size_t>(first_to(hi) - first_to(lo)) <= kDrawAllArrowsUpTo;
  auto consider = [&](const model::Arrow& a) {
    std::int32_t fl = lane_of_task(a.from_task);
    const std::int32_t tl = lane_of_task(a.to_task);
    const bool from_timer = a.from_task == 0 && a.kind == model::ArrowKind::Send;
    if (from_timer) fl = tl;
    if (fl < 0 || tl < 0 || a.to_seq >= p.limit) return;
    const bool from_in = a.from_seq >= lo && a.from_seq < hi;
    const bool to_in = a.to_seq >= lo && a.to_seq < hi;
    if (!all_arrows &&
        ((from_in && !from_timer &&
          !on_unfolded_item(m, out.lanes[static_cast<std::size_t>(fl)], a.from_seq)) ||
         (to_in && !on_unfolded_item(m, out.lanes[static_cast<std::size_t>(tl)], a.to_seq)))) {
      return;
    }
    if (to_in) ++drawn_in_view;
    PreparedArrow pa;
    pa.x0 = x_of(a.from_seq);
    pa.x1 = x_of(a.to_seq);
    pa.from_lane = static_cast<std::uint32_t>(fl);
    pa.to_lane = static_cast<std::uint32_t>(tl);
    pa.from_seq = a.from_seq;
    pa.to_seq = a.to_seq;
    pa.obj = a.obj;
    pa.kind = a.kind;
    pa.from_timer = from_timer;
    out.arrows.push_back(pa);
  };
  if (all_arrows) {
    for (auto a = first_to(lo); a != first_to(hi); ++a) consider(*a);
  }
  for (const Lane& lane : all_arrows ? std::span<const Lane>() : std::span<const Lane>(out.lanes)) {
    const auto into = index.into(lane.task_index);
    const auto first_into = [&](std::size_t v) {
      return std::lower_bound(into.begin(), into.end(), v, [&](std::uint32_t ai, std::size_t x) {
        return arrows[ai].to_seq < x;
      });
    };
    for (const Item& it : lane.items) {
      if (it.folded()) continue;
      const std::size_t b = std::max<std::size_t>(it.seq_begin, lo);
      const std::size_t e = std::min<std::size_t>(it.seq_end, hi);
      if (b >= e) continue;
      for (auto ai = first_into(b); ai != into.end() && arrows[*ai].to_seq < e; ++ai) {
        consider(arrows[*ai]);
      }
    }
  }
  out.arrows_folded = static_cast<std::size_t>(first_to(hi) - first_to(lo)) - drawn_in_view;
  constexpr std::size_t kLookAhead = 512;
  std::size_t past = 0;
  for (auto a = first_to(hi); a != arrows.end() && past < kLookAhead; ++a, ++past) {
    if (a->from_seq < hi) consider(*a);
  }

  // Markers: notes and diagnostics (and variable writes) in view, merged per lane when closer
  // than min_px.
  const auto lost = m.lost_writes();
  for (const auto seqs : {m.notes(), m.diagnostics(),
                          p.var_writes ? m.var_writes() : std::span<const std::uint32_t>()}) {
    // The last marker of each kind per lane (+ the whole run): kinds that alternate (a panic
    // and its recover, 100,000 times) merge each with its own, not never.
    std::vector<std::int32_t>& last = out.last_marker;
    last.assign((out.lanes.size() + 1) * kMarkerKinds, -1);
    for (auto s = std::lower_bound(seqs.begin(), seqs.end(), static_cast<std::uint32_t>(lo));
         s != seqs.end() && *s < hi; ++s) {
      const sim::Event& e = m.events()[*s];
      Marker mk;
      mk.x = x_of(*s);
      mk.seq = *s;
      mk.kind = marker_kind(e.kind);
      if (e.kind == sim::EventKind::VarSet) {
        mk.kind = std::binary_search(lost.begin(), lost.end(), *s) ? MarkerKind::LostWrite
                                                                   : MarkerKind::Write;
      }
      // The deadlock and the run's end are about the whole run (lane -1). Another marker of a
      // task with no lane in view (in a folded group, or scrolled away) is not drawn: as lane -1
      // it was drawn as the run's "end".
      const bool run_wide = mk.kind == MarkerKind::Deadlock || e.kind == sim::EventKind::RunEnd;
      mk.lane = run_wide ? -1 : lane_of_task(e.task);
      if (mk.lane < 0 && !run_wide) continue;
      const auto slot =
          static_cast<std::size_t>(mk.lane + 1) * kMarkerKinds + static_cast<std::size_t>(mk.kind);
      const std::int32_t prev = last[slot];
      if (prev >= 0 && mk.x - out.markers[static_cast<std::size_t>(prev)].x < kMarkerMergePx) {
        ++out.markers[static_cast<std::size_t>(prev)].count;
        continue;
      }
      last[slot] = static_cast<std::int32_t>(out.markers.size());
      out.markers.push_back(mk);
    }
  }
}

void ArrowIndex::update(const Model& m) {
  const auto arrows = m.arrows();
  if (model_ != &m || arrows.size() < seen_) {
    model_ = &m;
    seen_ = 0;
    by_task_.clear();
  }
  by_task_.resize(m.task_count());
  // The model appends arrows in to_seq order, so appending keeps every list sorted.
  for (; seen_ < arrows.size(); ++seen_) {
    const std::int64_t ti = m.task_index(arrows[seen_].to_task);
    if (ti >= 0 && static_cast<std::size_t>(ti) < by_task_.size()) {
      by_task_[static_cast<std::size_t>(ti)].push_back(static_cast<std::uint32_t>(seen_));
    }
  }
}

std::span<const std::uint32_t> ArrowIndex::into(std::size_t task_index) const noexcept {
  return task_index < by_task_.size() ? std::span<const std::uint32_t>(by_task_[task_index])
                                      : std::span<const std::uint32_t>();
}

std::string_view name_stem(std::string_view name) noexcept {
  // Go's name of a function literal (main.main.func1) is one name, not "main.main.func" + 1.
  if (name.size() > 5) {
    std::size_t d = name.size();
    while (d > 0 && name[d - 1] >= '0' && name[d - 1] <= '9') --d;
    if (d < name.size() && d >= 5 && name.substr(d - 5, 5) == ".func") return name;
  }
  std::size_t end = name.size();
  const bool bracket = end > 0 && name[end - 1] == ']';
  if (bracket) --end;
  std::size_t i = end;
  while (i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9') --i;
  if (i == end || i == 0) return name;  // no trailing number, or only a number
  return name.substr(0, i);
}

void Rows::update(const Model& m) {
  if (model_ != &m || m.task_count() != seen_tasks_) rebuild(m);
}

void Rows::toggle(std::size_t group) {
  if (group >= groups_.size()) return;
  Group& g = groups_[group];
  g.expanded = !g.expanded;
  bool found = false;
  for (auto& [stem, flag] : flags_) {
    if (stem == g.stem) flag = g.expanded, found = true;
  }
  if (!found) flags_.emplace_back(g.stem, g.expanded);
  if (model_ != nullptr) rebuild(*model_);
}

void Rows::set_all_expanded(bool expanded) {
  all_expanded_ = expanded ? 1 : 0;
  flags_.clear();
  if (model_ != nullptr) rebuild(*model_);
}

void Rows::rebuild(const Model& m) {
  model_ = &m;
  seen_tasks_ = m.task_count();
  const auto& tasks = m.head().tasks;
  const std::size_t n = std::min(seen_tasks_, tasks.size());
  // Tasks by stem, in order of each stem's first task.
  std::vector<std::string_view> stems(n);
  std::vector<std::int32_t> group_of(n, -1);
  groups_.clear();
  {
    std::unordered_map<std::string_view, std::size_t> by_stem;
    std::vector<std::vector<std::size_t>> members;
    std::vector<std::string_view> names;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string_view stem = name_stem(m.str(tasks[i].name));
      const auto [it, fresh] = by_stem.emplace(stem, members.size());
      if (fresh) {
        members.emplace_back();
        names.push_back(stem);
      }
      members[it->second].push_back(i);
    }
    for (std::size_t k = 0; k < members.size(); ++k) {
      if (members[k].size() < kMinGroup) continue;
      Group g;
      g.stem = std::string(names[k]);
      g.members = std::move(members[k]);
      g.expanded = all_expanded_ >= 0 ? all_expanded_ == 1 : g.members.size() <= kExpandUpTo;
      for (const auto& [stem, flag] : flags_) {
        if (stem == g.stem) g.expanded = flag;
      }
      for (const std::size_t t : g.members) {
        group_of[t] = static_cast<std::int32_t>(groups_.size());
      }
      groups_.push_back(std::move(g));
    }
  }
  rows_.clear();
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t g = group_of[i];
    if (g < 0) {
      rows_.push_back({i, -1, false});
      continue;
    }
    const Group& grp = groups_[static_cast<std::size_t>(g)];
    if (grp.members.front() != i) continue;  // placed with its group's first task
    rows_.push_back({i, g, true});
    if (!grp.expanded) continue;
    for (const std::size_t t : grp.members) rows_.push_back({t, g, false});
  }
}

const Item* item_at(const Lane& lane, float x) noexcept {
  const auto it = std::upper_bound(lane.items.begin(), lane.items.end(), x,
                                   [](float v, const Item& i) { return v < i.x0; });
  if (it == lane.items.begin()) return nullptr;
  const Item& hit = *(it - 1);
  return x <= std::max(hit.x1, hit.x0 + 1.0f) ? &hit : nullptr;
}

}  // namespace rdv::session::timeline
