-- Attacks: 100,000 ctx:after_func registrations on one context, started together by its
-- deadline, from timer context, where no task can be told "too many tasks".
-- Expect: registering costs no task (nor a task's stack); the deadline's spawns pass the task
-- limit and end the run with it, naming main's line, leaving no thread behind.
--! diag: too many tasks
--! threads
local ctx, cancel = context.with_timeout(context.background(), 10 * ms)
for i = 1, 100000 do ctx:after_func(function() sleep(1000) end) end
print(ntasks())
sleep(50) --@
cancel()
