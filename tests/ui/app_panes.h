// tests/ui/app_panes.h — the app's panes as ui/app.cpp puts them in its Shell, around one
// Controller, for the tests that drive real ImGui frames without a window (imgui_frames.h). The
// Scenarios list, Explorer and Plots, which need the app's file actions, are left out.
#pragma once

#include "session/controller.h"
#include "session/scenario_catalog.h"
#include "ui/channels_panel.h"
#include "ui/console_panel.h"
#include "ui/scenario_panel.h"
#include "ui/shell.h"
#include "ui/source_panel.h"
#include "ui/sync_panel.h"
#include "ui/tasks_panel.h"
#include "ui/timeline_panel.h"
#include "ui/variables_panel.h"

#include <memory>

namespace rdv::test {

struct AppPanes {
  session::Browser browser;
  ui::Shell shell;
  session::Controller controller;
  AppPanes() {
    shell.add(std::make_unique<ui::SourcePanel>(browser, controller, shell.unsaved()));
    shell.add(std::make_unique<ui::ChannelsPanel>(controller));
    shell.add(std::make_unique<ui::VariablesPanel>(controller));
    shell.add(std::make_unique<ui::ScenarioPanel>(browser));
    shell.add(std::make_unique<ui::TasksPanel>(controller));
    shell.add(std::make_unique<ui::SyncPanel>(controller));
    shell.add(std::make_unique<ui::TimelinePanel>(controller));
    shell.add(std::make_unique<ui::ConsolePanel>(
        controller, [this](const char* title) { return shell.panel_shown(title); }));
    shell.install_settings();
  }
};

}  // namespace rdv::test
