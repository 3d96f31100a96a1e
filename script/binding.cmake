# rdv_script: the Lua 5.4 universe a run executes in (design.md §4), linked against Lua's C++
# build (lua5.4-c++) so that a Lua error unwinds C++ frames with their destructors.
pkg_check_modules(RDV_LUA REQUIRED IMPORTED_TARGET lua5.4-c++)

add_library(rdv_script STATIC
  ${CMAKE_CURRENT_LIST_DIR}/assignments.cpp
  ${CMAKE_CURRENT_LIST_DIR}/display.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stdlib.cpp
  ${CMAKE_CURRENT_LIST_DIR}/universe.cpp
  ${CMAKE_CURRENT_LIST_DIR}/chan.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sync.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run.cpp)
target_include_directories(rdv_script PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(rdv_script PUBLIC rdv_sim rdv_scenario_header PkgConfig::RDV_LUA)
rdv_warnings(rdv_script)
