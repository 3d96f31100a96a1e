-- Attacks: select{} whose default is a string.
-- Expect: a bad-argument panic at the line.
--! diag: select: default must be a function (got string)
local ch = chan(1)
select { on_recv(ch), default = "nothing" } --@
