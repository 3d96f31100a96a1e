-- pcall is recover: panic(v) keeps v exactly; error(msg) gets Lua's position; xpcall's handler.
--! outcome: ok
print(pcall(panic, "plain"))
print(pcall(function() panic("no prefix") end))
local ok, v = pcall(function() panic({ code = 7 }) end)
print(ok, v.code)
print(pcall(function() error("with position") end))
print(pcall(function() error("level 0", 0) end))
print(xpcall(function() panic("x") end, function(e) return "handled " .. e end))
print(pcall(function(a, b) return a + b end, 2, 3))
print(select("#", pcall(function() end)))
-- a recovered panic in a task does not end the run
local done = chan(0)
go("worker", function()
  local ok2, err = pcall(function() local t = nil; return t.x end)
  done:send(tostring(ok2) .. " " .. tostring(err ~= nil))
end)
print(done:recv())
-- coroutines work inside tasks, and errors inside them stay theirs
local co = coroutine.create(function(a) local b = coroutine.yield(a + 1); error("co " .. b, 0) end)
print(coroutine.resume(co, 1))
print(coroutine.resume(co, 5))
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
print(gen(), gen(), gen())
--> false\tplain
--> false\tno prefix
--> false\t7
--> false\trecover.lua:7: with position
--> false\tlevel 0
--> false\thandled x
--> true\t5
--> 1
--> false true\ttrue
--> true\t2
--> false\tco 5
--> 1\t2\t3
