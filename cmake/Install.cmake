# cmake/Install.cmake — what `cmake --install` puts where, and the .deb (CPack).
#
#   <prefix>/bin/rendezvous, rendezvous-cli
#   <prefix>/share/rendezvous/scenarios/*.go, *.lua, seed/*.go  (the app looks here first:
#                                                  session/scenario_catalog.h)
#   <prefix>/share/applications/rendezvous.desktop
#   <prefix>/share/icons/hicolor/{48x48,128x128,256x256}/apps/rendezvous.png, scalable/…/rendezvous.svg
#   <prefix>/share/doc/rendezvous/                 (README, docs/)
# The icon, its PNGs and the menu entry are in assets/ (the PNGs are rendered from
# assets/icons/rendezvous.svg by tools/make_icons.py and checked in; tests/install checks they are
# up to date). assets/theme.json is compiled in (cmake/Assets.cmake), not installed. `rendezvous` and the scenarios are installed by
# app/CMakeLists.txt. Tested by tests/install (install into a temporary prefix, run from there).
include_guard(GLOBAL)
include(GNUInstallDirs)

if(TARGET rendezvous-cli)
  install(TARGETS rendezvous-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

install(FILES ${PROJECT_SOURCE_DIR}/assets/rendezvous.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
foreach(px 48 128 256)
  install(FILES ${PROJECT_SOURCE_DIR}/assets/icons/rendezvous-${px}.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${px}x${px}/apps RENAME rendezvous.png)
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/assets/icons/rendezvous.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

# ---- the .deb: `cpack -G DEB --config <build>/CPackConfig.cmake` (tools/package-deb.sh) ----
# Shared-library dependencies come from dpkg-shlibdeps; what is loaded by name at run time is
# listed by hand: the DejaVu fonts (ui/theme.cpp), and Mesa's drivers for OpenGL.
set(CPACK_PACKAGE_NAME rendezvous)
set(CPACK_PACKAGE_VENDOR "Rendezvous")
set(CPACK_PACKAGE_CONTACT "Rendezvous maintainers <rendezvous@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Concurrency you can watch: run Go programs step by step and see them")
set(CPACK_PACKAGE_DESCRIPTION
    "Rendezvous runs small concurrency programs written in Go (or in its Lua API): goroutines, \
channels, select, WaitGroups, mutexes, contexts, for real, and draws what happened: a timeline, channels, locks, \
deadlocks and leaks. A controlled mode replays any schedule exactly; an explorer finds rare bugs.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps adds the shared libraries the binaries link: libglfw3, liblua5.4-0, libstb0,
# and for GIF export libgif7 and libimagequant0.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
# Chinese glyphs (the seed text's titles and comments; ui/theme.cpp shows "?" without it)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libgl1-mesa-dri, fonts-droid-fallback")
set(CPACK_GENERATOR DEB)
include(CPack)
