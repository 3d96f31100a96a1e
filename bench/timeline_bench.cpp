// bench/timeline_bench.cpp — the Timeline panel on a 1,000,000-event trace, rendered headless
// (issue 7: >= 30 frames/s at 1280x800 under Mesa llvmpipe while zooming and panning, fully
// zoomed out included; open to first frame <= 2 s). Figures: docs/performance.md, "Timeline".
//
// What it does, all in one process and one run:
//  1. Generates a trace (tests/support/synthetic.h: main, `--workers` workers named worker-1..N,
//     16 channels of capacity 0..3, sends, receives, sleeps, notes, a WaitGroup) and writes it
//     as a .rdv.jsonl file, as `rendezvous run --trace` would.
//  2. Opens a hidden GLFW window with an off-screen 1280x800 colour buffer (as --screenshot
//     does) and ImGui with the app's fonts and theme.
//  3. Baseline: frames of an empty ImGui window of the same size (the GL + ImGui floor).
//  4. Opens the trace the way the app does (Controller::open_trace: read + build the model) and
//     times it up to the end of the first frame drawn with the Timeline panel (glFinish).
//  5. Scripts the mouse the way a person would: fully zoomed out, wheel zoom in around the
//     mouse, drag panning, wheel zoom out again; every frame is timed (CPU + glFinish).
//  Prints a table: ms per frame (mean, worst), frames/s, and the ratio to the baseline.
//
// Usage: timeline_bench [--events N] [--workers N] [--size WxH] [--expanded 0|1]
//                       [--trace PATH]  (an existing trace instead of generating one)
// Run under xvfb-run (no display needed otherwise): bench/timeline_bench.sh builds and runs it.
#include "session/controller.h"
#include "tests/support/synthetic.h"
#include "trace/trace.h"
#include "ui/theme.h"
#include "ui/timeline_panel.h"

// glad first: it must define the GL API before anything else includes GL headers.
#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <unistd.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using namespace rdv;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// CPU time of the whole process (this thread and llvmpipe's rasterizer threads), in ms: on a
// loaded machine the figure that measures the frame, where wall time measures the other
// processes.
double process_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Options {
  std::size_t events = 1'000'000;
  std::uint32_t workers = 64;
  int width = 1280, height = 800;
  bool expanded = true;  // every group expanded: one lane per task, the heaviest case
  std::string trace;
};

bool parse(int argc, char** argv, Options& o) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--events") {
      o.events = std::strtoull(v.c_str(), nullptr, 10);
    } else if (k == "--workers") {
      o.workers = static_cast<std::uint32_t>(std::strtoul(v.c_str(), nullptr, 10));
    } else if (k == "--size") {
      if (std::sscanf(v.c_str(), "%dx%d", &o.width, &o.height) != 2) return false;
    } else if (k == "--expanded") {
      o.expanded = v != "0";
    } else if (k == "--trace") {
      o.trace = v;
    } else {
      return false;
    }
  }
  return argc % 2 == 1;
}

// Frame times of one phase.
struct Phase {
  std::string name;
  std::vector<double> ms;
  double cpu_ms = 0;  // process CPU time per frame, mean
  double ui_ms = 0;   // update + ImGui per frame (wall, mean): the panel's own cost, no GL
  int vertices = 0;   // ImGui vertices of the phase's last frame
  double mean() const {
    double s = 0;
    for (const double x : ms) s += x;
    return ms.empty() ? 0 : s / static_cast<double>(ms.size());
  }
  double worst() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse(argc, argv, o)) {
    std::fprintf(stderr,
                 "usage: timeline_bench [--events N] [--workers N] [--size WxH] [--expanded 0|1] "
                 "[--trace PATH]\n");
    return 2;
  }

  // 1. The trace file.
  std::string path = o.trace;
  if (path.empty()) {
    const auto t0 = Clock::now();
    testing::SyntheticOptions so;
    so.events = o.events;
    so.workers = o.workers;
    so.channels = 16;
    path = "/tmp/rdv-timeline-bench-" + std::to_string(::getpid()) + ".rdv.jsonl";
    if (!trace::write_trace(path, testing::synthetic_trace(so)).ok()) {
      std::fprintf(stderr, "timeline_bench: cannot write %s\n", path.c_str());
      return 1;
    }
    std::printf("generated %s (%zu events, %u workers) in %.0f ms\n", path.c_str(), o.events,
                o.workers, ms_since(t0));
  }

  // 2. The window and the off-screen target.
  if (glfwInit() == GLFW_FALSE) {
    std::fprintf(stderr, "timeline_bench: no display (run it under xvfb-run)\n");
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  GLFWwindow* window = glfwCreateWindow(o.width, o.height, "timeline_bench", nullptr, nullptr);
  if (window == nullptr) return 1;
  glfwMakeContextCurrent(window);
  if (gladLoadGL(glfwGetProcAddress) == 0) return 1;
  std::printf("renderer: %s\n", reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
  GLuint fbo = 0, colour = 0;
  glGenFramebuffers(1, &fbo);
  glGenRenderbuffers(1, &colour);
  glBindRenderbuffer(GL_RENDERBUFFER, colour);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, o.width, o.height);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  ui::load_fonts(1.0f);
  ui::apply_theme(1.0f);
  ImGui_ImplGlfw_InitForOpenGL(window, false);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  session::Controller controller;
  ui::TimelinePanel panel(controller);
  panel.set_groups_expanded(o.expanded);
  const auto w = static_cast<float>(o.width), h = static_cast<float>(o.height);

  // One frame: `body` draws inside a window covering the whole target.
  // The scripted mouse, applied after the GLFW backend has read the hidden window's own.
  ImVec2 mouse_pos(-FLT_MAX, -FLT_MAX);
  float mouse_wheel = 0;
  bool mouse_down = false;
  double ui_ms = 0;  // the last frame's update + ImGui (panel included), before any GL
  int vertices = 0;  // the last frame's vertex count
  auto frame = [&](const std::function<void()>& body) {
    const auto t0 = Clock::now();
    controller.update(1.0 / 60);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    io.DisplaySize = ImVec2(w, h);
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = 1.0f / 60;
    io.MousePos = mouse_pos;
    io.MouseWheel = mouse_wheel;
    io.MouseDown[0] = mouse_down;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(w, h));
    ImGui::Begin(
        "Timeline", nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    body();
    ImGui::End();
    ImGui::Render();
    ui_ms = ms_since(t0);
    vertices = ImGui::GetDrawData()->TotalVtxCount;
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glViewport(0, 0, o.width, o.height);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glFinish();
  };
  std::vector<Phase> phases;
  auto run_phase = [&](const std::string& name, int frames, const std::function<void(int)>& input,
                       const std::function<void()>& body) {
    Phase p{name, {}, 0};
    double cpu = 0, ui = 0;
    for (int i = 0; i < frames; ++i) {
      input(i);
      const auto t0 = Clock::now();
      const double c0 = process_cpu_ms();
      frame(body);
      cpu += process_cpu_ms() - c0;
      p.ms.push_back(ms_since(t0));
      ui += ui_ms;
    }
    p.cpu_ms = cpu / frames;
    p.ui_ms = ui / frames;
    p.vertices = vertices;
    phases.push_back(std::move(p));
  };
  auto no_input = [&](int) {
    mouse_pos = ImVec2(-FLT_MAX, -FLT_MAX);
    mouse_wheel = 0;
    mouse_down = false;
  };

  // 3. Baseline: an empty window, after a few frames to settle (font atlas upload).
  for (int i = 0; i < 3; ++i) frame([] {});
  run_phase("baseline: empty window", 60, no_input, [] {});

  // 4. Open, and the first frame.
  std::size_t events = 0;
  {
    const auto t0 = Clock::now();
    std::string error;
    if (!controller.open_trace(path, &error)) {
      std::fprintf(stderr, "timeline_bench: %s\n", error.c_str());
      return 1;
    }
    const double open_ms = ms_since(t0);
    no_input(0);
    frame([&] { panel.draw(); });
    const double first_ms = ms_since(t0);
    events = controller.model().size();
    std::printf(
        "open (read + model): %.0f ms; open to first frame: %.0f ms (%zu events, %zu "
        "tasks)\n",
        open_ms, first_ms, events, controller.model().task_count());
  }

  // 5. Scripted navigation. The mouse sits in the middle of the lanes.
  const ImVec2 mid(w * 0.55f, h * 0.5f);
  auto wheel = [&](float v) {
    return [&, v](int) {
      mouse_pos = mid;
      mouse_wheel = v;
      mouse_down = false;
    };
  };
  auto drag = [&](float dx) {
    return [&, dx](int i) {
      mouse_wheel = 0;
      mouse_down = true;
      mouse_pos = ImVec2(mid.x + static_cast<float>(i % 40) * dx - 20 * dx, mid.y);
    };
  };
  auto draw = [&] { panel.draw(); };
  run_phase("timeline fully zoomed out (idle)", 60, no_input, draw);
  run_phase("fully zoomed out, panning (drag)", 60, drag(4.0f), draw);
  run_phase("zooming in (wheel, 40 steps x0.85)", 40, wheel(1.0f), draw);
  run_phase("zoomed in, panning (drag)", 60, drag(6.0f), draw);
  run_phase("zooming out (wheel, 40 steps)", 40, wheel(-1.0f), draw);
  no_input(0);
  frame(draw);  // releases the mouse

  glDeleteRenderbuffers(1, &colour);
  glDeleteFramebuffers(1, &fbo);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  if (o.trace.empty()) std::remove(path.c_str());

  const double base = phases.front().mean(), base_cpu = phases.front().cpu_ms;
  std::printf("\n| %-36s | %8s | %8s | %6s | %10s | %8s | %10s | %6s |\n", "phase", "wall ms",
              "worst ms", "fps", "x baseline", "CPU ms", "CPU x base", "UI ms");
  // (vertices of each phase's last frame follow the table)
  std::printf(
      "|%s|%s|%s|%s|%s|%s|%s|%s|\n", std::string(38, '-').c_str(), std::string(10, '-').c_str(),
      std::string(10, '-').c_str(), std::string(8, '-').c_str(), std::string(12, '-').c_str(),
      std::string(10, '-').c_str(), std::string(12, '-').c_str(), std::string(8, '-').c_str());
  bool ok = true;
  for (std::size_t i = 0; i < phases.size(); ++i) {
    const Phase& p = phases[i];
    const double fps = 1000.0 / p.mean();
    if (i > 0 && fps < 30) ok = false;
    std::printf("| %-36s | %8.2f | %8.2f | %6.1f | %10.2f | %8.2f | %10.2f | %6.2f |\n",
                p.name.c_str(), p.mean(), p.worst(), fps, p.mean() / base, p.cpu_ms,
                p.cpu_ms / base_cpu, p.ui_ms);
  }
  for (const Phase& p : phases) std::printf("vertices, %s: %d\n", p.name.c_str(), p.vertices);
  std::printf("\n%s: every timeline phase %s 30 frames/s (mean) at %dx%d, %zu events\n",
              ok ? "ok" : "SLOW", ok ? ">=" : "NOT all >=", o.width, o.height, events);
  return 0;
}
