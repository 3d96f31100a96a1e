-- Attacks: 5,000 groups, each made on the context of the one before; the outermost fails, and
-- the cancellation cascades through every nested group's context.
-- Expect: the innermost context is cancelled; the script fails on purpose.
--! diag: innermost: context canceled
local g = group("outer")
local ctx = g:context()
for _ = 1, 5000 do ctx = group(ctx):context() end
g:go(function() return "failed" end)
g:wait()
error("innermost: " .. ctx:err()) --@
