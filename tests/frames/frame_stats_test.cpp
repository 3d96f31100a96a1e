// FrameStats: nearest-rank percentiles, means and the summary line, without a window.
#include "ui/frame_stats.h"

#include <doctest/doctest.h>

using rdv::ui::FrameStats;

TEST_CASE("frame stats: nearest-rank percentile of unsorted values") {
  const std::vector<double> v = {5, 1, 4, 2, 3};
  CHECK(FrameStats::percentile(v, 0.0) == 1);
  CHECK(FrameStats::percentile(v, 0.2) == 1);
  CHECK(FrameStats::percentile(v, 0.5) == 3);
  CHECK(FrameStats::percentile(v, 0.95) == 5);
  CHECK(FrameStats::percentile(v, 1.0) == 5);
  CHECK(FrameStats::percentile({}, 0.5) == 0);
  // Out-of-range quantiles are clamped.
  CHECK(FrameStats::percentile(v, 2.0) == 5);
  CHECK(FrameStats::percentile(v, -1.0) == 1);
}

TEST_CASE("frame stats: 95th percentile of 100 frames is the 95th smallest") {
  FrameStats s;
  for (int i = 100; i >= 1; --i) s.add(i, i / 10.0);
  CHECK(s.count() == 100);
  CHECK(s.p95() == 95);
  CHECK(s.max() == 100);
  CHECK(s.mean() == doctest::Approx(50.5));
  CHECK(s.ui_mean() == doctest::Approx(5.05));
  CHECK(s.ui_max() == doctest::Approx(10.0));
}

TEST_CASE("frame stats: summary line, and all zero without frames") {
  FrameStats s;
  CHECK(s.summary() == "mean 0.00 ms, p95 0.00 ms, max 0.00 ms over 0 frames");
  s.add(2.0, 1.0);
  s.add(4.0, 1.0);
  CHECK(s.summary() == "mean 3.00 ms, p95 4.00 ms, max 4.00 ms over 2 frames");
}
