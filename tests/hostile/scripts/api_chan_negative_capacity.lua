-- Attacks: chan() with a negative capacity (Go: makechan: size out of range).
-- Expect: refused at the call's line.
--! diag: capacity -1 out of range
local ch = chan(-1) --@
