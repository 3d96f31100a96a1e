// ui/app.cpp — window and context lifetime, the frame loop, and the off-screen screenshot.
#include "ui/app.h"

#include "ui/config.h"
#include "ui/scenario_catalog.h"
#include "ui/scenario_list_panel.h"
#include "ui/scenario_panel.h"
#include "ui/screenshot.h"
#include "ui/shell.h"
#include "ui/source_panel.h"
#include "ui/theme.h"

// glad first: it must define the GL API before anything else includes GL headers.
#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <memory>
#include <string>
#include <system_error>

namespace rdv::ui {

namespace {

std::string g_glfw_error;  // GLFW's last error message; GLFW calls back on the main thread

void on_glfw_error(int, const char* description) {
  g_glfw_error = description;
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

// Opens the scenario to show first: FILE, else the one open last time, else the first listed.
void select_initial(Browser& browser, const Shell& shell, const AppOptions& options) {
  if (!options.file.empty()) {
    browser.select(browser.add_file(options.file));
    return;
  }
  if (const std::string& last = shell.setting("last_scenario"); !last.empty()) {
    if (const int i = browser.find(last); i >= 0) {
      browser.select(i);
      return;
    }
  }
  browser.select(0);
}

}  // namespace

int run_app(const AppOptions& options) {
  const bool screenshot = !options.screenshot.empty();
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
  glfwSwapInterval(1);

  float scale = 1.0f;
  if (!screenshot) glfwGetWindowContentScale(window, &scale, nullptr);
  scale = std::clamp(scale, 1.0f, 4.0f);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // set below to the user's config folder, never the working dir
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;

  Browser browser;
  browser.scan(options.scenarios_dir.empty() ? find_scenarios_dir(exe_dir())
                                             : options.scenarios_dir);
  int result = 0;
  {
    // The shell outlives ImGui::DestroyContext(), which saves its [Rendezvous] settings.
    Shell shell;
    shell.add(std::make_unique<ScenarioListPanel>(browser));
    shell.add(std::make_unique<SourcePanel>(browser));
    shell.add(std::make_unique<ScenarioPanel>(browser));
    shell.install_settings();

    std::string ini_path;
    if (!screenshot) {
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

    load_fonts(scale);
    apply_theme(scale);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    auto frame = [&] {
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
      const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
      int fw = width, fh = height;
      if (!screenshot) glfwGetFramebufferSize(window, &fw, &fh);
      glViewport(0, 0, fw, fh);
      glClearColor(bg.x, bg.y, bg.z, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    };

    if (screenshot) {
      const OffscreenTarget target(width, height);
      if (!target.complete()) {
        result = fail("cannot make a " + std::to_string(width) + "x" + std::to_string(height) +
                      " off-screen image");
      } else {
        // Layout settles over a couple of frames (auto-sized items, scroll extents).
        for (int i = 0; i < 4; ++i) frame();
        glFinish();
        std::string error;
        if (!save_framebuffer_png(options.screenshot, width, height, error)) result = fail(error);
      }
    } else {
      while (glfwWindowShouldClose(window) == GLFW_FALSE && !shell.quit_requested()) {
        // Wake for input at once, else redraw a few times a second: the browser is idle.
        glfwWaitEventsTimeout(0.1);
        frame();
        glfwSwapBuffers(window);
        if (const ScenarioEntry* e = browser.selected_entry())
          shell.set_setting("last_scenario", std::filesystem::absolute(e->path).string());
      }
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  glfwDestroyWindow(window);
  glfwTerminate();
  return result;
}

}  // namespace rdv::ui
