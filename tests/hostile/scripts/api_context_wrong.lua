-- Attacks: context.with_cancel on a number, then with_timeout with a duration past any clock
-- (a negative one is Go's: the context is born past its deadline).
-- Expect: "context expected" recovered, then "duration out of range" at the line.
--! diag: duration out of range
print(pcall(context.with_cancel, 42))
local ctx, cancel = context.with_timeout(context.background(), -1e13) --@
