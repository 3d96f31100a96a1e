-- Attacks: the C stacks of task threads, which Lua's allocator never sees: 9,000 tasks, each
-- parked on a channel from 150 levels of gsub callbacks (about 300 KiB of thread stack each;
-- 2.6 GB in all before task stacks were charged to the run's memory budget).
-- Expect: the memory limit ends the run (task stacks named in the message), far below 3x the cap.
--! args: --limit-memory 64
--! diag: memory limit exceeded: the script uses more than 64 MiB
--! diag: task stacks
--! line: any
local never, arrived = chan(0), chan(0)
local function deep(n)
  if n == 0 then
    arrived:send(true)
    never:recv()
    return ""
  end
  return (string.gsub("x", "x", function() return deep(n - 1) end))
end
for i = 1, 9000 do
  go("deep", function() deep(150) end)
  arrived:recv()
end
