// session/config.h — where the app keeps per-user state (the window layout, the last scenario).
//
// - The folder is $XDG_CONFIG_HOME/rendezvous, or ~/.config/rendezvous when XDG_CONFIG_HOME is
//   unset or not absolute (XDG Base Directory rules). Never the working directory.
#pragma once

#include <filesystem>
#include <string>

namespace rdv::session {

// The config folder, or an empty path when neither XDG_CONFIG_HOME nor HOME is usable.
std::filesystem::path config_dir();

// Creates the config folder if needed. Returns the path of `file_name` in it, or an empty path
// (with the reason in `error`) when the folder cannot be made.
std::filesystem::path config_file(const std::string& file_name, std::string& error);

}  // namespace rdv::session
