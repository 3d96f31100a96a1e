scenario { title = "A cancellable task group", chapter = "3.3",
           concept = "Hand one context to every task; cancel() stops them all at once, and a WaitGroup waits until they really stopped.",
           watch = "At 2 s main cancels: the three tasks blocked in select all wake on ctx.Done() together, long before their 5 s of work.",
           expect = "never deadlocks" }

local ctx, cancel = context.with_cancel(context.background(), "group")
local wg = waitgroup("tasks")

for id = 0, 2 do
  wg:add(1)
  go("task " .. id, function()
    select {
      on_recv(after(5 * second), function() print("task " .. id .. " finished") end),
      on_recv(ctx:done(), function() print("task " .. i