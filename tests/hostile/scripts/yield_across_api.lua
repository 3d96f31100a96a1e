-- Attacks: yielding from inside a select branch and from a task's top level (there is no
-- coroutine to yield to; yielding across the API's C frames is impossible).
-- Expect: "attempt to yield" errors; the last one at its line.
--! diag: attempt to yield
local ch = chan(1)
ch:send(1)
local co = coroutine.wrap(function()
  select { on_recv(ch, function(v) coroutine.yield(v) end) }
end)
print(pcall(co))
go("yielder", function()
  coroutine.yield(1) --@
end)
sleep(1)
