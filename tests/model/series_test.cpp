// Tests of the plot series (model/series.h): the per-column step functions against the state
// after every event, the per-task totals against the tasks' own time_in(), and the x axis
// mapping a click back to a cursor. No window.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>

#include "model/model.h"
#include "model/series.h"
#include "tests/support/synthetic.h"

namespace rdv::model {
namespace {

Model synthetic(std::size_t events, std::uint64_t seed) {
  testing::SyntheticOptions o;
  o.events = events;
  o.workers = 10;
  o.channels = 4;
  o.seed = seed;
  return Model(testing::synthetic_trace(o));
}

// The truth, event by event, from a cursor stepping forward: value after the first n events.
struct Truth {
  std::vector<std::vector<std::uint32_t>> len;  // [chan][n]
  std::vector<std::uint32_t> blocked;           // [n]
};

Truth truth_of(const Model& m) {
  Truth t;
  t.len.assign(m.channel_count(), std::vector<std::uint32_t>(m.size() + 1, 0));
  t.blocked.assign(m.size() + 1, 0);
  Cursor c(m);
  for (std::size_t n = 0; n <= m.size(); ++n) {
    const State& s = c.seek(n);
    for (std::size_t ci = 0; ci < s.channels.size(); ++ci)
      t.len[ci][n] = static_cast<std::uint32_t>(s.channels[ci].buffer.size());
    t.blocked[n] = s.count_of(TaskState::Blocked);
  }
  return t;
}

// Checks columns against the truth: in each column the function takes the value holding at the
// column's start and the value after each event starting inside it; lo/hi are their extremes
// and `end` the last.
void check_columns(const Model& m, XAxis axis, XRange r, const std::vector<Column>& cols,
                   const std::vector<std::uint32_t>& truth) {
  const double w = r.span() / static_cast<double>(cols.size());
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const double a = r.begin + w * static_cast<double>(c), b = a + w;
    // The events at or before a: their states hold at a.
    const std::size_t n = cursor_at(m, axis, a);
    std::uint32_t lo = truth[n], hi = truth[n], end = truth[n];
    for (std::size_t k = n; k < m.size() && x_of_event(m, axis, k) < b; ++k) {
      end = truth[k + 1];
      lo = std::min(lo, end);
      hi = std::max(hi, end);
    }
    INFO("column " << c << " [" << a << ", " << b << ")");
    CHECK(cols[c].lo == static_cast<float>(lo));
    CHECK(cols[c].hi == static_cast<float>(hi));
    CHECK(cols[c].end == static_cast<float>(end));
  }
}

TEST_CASE("series: columns follow the state after every event, at any zoom, on both axes") {
  const Model m = synthetic(6'000, 4);
  REQUIRE(m.channel_count() == 4);
  const Truth t = truth_of(m);
  std::mt19937_64 rng(9);
  for (const XAxis axis : {XAxis::Events, XAxis::Time}) {
    const XRange full = full_range(m, axis);
    std::vector<XRange> ranges = {full};
    for (int i = 0; i < 6; ++i) {
      const double a = full.begin + full.span() * static_cast<double>(rng() % 1000) / 1000.0;
      const double span = full.span() * static_cast<double>(1 + rng() % 300) / 1000.0;
      ranges.push_back({a, a + span});
    }
    for (const XRange& r : ranges) {
      for (const std::size_t columns : {std::size_t{7}, std::size_t{300}, std::size_t{2000}}) {
        INFO("axis " << std::string(axis == XAxis::Time ? "time" : "events") << " range " << r.begin
                     << ".." << r.end << " columns " << columns);
        for (std::size_t ci = 0; ci < m.channel_count(); ++ci) {
          check_columns(m, axis, r, channel_columns(m, ci, ChanField::Len, axis, r, columns),
                        t.len[ci]);
        }
        check_columns(m, axis, r, count_columns(m, CountField::Blocked, axis, r, columns),
                      t.blocked);
      }
    }
  }
  // Values at a cursor.
  for (std::size_t n = 0; n <= m.size(); n += 37) {
    CHECK(count_value_at(m, CountField::Blocked, n) == t.blocked[n]);
    CHECK(channel_value_at(m, 2, ChanField::Len, n) == t.len[2][n]);
  }
  CHECK(count_max(m, CountField::Blocked) == *std::max_element(t.blocked.begin(), t.blocked.end()));
  CHECK(channel_max(m, 1, ChanField::Len) == *std::max_element(t.len[1].begin(), t.len[1].end()));
}

TEST_CASE("series: columns outside the run are undefined, an empty model draws nothing") {
  const Model m = synthetic(500, 2);
  const XRange full = full_range(m, XAxis::Events);
  const auto cols = count_columns(m, CountField::Blocked, XAxis::Events,
                                  {full.begin - full.span(), full.end + full.span()}, 30);
  CHECK_FALSE(cols.front().defined);
  CHECK(cols[15].defined);
  CHECK_FALSE(cols.back().defined);
  const Model empty;
  CHECK(count_columns(empty, CountField::Blocked, XAxis::Time, {0, 1}, 10).size() == 10);
  CHECK(task_totals(empty, XAxis::Events, 5).empty());
  CHECK(cursor_at(empty, XAxis::Events, 3.0) == 0);
}

TEST_CASE("series: time per state equals each task's time_in at the cursor") {
  const Model m = synthetic(8'000, 7);
  std::mt19937_64 rng(3);
  Cursor c(m);
  for (int i = 0; i < 60; ++i) {
    const std::size_t n = i == 0 ? m.size() : 1 + rng() % m.size();
    const State& s = c.seek(n);
    const auto totals = task_totals(m, XAxis::Time, n);
    REQUIRE(totals.size() == s.tasks.size());
    for (const TaskTotals& tt : totals) {
      const TaskInfo& task = s.tasks[tt.task_index];
      INFO("n = " << n << ", task " << task.id);
      for (std::size_t st = 0; st < kTaskStateCount; ++st) {
        CHECK(tt.by_state[st] == doctest::Approx(static_cast<double>(
                                     task.time_in(static_cast<TaskState>(st), s.now))));
      }
      double blocked = 0;
      for (const double d : tt.blocked_by) blocked += d;
      CHECK(blocked == doctest::Approx(tt.by_state[static_cast<std::size_t>(TaskState::Blocked)]));
    }
  }
}

TEST_CASE("series: events per state add up to the events since the task was spawned") {
  const Model m = synthetic(5'000, 5);
  for (const std::size_t n : {std::size_t{1}, std::size_t{100}, std::size_t{2500}, m.size()}) {
    const State s = m.state_at(n);
    for (const TaskTotals& tt : task_totals(m, XAxis::Events, n)) {
      double sum = 0;
      for (const double d : tt.by_state) sum += d;
      CHECK(sum == doctest::Approx(static_cast<double>(n - s.tasks[tt.task_index].spawned)));
      CHECK(tt.alive() <= sum);
    }
  }
}

TEST_CASE("series: a click at x goes to the event under it, on both axes") {
  const Model m = synthetic(2'000, 6);
  for (std::size_t n = 1; n <= m.size(); n += 13) {
    // Event n-1 occupies [n-1, n) on the event axis: a click inside it shows the state after it.
    CHECK(cursor_at(m, XAxis::Events, x_of_cursor(m, XAxis::Events, n) - 0.5) == n);
    // On the time axis every event at that time is included.
    const std::size_t k = cursor_at(m, XAxis::Time, x_of_cursor(m, XAxis::Time, n));
    CHECK(k >= n);
    CHECK(m.events()[k - 1].t == m.events()[n - 1].t);
  }
  CHECK(cursor_at(m, XAxis::Events, -3) == 0);
  CHECK(cursor_at(m, XAxis::Events, 1e12) == m.size());
  CHECK(cursor_at(m, XAxis::Time, -1) == 0);
}

}  // namespace
}  // namespace rdv::model
