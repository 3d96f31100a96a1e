-- A nil channel blocks forever: main alone on it is a deadlock, with file:line in the report.
--! outcome: deadlock
--! diag: fatal error: all goroutines are asleep - deadlock!
--! diag: chan_nil_blocks.lua:7
print("before")
local n = nilchan()
n:recv()
print("never")
--> before
