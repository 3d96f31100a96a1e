// ui/theme.cpp — colours, sizes and fonts.
#include "ui/theme.h"

#include "session/api_help.h"

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <array>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <system_error>
#include <vector>

namespace rdv::ui {

using session::is_wide;

namespace {
Fonts g_fonts;  // written once by load_fonts() before the first frame, read by the panels
}  // namespace

const Fonts& fonts() {
  return g_fonts;
}

std::filesystem::path find_font(const std::string& file_name) {
  std::vector<std::filesystem::path> dirs;
  // fonts-dejavu-core's folder first, then the usual roots searched one level down
  // (assets/theme.json, "font_folders"); "~/..." only when HOME is an absolute path.
  const char* home = std::getenv("HOME");
  for (const std::string_view dir : assets::kFontFolders) {
    if (dir.starts_with("~/")) {
      if (home != nullptr && home[0] == '/')
        dirs.push_back(std::filesystem::path(home) / dir.substr(2));
    } else {
      dirs.emplace_back(dir);
    }
  }
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

void load_fonts(float scale, std::string_view extra_text) {
  ImGuiIO& io = ImGui::GetIO();
  g_fonts = Fonts{};
  // The Chinese glyphs' ranges: kept alive until the atlas is built (ImGui keeps the pointer).
  static ImVector<ImWchar> cjk_ranges;
  const std::filesystem::path cjk_path = find_font(assets::kFont_cjk.file);
  if (!cjk_path.empty()) {
    ImFontGlyphRangesBuilder b;
    b.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
    const std::string extra(extra_text);  // AddText wants a NUL-free range: it is given one
    b.AddText(extra.data(), extra.data() + extra.size());
    cjk_ranges.clear();
    b.BuildRanges(&cjk_ranges);
  } else {
    g_fonts.missing = assets::kFont_cjk.file;
  }
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
              io.Fonts->AddFontFromFileTTF(path.c_str(), pixels * scale, &cfg, ranges.data())) {
        if (!cjk_path.empty()) {
          // Merged into `f`: ideographs are drawn where DejaVu has no glyph.
          ImFontConfig merge = cfg;
          merge.MergeMode = true;
          if (io.Fonts->AddFontFromFileTTF(cjk_path.c_str(), pixels * scale, &merge,
                                           cjk_ranges.Data) != nullptr)
            g_fonts.cjk = true;
        }
        return f;
      }
    }
    g_fonts.missing += g_fonts.missing.empty() ? file : std::string(", ") + file;
    ImFontConfig cfg;
    cfg.SizePixels = 13.0f * scale;  // ImGui's built-in ProggyClean is drawn at 13 px
    return io.Fonts->AddFontDefault(&cfg);
  };
  g_fonts.ui = load(assets::kFont_ui.file, assets::kFont_ui.pixels);
  g_fonts.mono = load(assets::kFont_mono.file, assets::kFont_mono.pixels);
  g_fonts.heading = load(assets::kFont_heading.file, assets::kFont_heading.pixels);
  io.FontDefault = g_fonts.ui;
  if (!g_fonts.cjk) return;
  // The monospaced font draws every wide glyph (Chinese) exactly two digits wide, centred, so a
  // line of code with Chinese in it stays on the source view's columns (display_columns in
  // session/api_help.h counts such a character as two). Droid's ideographs are 1 em wide,
  // DejaVu Sans Mono's digits 0.6 em: only the built font knows both.
  io.Fonts->Build();
  ImFont* mono = g_fonts.mono;
  const ImFontGlyph* zero = mono->FindGlyphNoFallback('0');
  if (zero == nullptr) return;
  const float two = 2 * zero->AdvanceX;
  for (ImFontGlyph& g : mono->Glyphs) {
    if (!is_wide(static_cast<char32_t>(g.Codepoint))) continue;
    const float shift = std::floor((two - g.AdvanceX) / 2);
    g.X0 += shift;
    g.X1 += shift;
    g.AdvanceX = two;
  }
  mono->BuildLookupTable();
}

std::string missing_glyphs(std::string_view text) {
  std::string out;
  if (!g_fonts.cjk || g_fonts.ui == nullptr) return out;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    unsigned int cp = 0;
    const int n = ImTextCharFromUtf8(&cp, p, end);
    if (n <= 0) break;
    if (cp >= 0x2E80 && cp <= 0xFFFF &&
        g_fonts.ui->FindGlyphNoFallback(static_cast<ImWchar>(cp)) == nullptr &&
        out.find(std::string_view(p, static_cast<std::size_t>(n))) == std::string::npos)
      out.append(p, static_cast<std::size_t>(n));
    p += n;
  }
  return out;
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

  // A desaturated slate palette: low contrast surfaces, one blue accent, text at ~85% white
  // (assets/theme.json, "style").
  auto rgb = [](int r, int g, int b, float a) {
    return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
                  static_cast<float>(b) / 255.0f, a);
  };
  ImVec4* c = style.Colors;
#define RDV_STYLE_RGB(name, r, g, b, a) c[ImGuiCol_##name] = rgb(r, g, b, a);
#define RDV_STYLE_PALETTE(name, colour) \
  c[ImGuiCol_##name] = ImGui::ColorConvertU32ToFloat4(palette::col(assets::colour));
  RDV_THEME_STYLE_COLOURS(RDV_STYLE_RGB, RDV_STYLE_PALETTE)
#undef RDV_STYLE_RGB
#undef RDV_STYLE_PALETTE
}

}  // namespace rdv::ui
