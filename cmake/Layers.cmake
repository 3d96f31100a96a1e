# cmake/Layers.cmake — the layering rules of docs/architecture.md, checked (issue 15).
#
# 1. Includes: each folder includes only the project folders below it in the data flow, only ui/
#    and app/ include ImGui, GLFW or GL headers, and only script/ includes Lua's.
# 2. Links (configure time, in a project): no target of a headless layer, nor the tests of
#    tests/session and tests/model, links ImGui, GLFW, GL or rdv_ui; rdv_sim links no Lua.
#
# Included by the top-level CMakeLists.txt (both checks, at configure time), and run as a script
# by the `layers` tests (the include check on every test run, so a new #include is caught
# without reconfiguring):
#   cmake -DRDV_LAYERS_ROOT=<tree> -P cmake/Layers.cmake
# A violation is a FATAL_ERROR naming the file, the line and the rule.

if(CMAKE_SCRIPT_MODE_FILE)
  cmake_minimum_required(VERSION 3.25)  # the policies a project gets (IN_LIST, ...)
endif()

# Folder: the project folders its sources may include (besides the standard and system headers).
set(rdv_layer_sim sim)
set(rdv_layer_script sim script)
set(rdv_layer_gofront gofront)
set(rdv_layer_trace sim trace)
set(rdv_layer_model sim trace model)
set(rdv_layer_explore sim script gofront trace explore)
set(rdv_layer_session sim script gofront trace model explore session)
set(rdv_layer_cli sim script gofront trace model explore cli)
set(rdv_layer_ui sim script gofront trace model explore session ui)
set(rdv_layer_app sim script gofront trace model explore session cli ui app)
set(rdv_layers sim script gofront trace model explore session cli ui app)
set(rdv_project_folders ${rdv_layers} tests bench)
# Third-party headers only some folders may include.
set(rdv_gui_folders ui app)
set(rdv_gui_include_regex "^(imgui[a-z_]*\\.h|GLFW/|glad/|GL/|KHR/)")
set(rdv_lua_folders script)
set(rdv_lua_include_regex "^(lua\\.h|lua\\.hpp|lauxlib\\.h|lualib\\.h|luaconf\\.h)$")

# The FATAL_ERROR of both checks: every problem found, one a line (nothing when there is none).
function(rdv_fail_on_layer_violations problems)
  if(problems)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "Layer violations (docs/architecture.md, cmake/Layers.cmake):\n  ${text}")
  endif()
endfunction()

function(rdv_check_layer_includes root)
  set(problems "")
  foreach(layer ${rdv_layers})
    file(GLOB_RECURSE sources ${root}/${layer}/*.h ${root}/${layer}/*.cpp ${root}/${layer}/*.in)
    foreach(src ${sources})
      file(STRINGS ${src} includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
      file(RELATIVE_PATH rel ${root} ${src})
      foreach(line ${includes})
        string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]*)[>\"].*$" "\\1" header
                             "${line}")
        if(header MATCHES "${rdv_gui_include_regex}" AND NOT layer IN_LIST rdv_gui_folders)
          list(APPEND problems "${rel}: includes ${header}: only ui/ and app/ may see ImGui, GLFW or GL")
        elseif(header MATCHES "${rdv_lua_include_regex}" AND NOT layer IN_LIST rdv_lua_folders)
          list(APPEND problems "${rel}: includes ${header}: only script/ may see Lua")
        elseif(header MATCHES "^([a-z]+)/")
          set(folder ${CMAKE_MATCH_1})
          if(folder IN_LIST rdv_project_folders AND NOT folder IN_LIST rdv_layer_${layer})
            list(APPEND problems
                 "${rel}: includes ${header}: ${layer}/ may include only ${rdv_layer_${layer}}")
          endif()
        endif()
      endforeach()
    endforeach()
  endforeach()
  rdv_fail_on_layer_violations("${problems}")
endfunction()

# Every target `target` links, directly or through others (its LINK_LIBRARIES and, for interface
# and imported targets, INTERFACE_LINK_LIBRARIES), into `out`.
function(rdv_link_closure target out)
  set(seen "")
  set(todo ${target})
  while(todo)
    list(POP_FRONT todo t)
    if(t IN_LIST seen OR NOT TARGET ${t})
      continue()
    endif()
    list(APPEND seen ${t})
    get_target_property(type ${t} TYPE)
    set(libs "")
    if(NOT type STREQUAL "INTERFACE_LIBRARY")
      get_target_property(direct ${t} LINK_LIBRARIES)
      if(direct)
        list(APPEND libs ${direct})
      endif()
    endif()
    get_target_property(iface ${t} INTERFACE_LINK_LIBRARIES)
    if(iface)
      list(APPEND libs ${iface})
    endif()
    foreach(l ${libs})
      string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" l "${l}")
      list(APPEND todo ${l})
    endforeach()
  endwhile()
  set(${out} ${seen} PARENT_SCOPE)
endfunction()

function(rdv_check_layer_links)
  set(gui rdv_ui rdv_imgui rdv_glad glfw OpenGL::GL OpenGL::OpenGL PkgConfig::RDV_IMGUI)
  get_property(headless_tests DIRECTORY ${PROJECT_SOURCE_DIR}/tests/session
               PROPERTY BUILDSYSTEM_TARGETS)
  get_property(model_tests DIRECTORY ${PROJECT_SOURCE_DIR}/tests/model
               PROPERTY BUILDSYSTEM_TARGETS)
  set(problems "")
  foreach(t rdv_sim rdv_scenario_header rdv_script rdv_gofront rdv_trace rdv_model rdv_explore
            rdv_session rdv_cli ${headless_tests} ${model_tests})
    if(NOT TARGET ${t})
      list(APPEND problems "${t}: no such target (cmake/Layers.cmake names it)")
      continue()
    endif()
    rdv_link_closure(${t} closure)
    foreach(g ${gui})
      if(g IN_LIST closure)
        list(APPEND problems "${t} links ${g}: only ui/ and app/ may link ImGui, GLFW or GL")
      endif()
    endforeach()
  endforeach()
  rdv_link_closure(rdv_sim closure)
  foreach(l rdv_script PkgConfig::RDV_LUA)
    if(l IN_LIST closure)
      list(APPEND problems "rdv_sim links ${l}: sim/ knows no Lua")
    endif()
  endforeach()
  rdv_fail_on_layer_violations("${problems}")
endfunction()

if(CMAKE_SCRIPT_MODE_FILE)
  if(NOT RDV_LAYERS_ROOT)
    message(FATAL_ERROR "usage: cmake -DRDV_LAYERS_ROOT=<source tree> -P cmake/Layers.cmake")
  endif()
  rdv_check_layer_includes(${RDV_LAYERS_ROOT})
  message(STATUS "layers: includes follow docs/architecture.md")
else()
  rdv_check_layer_includes(${PROJECT_SOURCE_DIR})
  rdv_check_layer_links()
endif()
