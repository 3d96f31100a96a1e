-- Attacks: one task of three searches a 1 MiB string between sends, for ever; the others only
-- pass its values on. The step budget restarts at every send and the run's --limit-cpu is
-- minutes away.
-- Expect: --limit-task-cpu 1 ends it at the worker's line, naming the worker (task 2).
--! args: --limit-task-cpu 1
--! diag: CPU time limit exceeded: task 2 used more than 1 s of CPU time (--limit-task-cpu)
local s = string.rep("a", 1 << 20)
local a, b = chan(1), chan(1)
go(function()
  while true do
    a:send(s:find("x") or 0) --@
  end
end)
go(function()
  while true do
    b:send(a:recv())
  end
end)
while true do
  b:recv()
end
