// ui/frame_stats.cpp — nearest-rank percentiles over a few hundred frames: a sort is enough.
#include "ui/frame_stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace rdv::ui {

void FrameStats::add(double frame_ms, double ui_ms) {
  frame_.push_back(frame_ms);
  ui_.push_back(ui_ms);
}

double FrameStats::mean_of(const std::vector<double>& v) {
  if (v.empty()) return 0;
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

double FrameStats::percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const double rank = std::ceil(std::clamp(q, 0.0, 1.0) * static_cast<double>(v.size()));
  const std::size_t i = rank < 1 ? 0 : static_cast<std::size_t>(rank) - 1;
  return v[std::min(i, v.size() - 1)];
}

std::string FrameStats::summary() const {
  char buf[160];
  std::snprintf(buf, sizeof buf, "mean %.2f ms, p95 %.2f ms, max %.2f ms over %zu frames", mean(),
                p95(), max(), count());
  return buf;
}

}  // namespace rdv::ui
