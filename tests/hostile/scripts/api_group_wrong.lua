-- Attacks: group():go with a table instead of a function, then g:wait() on a group whose task
-- fails with a runtime error.
-- Expect: the bad argument is recovered; the task's error is a panic at its line.
--! diag: attempt to call a nil value
local g = group()
print(pcall(g.go, g, {}))
g:go(function(ctx)
  ctx.nothing() --@
end)
print(g:wait())
