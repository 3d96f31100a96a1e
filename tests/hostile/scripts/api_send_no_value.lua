-- Attacks: ch:send() with no value.
-- Expect: "value expected" at the line.
--! diag: to 'send' (value expected)
local ch = chan(1)
ch:send() --@
