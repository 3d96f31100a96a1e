-- Attacks: calling a cancel func many times, from many tasks, then calling ctx as a function.
-- Expect: cancelling is idempotent; calling a context is an error at its line.
--! diag: attempt to call a context value
local ctx, cancel = context.with_cancel(context.background(), "c")
for i = 1, 20 do go("canceller", function() cancel(); cancel() end) end
sleep(1)
print(ctx:err())
ctx() --@
