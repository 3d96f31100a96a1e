-- Attacks: a 5,000-deep chain of with_timeout contexts under one deadline (the timer's cascade
-- was a recursion as deep as the chain).
-- Expect: the deadline reaches the leaf; the script fails on purpose with the leaf's error.
--! diag: leaf: context deadline exceeded
local leaf = context.with_timeout(context.background(), 10, "root")
for _ = 1, 5000 do leaf = context.with_timeout(leaf, 20) end
leaf:done():recv()
error("leaf: " .. leaf:err()) --@
