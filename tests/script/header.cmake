# The scenario header reader and the Lua lexer it runs on (no Lua, no threads: label `unit`).
rdv_add_test(NAME scenario_header_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/scenario_header_test.cpp
  LIBS rdv_scenario_header
  LABELS unit
  TIMEOUT 60)
