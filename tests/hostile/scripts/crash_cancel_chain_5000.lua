-- Attacks: cancelling the root of a 5,000-deep with_cancel chain (the recursive cancel overflowed
-- the 512 KiB task stack), then dropping a second, uncancelled chain (recursive destruction).
-- Expect: the whole chain is cancelled; the script fails on purpose with the leaf's error.
--! diag: leaf: context canceled
local root, cancel = context.with_cancel(context.background(), "root")
local leaf = root
for _ = 1, 5000 do leaf = context.with_cancel(leaf) end
go("canceller", function() cancel() end)
leaf:done():recv()
local other = context.with_cancel(context.background())
for _ = 1, 5000 do other = context.with_cancel(other) end
other = nil
collectgarbage()
error("leaf: " .. leaf:err()) --@
