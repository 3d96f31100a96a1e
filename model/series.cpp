// Plot series from the model's timeline data (chan_series, count_series, segments).
//
// Every series here is a step function given by samples sorted by seq (and so by t, which the
// model keeps non-decreasing): sample i holds from its x until sample i+1's x. Columns walk the
// samples in the range once, after one binary search for the value at the range's start.
#include "model/series.h"

#include <algorithm>
#include <cmath>

namespace rdv::model {

namespace {

template <class Sample>
double sample_x(const Model& m, XAxis axis, const Sample& s) noexcept {
  (void)m;
  return axis == XAxis::Time ? static_cast<double>(s.t) : static_cast<double>(s.seq);
}

std::uint32_t chan_value(const ChanSample& s, ChanField f) noexcept {
  switch (f) {
    case ChanField::Len:
      return s.len;
    case ChanField::SendQ:
      return s.sendq;
    case ChanField::RecvQ:
      return s.recvq;
  }
  return 0;
}

std::uint32_t count_value(const CountSample& s, CountField f) noexcept {
  return f == CountField::Blocked ? s.blocked : s.sleeping;
}

// The columns of the step function `samples` (value via `value`) over `range`.
template <class Sample, class Value>
std::vector<Column> columns_of(const Model& m, std::span<const Sample> samples, Value value,
                               XAxis axis, XRange range, std::size_t columns) {
  std::vector<Column> out(columns);
  if (columns == 0 || m.size() == 0 || !(range.span() > 0)) return out;
  const XRange run = full_range(m, axis);
  const double w = range.span() / static_cast<double>(columns);
  // 1. The value at the range's start: the last sample at or before it.
  std::size_t i = static_cast<std::size_t>(
      std::upper_bound(samples.begin(), samples.end(), range.begin,
                       [&](double x, const Sample& s) { return x < sample_x(m, axis, s); }) -
      samples.begin());
  float cur = i > 0 ? static_cast<float>(value(samples[i - 1])) : 0.0f;
  // 2. Each column: every sample inside it moves the value and widens [lo, hi].
  for (std::size_t c = 0; c < columns; ++c) {
    const double a = range.begin + w * static_cast<double>(c);
    const double b = a + w;
    Column& col = out[c];
    col.defined = b > run.begin && a <= run.end;
    // Samples exactly at the column's start already hold there.
    while (i < samples.size() && sample_x(m, axis, samples[i]) <= a)
      cur = static_cast<float>(value(samples[i++]));
    col.lo = col.hi = cur;
    while (i < samples.size() && sample_x(m, axis, samples[i]) < b) {
      cur = static_cast<float>(value(samples[i]));
      col.lo = std::min(col.lo, cur);
      col.hi = std::max(col.hi, cur);
      ++i;
    }
    col.end = cur;
  }
  return out;
}

// The last sample with seq < n, or null.
template <class Sample>
const Sample* sample_before(std::span<const Sample> samples, std::size_t n) noexcept {
  const auto it = std::lower_bound(samples.begin(), samples.end(), n,
                                   [](const Sample& s, std::size_t v) { return s.seq < v; });
  return it == samples.begin() ? nullptr : &*std::prev(it);
}

}  // namespace

double x_of_event(const Model& m, XAxis axis, std::size_t seq) noexcept {
  if (axis == XAxis::Events || seq >= m.size()) return static_cast<double>(seq);
  return static_cast<double>(m.events()[seq].t);
}

double x_of_cursor(const Model& m, XAxis axis, std::size_t n) noexcept {
  n = std::min(n, m.size());
  if (axis == XAxis::Events) return static_cast<double>(n);
  if (m.size() == 0) return 0;
  return static_cast<double>(m.events()[n == 0 ? 0 : n - 1].t);
}

XRange full_range(const Model& m, XAxis axis) noexcept {
  if (m.size() == 0) return {0, 1};
  if (axis == XAxis::Events) return {0, static_cast<double>(m.size())};
  const auto begin = static_cast<double>(m.events().front().t);
  const auto end = static_cast<double>(m.events().back().t);
  return {begin, end > begin ? end : begin + 1};
}

std::size_t cursor_at(const Model& m, XAxis axis, double x) noexcept {
  const std::size_t size = m.size();
  if (size == 0 || std::isnan(x)) return 0;
  if (axis == XAxis::Events) {
    if (x < 0) return 0;
    const double k = std::floor(x) + 1;
    return k >= static_cast<double>(size) ? size : static_cast<std::size_t>(k);
  }
  // Time: every event with t <= x.
  const auto& ev = m.events();
  return static_cast<std::size_t>(
      std::upper_bound(ev.begin(), ev.end(), x,
                       [](double v, const sim::Event& e) { return v < static_cast<double>(e.t); }) -
      ev.begin());
}

std::vector<Column> channel_columns(const Model& m, std::size_t chan_index, ChanField field,
                                    XAxis axis, XRange range, std::size_t columns) {
  return columns_of(
      m, m.channel_series(chan_index),
      [field](const ChanSample& s) { return chan_value(s, field); }, axis, range, columns);
}

std::vector<Column> count_columns(const Model& m, CountField field, XAxis axis, XRange range,
                                  std::size_t columns) {
  return columns_of(
      m, m.count_series(), [field](const CountSample& s) { return count_value(s, field); }, axis,
      range, columns);
}

std::uint32_t channel_value_at(const Model& m, std::size_t chan_index, ChanField field,
                               std::size_t n) noexcept {
  const ChanSample* s = sample_before(m.channel_series(chan_index), n);
  return s ? chan_value(*s, field) : 0;
}

std::uint32_t count_value_at(const Model& m, CountField field, std::size_t n) noexcept {
  const CountSample* s = sample_before(m.count_series(), n);
  return s ? count_value(*s, field) : 0;
}

std::uint32_t channel_max(const Model& m, std::size_t chan_index, ChanField field) noexcept {
  std::uint32_t hi = 0;
  for (const ChanSample& s : m.channel_series(chan_index)) hi = std::max(hi, chan_value(s, field));
  return hi;
}

std::uint32_t count_max(const Model& m, CountField field) noexcept {
  std::uint32_t hi = 0;
  for (const CountSample& s : m.count_series()) hi = std::max(hi, count_value(s, field));
  return hi;
}

double TaskTotals::alive() const noexcept {
  double sum = 0;
  for (std::size_t i = 0; i < kTaskStateCount; ++i) {
    if (i != static_cast<std::size_t>(TaskState::Done) &&
        i != static_cast<std::size_t>(TaskState::Panicked))
      sum += by_state[i];
  }
  return sum;
}

std::vector<TaskTotals> task_totals(const Model& m, XAxis axis, std::size_t n) {
  n = std::min(n, m.size());
  std::vector<TaskTotals> out;
  if (n == 0) return out;
  const double now = x_of_cursor(m, axis, n);
  for (std::size_t ti = 0; ti < m.task_count(); ++ti) {
    const std::span<const Segment> segs = m.segments(ti);
    if (segs.empty() || segs.front().seq >= n) continue;
    TaskTotals tt;
    tt.task_index = ti;
    for (std::size_t i = 0; i < segs.size() && segs[i].seq < n; ++i) {
      const Segment& s = segs[i];
      const bool last = i + 1 == segs.size() || segs[i + 1].seq >= n;
      const double from = axis == XAxis::Time ? static_cast<double>(s.t) : s.seq;
      const double to = last                  ? now
                        : axis == XAxis::Time ? static_cast<double>(segs[i + 1].t)
                                              : segs[i + 1].seq;
      const double d = std::max(0.0, to - from);
      tt.by_state[static_cast<std::size_t>(s.state)] += d;
      if (s.state == TaskState::Blocked) {
        tt.blocked_by[std::min<std::size_t>(static_cast<std::size_t>(s.reason),
                                            kBlockReasonCount - 1)] += d;
      }
    }
    out.push_back(tt);
  }
  return out;
}

}  // namespace rdv::model
