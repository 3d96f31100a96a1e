scenario { title = "A poller stopped by a context deadline", chapter = "guide",
           concept = "A context carries a cancellation (here a deadline) to every task that watches ctx:done().",
           watch = "The poller wakes at every tick until the request context's deadline closes its done channel." }

local ctx, cancel = context.with_timeout(context.background(), 250 * ms, "request")
local result = chan(0, "result")

go("poller", function()
  local tick = ticker(100 * ms)
  while true do
    local stop = select {
      on_recv(tick, function(t) print(t, "poll") end),
      on_recv(ctx:done(), function() return true end),
    }
    if stop then break end
  end
  tick:stop()                               -- a ticker runs until stopped
  result:send(ctx:err())
end)

local err = result:recv()
print(now(), "poller stopped:", err)
cancel()                                    -- always call cancel (here: the deadline came first)
