-- Attacks: two live tasks that each search a 2 MiB string between sync points, for ever: the
-- step budget restarts at every send and the event limit is many minutes away.
-- Expect: --limit-cpu 1 ends it at a line of the loop, counting both tasks' CPU time.
--! args: --mode live --limit-cpu 1
--! diag: CPU time limit exceeded: the run's tasks used more than 1 s of CPU time (--limit-cpu)
--! line: any
local s = string.rep("a", 2 << 20)
local ch = chan(1)
local function work()
  while true do
    s:find("x")
    ch:send(1)
    ch:recv()
  end
end
go(work)
work()
