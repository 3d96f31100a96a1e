-- Attacks: ticker(0): an interval of zero would fire forever at the same instant.
-- Expect: Go's "non-positive interval for NewTicker" at the line.
--! diag: non-positive interval
local t = ticker(0) --@
print(t:recv())
