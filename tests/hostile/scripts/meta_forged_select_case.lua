-- Attacks: select with a forged case: a plain table dressed as on_recv's result, with a
-- number where the channel belongs.
-- Expect: refused ("not on_recv(...) or on_send(...)") at the line.
--! diag: select: case 1 is not on_recv(...) or on_send(...)
local real = on_recv(chan(1))
local forged = { send = false, ch = 12345, fn = print }
select { forged, real } --@
