-- Attacks: unbounded Lua recursion in a task.
-- Expect: Lua's "stack overflow" as a panic at the recursive line.
--! diag: stack overflow
local function down(n) return 1 + down(n + 1) end --@
go("diver", function() print(down(1)) end)
sleep(1)
