-- Attacks: context.with_cancel on a number, then with_timeout with a negative duration.
-- Expect: "context expected" recovered, then "duration out of range" at the line.
--! diag: duration out of range
print(pcall(context.with_cancel, 42))
local ctx, cancel = context.with_timeout(context.background(), -1) --@
