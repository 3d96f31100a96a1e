// A file that breaks every rule cmake/Layers.cmake checks (tests/layers runs the check on this
// tree and expects each violation to be reported).
#pragma once

#include <lua.hpp>

#include "script/run.h"
