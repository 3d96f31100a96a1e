scenario { title = "Pitfall: everybody waits", chapter = "guide" }
local results = chan(0, "results")
go("worker", function()
  local v = results:recv()                  -- BUG: the worker receives where it should send
  print("worker got", v)
end)
print("main got", results:recv())           -- both receive: nobody will ever send
