-- Attacks: the parser with an expression that makes no sense.
-- Expect: "unexpected symbol" at that line.
--! diag: unexpected symbol near '='
local ch = chan(0)
local x = = ch --@
