-- Attacks: a busy-wait on try_lock whose loop body also does real work at a sync point (a
-- buffered send and receive), so the step budget restarts and only the CPU limit ends it.
-- Expect: --limit-cpu 1 ends it at its line.
--! args: --limit-cpu 1
--! diag: CPU time limit exceeded: the run's tasks used more than 1 s of CPU time (--limit-cpu)
local mu = mutex()
local ch = chan(1)
mu:lock()
go(function() sleep(3000 * second) mu:unlock() end)
local s = string.rep("b", 1 << 20)
while not mu:try_lock() do s:find("x") ch:send(1) ch:recv() end --@
