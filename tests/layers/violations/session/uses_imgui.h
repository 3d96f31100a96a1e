// Breaks the rule that only ui/ and app/ see ImGui (tests/layers expects it reported).
#pragma once

#include <imgui.h>
