-- Attacks: a select case made without a function (on_recv(ch)): the case table itself was kept
-- as its function, and choosing it failed with "attempt to call a select case value".
-- Expect: the case runs nothing and select returns nothing; the script fails on purpose.
--! diag: select returned nothing: true
local ch = chan(1)
ch:send(1)
local n = select("#", select { on_recv(ch) })
error("select returned nothing: " .. tostring(n == 0)) --@
