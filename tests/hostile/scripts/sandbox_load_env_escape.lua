-- Attacks: the sandbox from inside a loaded chunk: a text chunk with its own environment that
-- looks for os/io/debug through _ENV, _G, rawget and string metatables.
-- Expect: nothing to reach; the loaded chunk's error names the scenario's line that called it.
--! diag: nothing reachable
local probe = load([[
  local found = {}
  for _, name in ipairs({ "os", "io", "debug", "package", "require", "dofile", "loadfile" }) do
    if rawget(_G, name) ~= nil and name ~= "dofile" and name ~= "loadfile" then
      found[#found + 1] = name
    end
  end
  local smt = getmetatable("")
  if smt.__index.dump ~= nil then pcall(smt.__index.dump, print) end
  return table.concat(found, ",")
]], "probe", "t", _G)
local found = probe()
error(found == "" and "nothing reachable" or ("reachable: " .. found)) --@
