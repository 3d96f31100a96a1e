-- Attacks: two tasks passing a value back and forth forever: every step is a sync point, so
-- the step budget never fires.
-- Expect: the event limit ends the run, naming where a task was.
--! diag: event limit exceeded
--! line: any
local ping, pong = chan(0, "ping"), chan(0, "pong")
go("ponger", function()
  while true do pong:send(ping:recv()) end
end)
while true do
  ping:send(1)
  pong:recv()
end
