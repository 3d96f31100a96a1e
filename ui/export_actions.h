// ui/export_actions.h — File ▸ Export image… (PNG) and File ▸ Export animation… (GIF): pictures
// of the window or of one pane for slides, drawn by the window's own code.
//
// - Export image: a modal with the path and what to take (the whole window or one pane); the
//   picture is the next frame without the modal, written as PNG (ui/image.h).
// - Export animation: a modal with the path, the events a..b (cursor positions: the state after
//   the first k events, as the scrubber and --at count), the frame delay, the window or one
//   pane, and a scale. One GIF frame per step, a, a+1, …, b: b-a+1 frames. Each step takes two
//   UI frames (seek, then the settled picture, as the Source pane scrolls on the frame after a
//   seek), so the window stays responsive and the progress window's Cancel works. Frames are
//   streamed to ui/gif_writer.h; the cursor returns to where it was.
// - The app does the GL part: after ImGui::Render(), when wants_frame(), it draws every draw
//   list except the exporter's own windows (is_overlay()), reads the framebuffer back and hands
//   it to take_frame(), then draws the overlays on top. `rendezvous --export-gif` runs the same
//   steps off screen (ui/app.cpp).
// - While busy(): the app keeps the window's size, the run's keys and View ▸ Zoom wait, and a
//   transparent window over the panes takes the mouse, so nothing changes the pictures.
// - Messages ("wrote /ABSOLUTE/PATH (WxH, N frames)", or the error: unwritable folder, hidden pane)
// show
//   in a notice at the bottom of the window for a few seconds and stay in message(); an error
//   while the modal is open shows in the modal, which stays open with what was typed.
#pragma once

#include "session/controller.h"
#include "ui/gif_writer.h"
#include "ui/image.h"
#include "ui/shell.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace rdv::ui {

class Exporter {
 public:
  Exporter(session::Controller& controller, Shell& shell)
      : controller_(controller), shell_(shell) {}

  struct Animation {
    std::string path;          // the .gif to write
    std::size_t from = 0;      // first frame: the state after `from` events
    std::size_t to = 0;        // last frame (clamped to the events recorded)
    int delay_ms = 500;        // how long each frame shows
    std::optional<Slot> pane;  // nullopt: the whole window
    double scale = 1.0;        // 0.25..1: the frames' size against the window's
  };

  // - Starts an export; false with `error` set when it cannot start (nothing recorded, a
  //   range outside the run, an empty path, a hidden pane). Errors found while writing go to
  //   message() when the export ends.
  bool start_image(const std::string& path, std::optional<Slot> pane, std::string* error);
  bool start_animation(const Animation& a, std::string* error);
  // - Stops an animation: no file is written (an existing one is untouched).
  void cancel();

  bool busy() const { return phase_ != Phase::Idle; }
  // - Of the frames asked for, the share written so far (0..1).
  double progress() const;
  int frames_written() const { return gif_.frames(); }
  int frames_wanted() const { return frames_wanted_; }
  // - True when the frame just rendered is a picture to take (call after ImGui::Render()).
  bool wants_frame() const { return phase_ == Phase::Capture; }
  // - The exporter's own windows (progress, notice, mouse guard): left out of the pictures.
  static bool is_overlay(const char* window_name);
  // - The whole framebuffer of the frame just rendered (top row first); `scale` is ImGui's
  //   DisplayFramebufferScale (pixels per ImGui unit). Crops, scales, writes or encodes.
  void take_frame(const Image& framebuffer, float scale);

  // - The File menu's items.
  void draw_file_menu();
  // - Call once per frame inside the shell's frame, before the panes draw (the toolbar does):
  //   seeks the next step, draws the modals, the progress window and the notice.
  void draw();

  const std::string& message() const { return message_; }  // the last result or error
  bool failed() const { return failed_; }                  // the last export ended in error

 private:
  enum class Phase {
    Idle,
    Settle,   // the state shown changed (or a modal closed): draw one frame before taking it
    Capture,  // this frame is the picture
  };
  enum class Kind { Image, Animation };
  void finish(const std::string& message, bool failed);
  std::optional<PixelRect> frame_rect(const Image& framebuffer, float scale, std::string& error);
  void draw_image_modal();
  void draw_animation_modal();
  void draw_progress();
  void draw_notice();
  void suggest_path(const char* extension);
  std::vector<Slot> shown_panes() const;  // the panes with panels that are not hidden
  std::optional<Slot> chosen_pane() const;
  void pane_combo();

  session::Controller& controller_;
  Shell& shell_;
  Phase phase_ = Phase::Idle;
  int settle_ = 0;  // Settle: frames still to draw before the picture
  Kind kind_ = Kind::Image;
  std::string path_;
  std::optional<Slot> pane_;
  double scale_ = 1.0;
  std::size_t next_ = 0, last_ = 0;  // animation: the step to take next, the last one
  int frames_wanted_ = 0;
  int delay_ms_ = 500;
  std::size_t recorded_ = 0;                // events recorded when the animation started
  int frame_width_ = 0, frame_height_ = 0;  // the animation's frames, set by the first
  std::size_t saved_cursor_ = 0;
  bool saved_follow_ = false;
  GifWriter gif_;
  std::string message_;
  bool failed_ = false;
  bool notice_new_ = false;   // message_ not shown yet: the notice starts its clock
  double message_time_ = -1;  // ImGui::GetTime() when message_ was set; -1: none to show

  // The modals' fields.
  bool image_requested_ = false, animation_requested_ = false;
  char path_buf_[1024] = {};
  int pane_choice_ = 0;  // 0: the whole window; 1 + slot
  int from_ = 0, to_ = 0, delay_field_ = 500;
  int scale_choice_ = 0;  // kScales index
  std::string modal_error_;
};

}  // namespace rdv::ui
