// session/config.cpp — the per-user config folder (XDG Base Directory Specification).
#include "session/config.h"

#include <cstdlib>
#include <system_error>

namespace rdv::session {

std::filesystem::path config_dir() {
  // Relative values are to be ignored, per the spec: they would make the location depend on
  // the working directory.
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && xdg[0] == '/')
    return std::filesystem::path(xdg) / "rendezvous";
  if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/')
    return std::filesystem::path(home) / ".config" / "rendezvous";
  return {};
}

std::filesystem::path config_file(const std::string& file_name, std::string& error) {
  const std::filesystem::path dir = config_dir();
  if (dir.empty()) {
    error = "neither XDG_CONFIG_HOME nor HOME is set";
    return {};
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    error = dir.string() + ": " + ec.message();
    return {};
  }
  return dir / file_name;
}

}  // namespace rdv::session
