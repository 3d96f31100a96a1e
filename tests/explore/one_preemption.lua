scenario { title = "A bug behind one preemption among ~50 steps", chapter = "explore",
           concept = "The checker sees the writer half-way only if the writer runs 25 steps ahead and is preempted at exactly one place.",
           expect = "never panics" }
-- Used to compare PCT with the random policy (docs/explorer.md).
local x = atomic(0)
local busy = false          -- true only between the writer's 25th and 26th step
local wg = waitgroup("both")
wg:add(2)
go("writer", function()
  for _ = 1, 25 do x:add(1) end
  busy = true
  x:add(1)                  -- the one place where a preemption exposes the bug
  busy = false
  for _ = 1, 24 do x:add(1) end
  wg:done()
end)
go("checker", function()
  x:add(1)
  if busy then panic("checker saw the writer half-way") end
  wg:done()
end)
wg:wait()
