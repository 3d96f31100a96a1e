// ui/app.cpp — window and context lifetime, the frame loop, and the off-screen screenshot.
#include "ui/app.h"

#include "gofront/gofront.h"
#include "session/config.h"
#include "session/controller.h"
#include "session/scenario_catalog.h"
#include "ui/channels_panel.h"
#include "ui/console_panel.h"
#include "ui/controls_toolbar.h"
#include "ui/explorer_panel.h"
#include "ui/export_actions.h"
#include "ui/file_actions.h"
#include "ui/frame_stats.h"
#include "ui/layout_check.h"
#include "ui/plots_panel.h"
#include "ui/scenario_list_panel.h"
#include "ui/scenario_panel.h"
#include "ui/scheduler_panel.h"
#include "ui/screenshot.h"
#include "ui/shell.h"
#include "ui/source_panel.h"
#include "ui/sync_panel.h"
#include "ui/tasks_panel.h"
#include "ui/theme.h"
#include "ui/timeline_panel.h"
#include "ui/variables_panel.h"

// glad first: it must define the GL API before anything else includes GL headers.
#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>  // ImGuiWindow: the panes' rectangles after ImGui::Render()

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace rdv::ui {

using session::allow_switch;
using session::Browser;
using session::config_file;
using session::Controller;
using session::find_scenarios_dir;
using session::RunSettings;
using session::ScenarioEntry;

namespace {

std::string g_glfw_error;        // GLFW's last error message; GLFW calls back on the main thread
FileActions* g_files = nullptr;  // where dropped paths go; GLFW calls back on the main thread
Shell* g_shell = nullptr;        // asked before the window closes (unsaved edits)

void on_glfw_error(int, const char* description) {
  g_glfw_error = description;
}

// Closing the window is a request to quit: it waits for the unsaved-edit question, if any.
void on_close(GLFWwindow* window) {
  if (g_shell == nullptr) return;
  glfwSetWindowShouldClose(window, GLFW_FALSE);
  g_shell->request_quit();
}

void on_drop(GLFWwindow*, int count, const char** paths) {
  if (g_files == nullptr) return;
  std::vector<std::string> list;
  for (int i = 0; i < count; ++i) list.emplace_back(paths[i]);
  g_files->drop(std::move(list));
}

// Starts a run of the browser's selected scenario (when it loaded).
void open_selected(const Browser& browser, Controller& controller) {
  if (browser.selected_entry() == nullptr || !browser.source_error().empty()) return;
  const std::filesystem::path shown = browser.shown_path();  // the Go program, or its Lua twin
  controller.open_script(shown.string(), shown.filename().string(), browser.source());
}

int fail(const std::string& message) {
  std::fprintf(stderr, "rendezvous: %s\n", message.c_str());
  return 1;
}

std::filesystem::path exe_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path(".") : exe.parent_path();
}

// An off-screen colour buffer, so a screenshot has exactly the requested size whatever the
// screen, window manager or content scale.
struct OffscreenTarget {
  GLuint fbo = 0;
  GLuint colour = 0;
  OffscreenTarget(int w, int h) {
    glGenFramebuffers(1, &fbo);
    glGenRenderbuffers(1, &colour);
    glBindRenderbuffer(GL_RENDERBUFFER, colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
  }
  ~OffscreenTarget() {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteRenderbuffers(1, &colour);
    glDeleteFramebuffers(1, &fbo);
  }
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;
  bool complete() const {
    return glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  }
};

// What a frame asked OpenGL to draw: the driver's work grows with these and with the pixels.
struct DrawCounts {
  int vertices = 0;
  int indices = 0;
  int lists = 0;     // ImDrawLists: one per window and child window, one buffer upload each
  int commands = 0;  // draw calls
};

DrawCounts count_draws(const ImDrawData& d) {
  DrawCounts c{d.TotalVtxCount, d.TotalIdxCount, d.CmdListsCount, 0};
  for (int i = 0; i < d.CmdListsCount; ++i) c.commands += d.CmdLists[i]->CmdBuffer.Size;
  return c;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void print_frame_line(const FrameStats& s, const Controller& controller, const DrawCounts& d) {
  std::printf(
      "frame: %s; of which UI (model, panels, ImGui) mean %.2f ms, max %.2f ms (%zu events, "
      "%zu tasks; %d vertices, %d indices, %d draw calls in %d lists)\n",
      s.summary().c_str(), s.ui_mean(), s.ui_max(), controller.model().size(),
      controller.state().tasks.size(), d.vertices, d.indices, d.commands, d.lists);
}

// Clears the window's framebuffer to the theme's window colour.
void clear_window(GLFWwindow* window) {
  int fw = 0, fh = 0;
  glfwGetFramebufferSize(window, &fw, &fh);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glViewport(0, 0, fw, fh);
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
}

// The least an ImGui app draws: one window covering the framebuffer, with nothing in it.
void draw_empty_window(GLFWwindow* window) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin(
      "##benchmark_baseline", nullptr,
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings);
  ImGui::End();
  ImGui::Render();
  clear_window(window);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// --benchmark-frames: `frames` frames of the window's own loop (poll events, draw, swap) as
// fast as they go, and as many of the two baselines, in interleaved blocks of 10 so that the
// other processes' load weighs on all three alike. `ui_ms` and `counts` are what `app_frame`
// leaves of its last frame.
void run_benchmark(GLFWwindow* window, int frames, const std::function<void()>& app_frame,
                   const double& ui_ms, const Controller& controller, const DrawCounts& counts) {
  // Settle: the layout (auto-sized items, scroll extents) and llvmpipe's shader variants.
  for (int i = 0; i < 4; ++i) {
    glfwPollEvents();
    app_frame();
    glfwSwapBuffers(window);
  }
  FrameStats swap_only, empty, app;
  // CPU time of the whole process (this thread and llvmpipe's rasterizer threads) per phase:
  // unlike wall time it hardly moves with the other processes' load.
  double cpu_ms[3] = {0, 0, 0};
  auto cpu_now = [] { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; };
  // `n` frames of one phase: poll, `draw`, swap; each frame's wall time to `record`, the CPU
  // time of all of them to cpu_ms[phase].
  const auto time_frames = [&](int phase, int n, const auto& draw, const auto& record) {
    const double c0 = cpu_now();
    for (int i = 0; i < n; ++i) {
      const auto t0 = std::chrono::steady_clock::now();
      glfwPollEvents();
      draw();
      glfwSwapBuffers(window);
      record(ms_since(t0));
    }
    cpu_ms[phase] += cpu_now() - c0;
  };
  constexpr int kBlock = 10;
  for (int done = 0; done < frames; done += kBlock) {
    const int n = std::min(kBlock, frames - done);
    time_frames(
        0, n, [&] { clear_window(window); }, [&](double ms) { swap_only.add(ms); });
    time_frames(
        1, n, [&] { draw_empty_window(window); }, [&](double ms) { empty.add(ms); });
    time_frames(2, n, app_frame, [&](double ms) { app.add(ms, ui_ms); });
  }
  int fw = 0, fh = 0;
  glfwGetFramebufferSize(window, &fw, &fh);
  const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  std::printf("renderer: %s, framebuffer %dx%d\n", renderer != nullptr ? renderer : "?", fw, fh);
  std::printf("baseline clear+swap: %s\n", swap_only.summary().c_str());
  std::printf("baseline empty window: %s\n", empty.summary().c_str());
  print_frame_line(app, controller, counts);
  std::printf(
      "cpu per frame (all threads): clear+swap %.2f ms, empty window %.2f ms, frame %.2f ms\n",
      cpu_ms[0] / frames, cpu_ms[1] / frames, cpu_ms[2] / frames);
  std::printf("ratio: frame / clear+swap %.2fx, frame / empty window %.2fx (means)\n",
              app.mean() / std::max(swap_only.mean(), 1e-9),
              app.mean() / std::max(empty.mean(), 1e-9));
  std::fflush(stdout);
}

// Paints the background of every pane the shell drew this frame (its child windows named
// "##pane_…", drawn without a background) with glClear limited by a scissor box.
//
// Why: on llvmpipe a clear is a memset, while an ImGui rectangle runs the fragment shader with
// blending on every pixel; the panes cover most of the window, so their backgrounds were the
// costliest layer left (~5.6 ms of CPU at 1600x900). Call after ImGui::Render(), then draw.
// The corners are square where the pane's border is rounded (ChildRounding): a pixel or two.
void clear_pane_backgrounds(int fb_height) {
  const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_ChildBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glEnable(GL_SCISSOR_TEST);
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    // "##shell/##pane_source_1234ABCD": a pane, not a window inside one (a further '/').
    const char* pane = w->Active ? std::strstr(w->Name, "/##pane_") : nullptr;
    if (pane == nullptr || std::strchr(pane + 1, '/') != nullptr) continue;
    const int x0 = static_cast<int>(w->Pos.x * scale.x);
    const int x1 = static_cast<int>((w->Pos.x + w->Size.x) * scale.x);
    const int y0 = static_cast<int>(w->Pos.y * scale.y);
    const int y1 = static_cast<int>((w->Pos.y + w->Size.y) * scale.y);
    glScissor(x0, fb_height - y1, std::max(0, x1 - x0), std::max(0, y1 - y0));
    glClear(GL_COLOR_BUFFER_BIT);
  }
  glDisable(GL_SCISSOR_TEST);
}

// Draws the frame ImGui rendered. When the exporter wants this frame, first everything but the
// exporter's own windows (progress, notice), reads that picture back for it, then draws those
// on top: the picture is what the window shows, without the export's own controls.
void render_frame(ImDrawData* data, Exporter& exporter, int fb_width, int fb_height) {
  if (!exporter.wants_frame()) {
    ImGui_ImplOpenGL3_RenderDrawData(data);
    return;
  }
  std::vector<ImDrawList*> picture, overlays;
  for (int i = 0; i < data->CmdListsCount; ++i) {
    ImDrawList* list = data->CmdLists[i];
    (Exporter::is_overlay(list->_OwnerName) ? overlays : picture).push_back(list);
  }
  auto draw_lists = [data](std::vector<ImDrawList*>& lists) {
    ImDrawData part = *data;
    part.CmdLists = lists.data();
    part.CmdListsCount = static_cast<int>(lists.size());
    part.TotalVtxCount = part.TotalIdxCount = 0;
    for (const ImDrawList* l : lists) {
      part.TotalVtxCount += l->VtxBuffer.Size;
      part.TotalIdxCount += l->IdxBuffer.Size;
    }
    ImGui_ImplOpenGL3_RenderDrawData(&part);
  };
  draw_lists(picture);
  std::string error;
  const Image image = read_framebuffer(fb_width, fb_height, error);
  exporter.take_frame(image, data->FramebufferScale.x);
  draw_lists(overlays);
}

// Makes the backend's font atlas texture sample its nearest texel instead of four.
//
// Why: every ImGui vertex samples the atlas (solid fills sample its white texel), so the
// filter is paid on every pixel drawn. On llvmpipe a bilinear sample made one window-sized
// rectangle cost ~9 ms of CPU at 1280x800, a nearest one ~6 ms (docs/performance.md). Nothing
// needs filtering: glyphs are baked 1:1 and drawn on whole pixels (load_fonts), and lines are
// not drawn from the atlas (apply_theme turns AntiAliasedLinesUseTex off).
void sample_font_atlas_nearest(const ImGuiIO& io) {
  ImGui_ImplOpenGL3_CreateDeviceObjects();  // the atlas texture, which NewFrame would create
  GLint bound = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  glBindTexture(GL_TEXTURE_2D,
                static_cast<GLuint>(reinterpret_cast<std::intptr_t>(io.Fonts->TexID)));
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
}

// Opens the scenario to show first: FILE, else the one open last time, else the first listed.
bool is_trace(const std::filesystem::path& p) {
  return p.string().ends_with(".rdv.jsonl");
}

void select_initial(Browser& browser, const Shell& shell, const AppOptions& options) {
  if (!options.file.empty() && !is_trace(options.file)) {
    browser.open(options.file);
    return;
  }
  if (const std::string& last = shell.setting("last_scenario"); !last.empty()) {
    if (browser.find(last) >= 0) {
      browser.open(last);
      return;
    }
  }
  browser.select(0);
}

}  // namespace

int run_app(const AppOptions& options) {
  const bool export_gif = !options.export_gif.empty();
  // A GIF is rendered like a screenshot: off screen, at the exact size, without imgui.ini.
  const bool screenshot = !options.screenshot.empty() || export_gif;
  const bool benchmark = options.benchmark_frames > 0 && !screenshot;
  glfwSetErrorCallback(on_glfw_error);
  if (glfwInit() == GLFW_FALSE) {
    return fail("cannot open a window (" + g_glfw_error +
                "); without a display, use xvfb-run or a headless command (run, explore)");
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  if (screenshot) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);

  int width = options.width, height = options.height;
  if (width <= 0 || height <= 0) {
    width = kScreenshotWidth;
    height = kScreenshotHeight;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor(); monitor != nullptr && !screenshot) {
      int x = 0, y = 0, mw = 0, mh = 0;
      glfwGetMonitorWorkarea(monitor, &x, &y, &mw, &mh);
      if (mw > 0 && mh > 0) {
        width = std::max(800, mw * 85 / 100);
        height = std::max(600, mh * 85 / 100);
      }
    }
  }
  GLFWwindow* window = glfwCreateWindow(width, height, "Rendezvous", nullptr, nullptr);
  if (window == nullptr) {
    glfwTerminate();
    return fail("cannot create an OpenGL 3.3 window (" + g_glfw_error + ")");
  }
  glfwMakeContextCurrent(window);
  if (gladLoadGL(glfwGetProcAddress) == 0) {
    glfwDestroyWindow(window);
    glfwTerminate();
    return fail("cannot load OpenGL 3.3 functions");
  }
  // A benchmark measures how fast frames can be drawn, not the display's refresh rate.
  glfwSwapInterval(benchmark ? 0 : 1);

  float scale = 1.0f;
  if (!screenshot) glfwGetWindowContentScale(window, &scale, nullptr);
  scale = std::clamp(scale, 1.0f, 4.0f);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // set below to the user's config folder, never the working dir
  io.LogFilename = nullptr;
  // No keyboard navigation unless asked for (View menu): the run's keys (arrows, Space, Home,
  // End) must step the run, not also move a focus ring through the toolbar or open a combo.

  Browser browser;
  browser.scan(options.scenarios_dir.empty() ? find_scenarios_dir(exe_dir())
                                             : options.scenarios_dir);
  int result = 0;
  {
    // The shell outlives ImGui::DestroyContext(), which saves its [Rendezvous] settings.
    Shell shell;
    Controller controller;
    FileActions files(controller, browser, shell);
    Exporter exporter(controller, shell);
    ControlsToolbar toolbar(controller, files);
    SchedulerStrip scheduler(controller, browser);
    shell.add(std::make_unique<ScenarioListPanel>(browser));
    shell.add(std::make_unique<SourcePanel>(browser, controller, shell.unsaved()));
    // Opening a file while an edited script is unsaved asks first (then opens it).
    files.set_before_open([&shell, &files](const std::string& path) {
      return shell.unsaved().run_or_ask([&files, path] { files.open(path, nullptr); });
    });
    shell.add(std::make_unique<ChannelsPanel>(controller));
    shell.add(std::make_unique<VariablesPanel>(controller));  // a tab beside Channels
    shell.add(std::make_unique<ScenarioPanel>(browser));
    auto explorer_panel = std::make_unique<ExplorerPanel>(controller, files);
    ExplorerPanel& explorer = *explorer_panel;
    shell.add(std::move(explorer_panel));
    shell.add(std::make_unique<TasksPanel>(controller));
    shell.add(std::make_unique<SyncPanel>(controller));
    shell.add(std::make_unique<TimelinePanel>(controller));
    shell.add(std::make_unique<PlotsPanel>(controller));  // a tab beside the Timeline
    shell.add(std::make_unique<ConsolePanel>(
        controller, [&shell](const char* title) { return shell.panel_shown(title); }));
    shell.set_toolbar([&] {
      // While an export takes its pictures, the run's keys wait (they would move the cursor).
      if (!exporter.busy()) toolbar.handle_shortcuts();
      toolbar.draw();
      scheduler.draw();
      files.draw();
      exporter.draw();
    });
    shell.set_file_menu([&] {
      files.draw_file_menu();
      ImGui::Separator();
      exporter.draw_file_menu();
    });
    shell.set_run_menu([&] { toolbar.draw_run_menu(); });
    if (std::string error; !shell.select_tabs(options.tabs, &error)) {
      ImGui::DestroyContext();
      glfwDestroyWindow(window);
      glfwTerminate();
      std::fprintf(stderr, "rendezvous: %s (see rendezvous --help)\n", error.c_str());
      return 1;
    }
    std::optional<Slot> pane;
    if (!options.pane.empty()) {
      pane = shell.slot_of(options.pane);
      if (!pane) {
        std::string titles;
        for (const std::string& t : shell.tab_titles())
          if (shell.slot_of(t)) titles += " '" + t + "'";
        ImGui::DestroyContext();
        glfwDestroyWindow(window);
        glfwTerminate();
        std::fprintf(stderr, "rendezvous: --pane: no tab named '%s'; the tabs are:%s\n",
                     options.pane.c_str(), titles.c_str());
        return 1;
      }
      shell.select_tab(options.pane);
    }
    shell.install_settings();

    std::string ini_path;
    if (!screenshot && !benchmark) {
      std::string why;
      if (const auto ini = config_file("imgui.ini", why); !ini.empty()) {
        ini_path = ini.string();
        ImGui::LoadIniSettingsFromDisk(ini_path.c_str());
        io.IniFilename = ini_path.c_str();
      } else {
        std::fprintf(stderr, "rendezvous: the layout will not be saved: %s\n", why.c_str());
      }
    }
    select_initial(browser, shell, options);
    if (options.seed != 0 || options.preempt_line || options.max_events != 0) {
      RunSettings settings = controller.settings();
      if (options.seed != 0) settings.seed = options.seed;
      if (options.max_events != 0) settings.max_events = options.max_events;
      if (options.preempt_line) settings.preempt = sim::Preempt::Line;
      controller.apply_settings(settings);
    }
    bool opened = true;  // false: nothing runs, so there is no run to wait for below
    if (is_trace(options.file)) {
      std::string error;
      if (!files.open(options.file.string(), &error)) {
        std::fprintf(stderr, "rendezvous: %s\n", error.c_str());
        if (screenshot) result = 1;
        opened = false;
      }
    } else {
      open_selected(browser, controller);
      // Opening applied the scenario header's `preempt`; a --preempt given says otherwise.
      if (options.preempt_given &&
          controller.settings().preempt !=
              (options.preempt_line ? sim::Preempt::Line : sim::Preempt::Sync)) {
        RunSettings settings = controller.settings();
        settings.preempt = options.preempt_line ? sim::Preempt::Line : sim::Preempt::Sync;
        controller.apply_settings(settings);
      }
      if (!options.test.empty() && controller.settings().test != options.test) {
        RunSettings settings = controller.settings();
        settings.test = options.test;
        controller.apply_settings(settings);
      }
    }
    unsigned opened_revision = browser.revision();
    if (screenshot || benchmark) {
      // The picture shows a finished controlled run at event `at` (or its end).
      if (opened && !controller.finish_blocking(std::chrono::seconds(60)))
        std::fprintf(stderr, "rendezvous: the run did not end within 60 s; showing it so far\n");
      // --explore N: the Explorer's results, with its first failure's trace open.
      if (options.explore > 0) std::puts(explorer.explore_and_open(options.explore).c_str());
      controller.request_seek(options.at.value_or(controller.model().size()));
    }

    if (!options.layout.empty())
      shell.use_layout(options.layout == "lecture" ? LayoutPreset::Lecture : LayoutPreset::Default);
    if (options.zoom > 0) shell.set_zoom(options.zoom);
    if (!options.browse.empty()) files.request_browse(options.browse);
    float zoom = shell.zoom();
    // The characters the catalogue's titles and headers use get glyphs (Chinese in the seed's).
    std::string header_text;
    for (const ScenarioEntry& e : browser.entries()) {
      if (!e.header) continue;
      for (const auto& [key, value] : e.header->fields) header_text += value;
    }
    load_fonts(scale * zoom, header_text);
    apply_theme(scale * zoom);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    sample_font_atlas_nearest(io);
    // View ▸ Zoom: the fonts are rasterised again at the new size (not scaled bitmaps) and the
    // style's sizes are scaled from a fresh style; only between frames.
    auto rebuild_fonts = [&] {
      io.Fonts->Clear();
      load_fonts(scale * zoom, header_text);
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
      sample_font_atlas_nearest(io);
    };
    auto apply_zoom = [&] {
      if (shell.zoom() == zoom) return;
      zoom = shell.zoom();
      rebuild_fonts();
      apply_theme(scale * zoom);
    };
    // A program opened with Chinese the fonts lack (a comment's rarer characters): they are
    // added and the fonts made again, before the frame that would draw them as "?".
    const char* glyphs_checked_data = nullptr;
    std::size_t glyphs_checked_size = 0;
    auto add_missing_glyphs = [&] {
      const std::string& text = controller.script();
      if (text.data() == glyphs_checked_data && text.size() == glyphs_checked_size) return;
      glyphs_checked_data = text.data();
      glyphs_checked_size = text.size();
      const std::string missing = missing_glyphs(text);
      if (missing.empty()) return;
      header_text += missing;
      rebuild_fonts();
    };
    // F11: full screen on the window's monitor, and back to where the window was.
    int windowed[4] = {0, 0, width, height};
    auto toggle_full_screen = [&] {
      if (glfwGetWindowMonitor(window) != nullptr) {
        glfwSetWindowMonitor(window, nullptr, windowed[0], windowed[1], windowed[2], windowed[3],
                             GLFW_DONT_CARE);
        shell.set_full_screen(false);
        return;
      }
      GLFWmonitor* monitor = glfwGetPrimaryMonitor();
      const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
      if (mode == nullptr) return;
      glfwGetWindowPos(window, &windowed[0], &windowed[1]);
      glfwGetWindowSize(window, &windowed[2], &windowed[3]);
      glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
      shell.set_full_screen(true);
    };
    g_files = &files;
    glfwSetDropCallback(window, on_drop);
    g_shell = &shell;
    glfwSetWindowCloseCallback(window, on_close);

    double ui_ms = 0;   // CPU time of the last frame's update + ImGui (without GL)
    DrawCounts counts;  // what the last frame asked OpenGL to draw
    auto frame = [&] {
      const auto t0 = std::chrono::steady_clock::now();
      if (browser.revision() != opened_revision) {
        opened_revision = browser.revision();
        if (allow_switch(shell.unsaved(), browser)) open_selected(browser, controller);
        opened_revision = browser.revision();  // allow_switch may put the selection back
      }
      controller.update(static_cast<double>(io.DeltaTime));
      shell.help().set_go_first(gofront::is_go_path(controller.chunkname()));
      add_missing_glyphs();
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      if (screenshot) {
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        io.DisplayFramebufferScale = ImVec2(1, 1);
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no hover highlight in the picture
      }
      ImGui::NewFrame();
      shell.draw();
      ImGui::Render();
      ui_ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      counts = count_draws(*ImGui::GetDrawData());
      const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
      int fw = width, fh = height;
      if (!screenshot) glfwGetFramebufferSize(window, &fw, &fh);
      glViewport(0, 0, fw, fh);
      glClearColor(bg.x, bg.y, bg.z, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT);
      clear_pane_backgrounds(fh);
      render_frame(ImGui::GetDrawData(), exporter, fw, fh);
    };

    if (screenshot) {
      const OffscreenTarget target(width, height);
      if (!target.complete()) {
        result = fail("cannot make a " + std::to_string(width) + "x" + std::to_string(height) +
                      " off-screen image");
      } else if (export_gif) {
        // --export-gif: File ▸ Export animation's steps, one frame after another.
        Exporter::Animation a;
        a.path = options.export_gif.string();
        a.from = options.from;
        a.to = options.to.value_or(controller.model().size());
        a.delay_ms = options.delay_ms;
        a.pane = pane;
        a.scale = options.scale;
        for (int i = 0; i < 3; ++i) frame();  // the layout settles, as for a screenshot
        if (std::string error; !exporter.start_animation(a, &error)) {
          result = fail(error);
        } else {
          while (exporter.busy()) frame();
          if (exporter.failed()) result = fail(exporter.message());
        }
      } else if (pane) {
        // --screenshot with --pane: the pane's rectangle of the picture.
        for (int i = 0; i < 4; ++i) frame();
        glFinish();
        std::string error;
        const auto r = shell.pane_rect(*pane);
        const Image image = read_framebuffer(width, height, error);
        if (!r) {
          result = fail("--pane: the pane " + shell.pane_name(*pane) + " is not shown");
        } else if (image.empty() ||
                   !write_png(
                       options.screenshot,
                       crop(image, PixelRect{static_cast<int>(r->x), static_cast<int>(r->y),
                                             static_cast<int>(r->w), static_cast<int>(r->h)}),
                       error)) {
          result = fail(error);
        }
      } else {
        // --check-layout: each text cut off or drawn over other text, at each --check-at event
        // and at the picture's own.
        auto check_frame = [&](const std::string& where) {
          for (const LayoutFinding& f : check_layout(*ImGui::GetDrawData())) {
            std::printf("layout: %s%s\n", where.c_str(), f.message.c_str());
            result = 2;
          }
          std::fflush(stdout);
        };
        const std::size_t picture_at = controller.view().cursor;
        for (const std::size_t n : options.check_at) {
          controller.request_seek(n);
          for (int i = 0; i < 4; ++i) frame();
          check_frame("at event " + std::to_string(controller.view().cursor) + ": ");
        }
        if (!options.check_at.empty()) controller.request_seek(picture_at);
        // Layout settles over a couple of frames (auto-sized items, scroll extents).
        for (int i = 0; i < 4; ++i) frame();
        glFinish();
        if (options.frame_stats) {
          // Draw time of a settled frame into the off-screen image (CPU + the GL driver,
          // llvmpipe under Xvfb), glFinish included; the window's own loop is --benchmark-frames.
          FrameStats stats;
          for (int i = 0; i < 30; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            frame();
            glFinish();
            stats.add(ms_since(t0), ui_ms);
          }
          print_frame_line(stats, controller, counts);
        }
        if (options.check_layout)
          check_frame("at event " + std::to_string(controller.view().cursor) + ": ");
        std::string error;
        if (!save_framebuffer_png(options.screenshot, width, height, error)) result = fail(error);
      }
    } else if (benchmark) {
      run_benchmark(
          window, options.benchmark_frames, [&] { frame(); }, ui_ms, controller, counts);
    } else {
      bool exporting = false;  // File ▸ Export animation is taking its frames
      while (glfwWindowShouldClose(window) == GLFW_FALSE && !shell.quit_requested()) {
        // Wake for input at once; while a run plays or is being recorded, redraw every frame,
        // else a few times a second.
        const bool busy =
            controller.view().playing || controller.view().follow || controller.run_active();
        if (exporter.busy() != exporting) {
          exporting = exporter.busy();
          glfwSetWindowAttrib(window, GLFW_RESIZABLE, exporting ? GLFW_FALSE : GLFW_TRUE);
        }
        if (exporting) {
          // An export draws its frames as fast as they go, at a size that must not change:
          // zoom and full screen wait until it ends.
          glfwPollEvents();
        } else {
          glfwWaitEventsTimeout(busy ? 1.0 / 60 : 0.1);
          apply_zoom();
          if (shell.take_full_screen_toggle()) toggle_full_screen();
        }
        frame();
        glfwSwapBuffers(window);
        if (browser.selected_entry() != nullptr)
          shell.set_setting("last_scenario",
                            std::filesystem::absolute(browser.shown_path()).string());
      }
    }

    g_files = nullptr;
    g_shell = nullptr;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  glfwDestroyWindow(window);
  glfwTerminate();
  return result;
}

}  // namespace rdv::ui
