-- Attacks: table.move over 2^62 slots of a small table (Lua's loop moves nils for ever, in C).
-- Expect: charged for the slots before it runs: the step budget ends it at its line.
--! diag: (in table.move)
local t = {1, 2, 3}
table.move(t, 1, 1 << 62, 2) --@
