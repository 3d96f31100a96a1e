-- Attacks: an infinite loop hidden in an __index metamethod inside a task.
-- Expect: the step budget ends it at the loop's line inside the metamethod.
--! diag: instructions without reaching a synchronization point
local lazy = setmetatable({}, { __index = function(t, k)
  while true do end --@
end })
go("reader", function() print(lazy.anything) end)
sleep(1)
