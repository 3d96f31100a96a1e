-- Attacks: another task clears case.ch (and collects the channel) while main is parked in a
-- select on that case; the channel's only owner was the case table (use-after-free in
-- WaitQueue::remove).
-- Expect: the select owns its channels; the timeout case wins; the script fails on purpose.
--! diag: select survived: timeout
local case = on_recv(chan(0, "x"), function() return "x" end)
go("clearer", function()
  sleep(1)
  case.ch = nil
  case.fn = 42
  for _ = 1, 5 do collectgarbage() end
end)
local r = select { case, on_recv(after(5), function() return "timeout" end) }
error("select survived: " .. tostring(r)) --@
