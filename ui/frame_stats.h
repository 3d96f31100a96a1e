// ui/frame_stats.h — frame times of a run of frames: mean, 95th percentile and worst.
//
// Example:
//   FrameStats s;
//   for (...) s.add(frame_ms, ui_ms);
//   std::printf("%s\n", s.summary().c_str());   // "mean 4.10 ms, p95 4.80 ms, max 6.02 ms ..."
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rdv::ui {

class FrameStats {
 public:
  // Records one frame: its whole duration and the part spent in the UI (model update, panels,
  // ImGui), both in milliseconds.
  void add(double frame_ms, double ui_ms = 0);

  std::size_t count() const { return frame_.size(); }
  double mean() const { return mean_of(frame_); }
  double p95() const { return percentile(frame_, 0.95); }
  double max() const { return percentile(frame_, 1.0); }
  double ui_mean() const { return mean_of(ui_); }
  double ui_max() const { return percentile(ui_, 1.0); }

  // "mean 4.10 ms, p95 4.80 ms, max 6.02 ms over 60 frames" (all zero without frames).
  std::string summary() const;

  // The q-quantile (0..1) of `v` by the nearest-rank method: the smallest value with at least
  // q of the values at or below it. 0 for an empty vector.
  static double percentile(std::vector<double> v, double q);

 private:
  static double mean_of(const std::vector<double>& v);
  std::vector<double> frame_;  // each frame's duration, ms, in the order added
  std::vector<double> ui_;     // each frame's UI part, ms
};

}  // namespace rdv::ui
