-- Attacks: go(f, ...) and async(f, ...) with 60 and 5,000 arguments (the task body copied them
-- onto Lua stacks without lua_checkstack: SIGSEGV, "double free or corruption").
-- Expect: every argument arrives; the script then fails on purpose with the counts.
--! diag: arguments arrived: 60 5000 60 5000
local function args(n)
  local t = {}
  for i = 1, n do t[i] = i end
  return t
end
local got = chan(2, "got")
go(function(...) got:send(select("#", ...)) end, table.unpack(args(60)))
go("many", function(...) got:send(select("#", ...)) end, table.unpack(args(5000)))
local a = got:recv()
local b = got:recv()
local f1 = async(function(...) return select("#", ...) end, table.unpack(args(60)))
local f2 = async(function(...) return select("#", ...) end, table.unpack(args(5000)))
error("arguments arrived: " .. math.min(a, b) .. " " .. math.max(a, b) .. " " .. f1:get() .. " " .. f2:get()) --@
