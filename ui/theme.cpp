// ui/theme.cpp — colours, sizes and fonts.
#include "ui/theme.h"

#include <array>
#include <cstdlib>
#include <system_error>
#include <vector>

namespace rdv::ui {

namespace {
Fonts g_fonts;  // written once by load_fonts() before the first frame, read by the panels
}  // namespace

const Fonts& fonts() {
  return g_fonts;
}

std::filesystem::path find_font(const std::string& file_name) {
  std::vector<std::filesystem::path> dirs;
  // fonts-dejavu-core's folder first, then the usual roots searched one level down.
  dirs.emplace_back("/usr/share/fonts/truetype/dejavu");
  if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/') {
    dirs.push_back(std::filesystem::path(home) / ".local/share/fonts");
    dirs.push_back(std::filesystem::path(home) / ".fonts");
  }
  dirs.emplace_back("/usr/local/share/fonts");
  dirs.emplace_back("/usr/share/fonts");
  std::error_code ec;
  for (const auto& dir : dirs) {
    if (std::filesystem::is_regular_file(dir / file_name, ec)) return dir / file_name;
    for (const auto& sub : std::filesystem::directory_iterator(dir, ec)) {
      if (sub.is_directory(ec) && std::filesystem::is_regular_file(sub.path() / file_name, ec))
        return sub.path() / file_name;
    }
  }
  return {};
}

void load_fonts(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  // Latin, Latin-1, General Punctuation (dashes, quotes, ellipsis), arrows, box drawing and
  // geometric shapes (task-state markers): all in DejaVu.
  static const std::array<ImWchar, 11> ranges = {0x0020, 0x00FF, 0x2010, 0x205E, 0x2190, 0x21FF,
                                                 0x2500, 0x25FF, 0x2713, 0x2717, 0};
  auto load = [&](const char* file, float pixels) -> ImFont* {
    const std::filesystem::path path = find_font(file);
    if (!path.empty()) {
      ImFontConfig cfg;
      // Glyphs land on whole pixels (PixelSnapH; ImGui floors text positions), so a 1:1 bitmap
      // drawn with nearest sampling (app.cpp) is exact: oversampling would only be blurred away.
      cfg.OversampleH = 1;
      cfg.PixelSnapH = true;
      if (ImFont* f =
              io.Fonts->AddFontFromFileTTF(path.c_str(), pixels * scale, &cfg, ranges.data()))
        return f;
    }
    g_fonts.missing += g_fonts.missing.empty() ? file : std::string(", ") + file;
    ImFontConfig cfg;
    cfg.SizePixels = 13.0f * scale;  // ImGui's built-in ProggyClean is drawn at 13 px
    return io.Fonts->AddFontDefault(&cfg);
  };
  g_fonts.ui = load("DejaVuSans.ttf", 15.0f);
  g_fonts.mono = load("DejaVuSansMono.ttf", 14.0f);
  g_fonts.heading = load("DejaVuSans-Bold.ttf", 20.0f);
  io.FontDefault = g_fonts.ui;
}

void apply_theme(float scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsDark(&style);
  style.WindowPadding = ImVec2(10, 8);
  style.FramePadding = ImVec2(8, 4);
  style.ItemSpacing = ImVec2(8, 6);
  style.ItemInnerSpacing = ImVec2(6, 4);
  style.ScrollbarSize = 12;
  style.GrabMinSize = 10;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  style.FrameBorderSize = 0;
  style.WindowRounding = 0;
  style.ChildRounding = 3;
  style.FrameRounding = 3;
  style.PopupRounding = 3;
  style.ScrollbarRounding = 6;
  style.GrabRounding = 3;
  style.TabRounding = 3;
  style.ScaleAllSizes(scale);
  // Anti-aliased lines as geometry, not as strips of the font atlas: those need bilinear
  // sampling, and the app samples the atlas nearest (cheaper on a software renderer).
  style.AntiAliasedLinesUseTex = false;

  // A desaturated slate palette: low contrast surfaces, one blue accent, text at ~85% white.
  auto rgb = [](int r, int g, int b, float a = 1.0f) {
    return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
                  static_cast<float>(b) / 255.0f, a);
  };
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(palette::kText);
  c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(palette::kTextDim);
  c[ImGuiCol_WindowBg] = rgb(30, 33, 39);
  c[ImGuiCol_ChildBg] = rgb(35, 39, 46);
  c[ImGuiCol_PopupBg] = rgb(40, 44, 52, 0.98f);
  c[ImGuiCol_Border] = rgb(55, 61, 72);
  c[ImGuiCol_BorderShadow] = rgb(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = rgb(45, 50, 59);
  c[ImGuiCol_FrameBgHovered] = rgb(55, 61, 72);
  c[ImGuiCol_FrameBgActive] = rgb(62, 69, 82);
  c[ImGuiCol_TitleBg] = rgb(30, 33, 39);
  c[ImGuiCol_TitleBgActive] = rgb(35, 39, 46);
  c[ImGuiCol_TitleBgCollapsed] = rgb(30, 33, 39);
  c[ImGuiCol_MenuBarBg] = rgb(26, 28, 33);
  c[ImGuiCol_ScrollbarBg] = rgb(35, 39, 46, 0.0f);
  c[ImGuiCol_ScrollbarGrab] = rgb(70, 77, 90);
  c[ImGuiCol_ScrollbarGrabHovered] = rgb(85, 93, 108);
  c[ImGuiCol_ScrollbarGrabActive] = rgb(97, 175, 239);
  c[ImGuiCol_CheckMark] = rgb(97, 175, 239);
  c[ImGuiCol_SliderGrab] = rgb(97, 175, 239, 0.8f);
  c[ImGuiCol_SliderGrabActive] = rgb(97, 175, 239);
  c[ImGuiCol_Button] = rgb(50, 56, 66);
  c[ImGuiCol_ButtonHovered] = rgb(62, 69, 82);
  c[ImGuiCol_ButtonActive] = rgb(97, 175, 239, 0.5f);
  c[ImGuiCol_Header] = rgb(97, 175, 239, 0.22f);
  c[ImGuiCol_HeaderHovered] = rgb(97, 175, 239, 0.14f);
  c[ImGuiCol_HeaderActive] = rgb(97, 175, 239, 0.30f);
  c[ImGuiCol_Separator] = rgb(55, 61, 72);
  c[ImGuiCol_SeparatorHovered] = rgb(97, 175, 239, 0.6f);
  c[ImGuiCol_SeparatorActive] = rgb(97, 175, 239);
  c[ImGuiCol_ResizeGrip] = rgb(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripHovered] = rgb(97, 175, 239, 0.6f);
  c[ImGuiCol_ResizeGripActive] = rgb(97, 175, 239);
  c[ImGuiCol_Tab] = rgb(35, 39, 46);
  c[ImGuiCol_TabHovered] = rgb(55, 61, 72);
  c[ImGuiCol_TabActive] = rgb(45, 50, 59);
  c[ImGuiCol_TabUnfocused] = rgb(35, 39, 46);
  c[ImGuiCol_TabUnfocusedActive] = rgb(45, 50, 59);
  c[ImGuiCol_TableHeaderBg] = rgb(40, 44, 52);
  c[ImGuiCol_TableBorderStrong] = rgb(55, 61, 72);
  c[ImGuiCol_TableBorderLight] = rgb(45, 50, 59);
  c[ImGuiCol_TableRowBgAlt] = rgb(255, 255, 255, 0.02f);
  c[ImGuiCol_TextSelectedBg] = rgb(97, 175, 239, 0.35f);
  c[ImGuiCol_NavHighlight] = rgb(97, 175, 239);
  c[ImGuiCol_ModalWindowDimBg] = rgb(0, 0, 0, 0.5f);
}

}  // namespace rdv::ui
