-- Attacks: select{} with a number as a case, after a case made from a nil channel.
-- Expect: "case 2 is not on_recv(...) or on_send(...)".
--! diag: select: case 2 is not on_recv(...) or on_send(...)
local ch = chan(1)
select { on_recv(nil), 42, default = function() end } --@
