-- Attacks: a to-be-closed variable whose __close blocks on a channel and loops, in a task that
-- is torn down when main hits the step budget.
-- Expect: the step budget message for main; the task's __close cannot keep the run alive.
--! diag: instructions without reaching a synchronization point
local never = chan(0)
go("holder", function()
  local guard <close> = setmetatable({}, { __close = function()
    never:recv()
    while true do end
  end })
  never:recv()
end)
sleep(1)
while true do end --@
