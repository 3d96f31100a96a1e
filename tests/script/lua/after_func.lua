-- ctx:after_func (Go's context.AfterFunc): no task until the context is cancelled, then one per
-- registration, by a cancel, a deadline or a parent's cascade; stop() says whether it kept fn
-- from starting; on a context cancelled already fn starts at once; one never started is no leak.
--! outcome: ok
--! live: no
local root = context.background()
local ctx, cancel = context.with_cancel(root, "ctx")
local got = chan(8)
ctx:after_func(function() got:send("first " .. ctx:err()) end, "first")
local stop = ctx:after_func(function() got:send("stopped ran") end)
print(ntasks())
print(stop(), stop())
cancel()
print((got:recv()))
sleep(1)
print(ntasks())

-- Already cancelled: at once; stop then says false.
local late = ctx:after_func(function() got:send("late " .. ctx:err()) end)
print(late())
print((got:recv()))

-- A deadline, reaching a child's registration through the cascade.
local t0 = now()
local timed, cancel_timed = context.with_timeout(root, 50 * ms)
local child, cancel_child = context.with_cancel(timed)
child:after_func(function() got:send("child " .. child:err() .. " after " .. now() - t0) end)
print((got:recv()))
cancel_child()
cancel_timed()

-- Never cancelled, never stopped: no task, nothing left over at the end.
local never = context.with_cancel(root)
never:after_func(function() print("never printed") end)
root:after_func(function() print("never printed either") end)
sleep(10)
print(ntasks())
--> 1
--> true\tfalse
--> first context canceled
--> 1
--> false
--> late context canceled
--> child context deadline exceeded after 50
--> 1
