scenario { title = "API: context", chapter = "guide" }
local root = context.background()                               -- context.Background()
local parent, cancel = context.with_cancel(root, "parent")      -- context.WithCancel(root)
local child, cancel_child = context.with_timeout(parent, 1 * second, "child")   -- WithTimeout
print(parent:err(), child:err())            -- ctx.Err(): nil while alive
cancel()                                    -- cancel(): the parent and every descendant
child:done():recv()                         -- <-ctx.Done(): closed on cancel
print(parent:err(), child:err())
cancel_child()                              -- cancelling twice is harmless

local short, stop = context.with_timeout(root, 30 * ms, "short")
short:done():recv()
print(now(), short:err())                   -- the deadline passed
stop()

local job, cancel_job = context.with_cancel(root, "job")
job:after_func(function() print("cleanup:", job:err()) end)  -- context.AfterFunc(job, f)
local stop_other = job:after_func(function() print("never printed") end)
print(stop_other())                         -- true: it will never start
cancel_job()                                -- starts the first in a task of its own
sleep(1)
