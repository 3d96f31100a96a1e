# rdv_scenario_header: reads a scenario's `scenario { ... }` header without running the script.
# No Lua library is needed: the header is parsed as data (see scenario_header.cpp for why).
add_library(rdv_scenario_header STATIC ${CMAKE_CURRENT_LIST_DIR}/scenario_header.cpp
                                       ${CMAKE_CURRENT_LIST_DIR}/read_file.cpp)
target_include_directories(rdv_scenario_header PUBLIC ${PROJECT_SOURCE_DIR})
rdv_warnings(rdv_scenario_header)
