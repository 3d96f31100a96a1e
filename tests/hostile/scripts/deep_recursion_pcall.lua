-- Attacks: the C stack of a task thread (512 KiB) with recursion through pcall: every level
-- is a C call (the API's pcall, Lua's lua_pcall) as well as a Lua call.
-- Expect: Lua's C-stack limit as an error; never a crash of the process.
--! diag: stack overflow
--! line: any
local depth = 0
local function dive()
  depth = depth + 1
  local ok, err = pcall(dive)
  if not ok then error(err, 0) end
end
go("diver", dive)
sleep(1)
