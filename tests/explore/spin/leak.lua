scenario { title = "SPIN cross-check: leak in one interleaving", expect = "may leak" }
-- Same model as leak.pml: main gives up when the worker has not said it is ready yet.
local result = chan(0, "result")
local ready = atomic(0)
go("worker", function()
  ready:add(1)
  result:send(42)
end)
if ready:load() == 1 then
  print("got", result:recv())
else
  print("gave up")
end
