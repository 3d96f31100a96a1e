-- Attacks: `while ctx:err() == nil do end` on a context nobody cancels.
-- Expect: the step budget ends the spin at its line, as a busy-wait.
--! diag: it looks like a busy-wait
local ctx = context.with_cancel(context.background(), "never")
while ctx:err() == nil do end --@
