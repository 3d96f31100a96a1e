-- Attacks: the lexer with a string that never ends.
-- Expect: "unfinished string" at the line of the string.
--! diag: unfinished string
local ch = chan(1)
ch:send("hello) --@
print(ch:recv())
