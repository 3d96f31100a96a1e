scenario { title = "Decoupling through a queue", chapter = "5",
           concept = "The checkout puts an event on a buffered queue and answers the customer at once; a slower logistics worker drains the queue at its own pace.",
           watch = "The queue's buffer fills while checkout accepts an order every 100 ms and logistics ships one every 270 ms; checkout never blocks.",
           expect = "never deadlocks" }

local queue = chan(4, "order events")   -- the buffer absorbs bursts
local drained = chan(0, "drained")

go("logistics", function()
  for order in queue:range() do          -- until the queue is closed and empty
    sleep(270 * ms)                      -- shipping is slow
    print("logistics: shipped order " .. order)
  end
  drained:close()
end)

for order = 1, 6 do
  queue:send(order)                      -- only blocks if 4 events are already waiting
  print("checkout: order " .. order .. " accepted")
  sleep(100 * ms)                        -- the next customer
end
queue:close()                            -- no more orders: logistics finishes what is queued
print("checkout: closed for the day")
drained:recv()
print("logistics: queue drained")
