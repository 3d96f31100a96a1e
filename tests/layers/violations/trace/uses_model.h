// Breaks the data flow: trace/ may not include the model built from it (tests/layers).
#pragma once

#include "model/model.h"
