scenario { title = "Pipeline A -> B -> C with acknowledgements flowing back", chapter = "2.4",
           concept = "Each stage passes work forward on one channel and gets a confirmation back on another, so the producer knows every item was stored.",
           watch = "Arrows go right (A->B->C) with the item, then left (C->B->A) with its ack; A sends the next item only after the ack.",
           expect = "never deadlocks" }

-- The seed's snippet sends and receives on ONE channel (ch <- task; reply := <-ch). That works
-- for two parties; with three, a reply can be taken by the wrong stage. So: one channel per
-- direction and per hop.
local toB   = chan(0, "A->B")       -- work flows forward ...
local toC   = chan(0, "B->C")
local ackB  = chan(0, "C->B ack")   -- ... confirmations flow back
local ackA  = chan(0, "B->A ack")
local done  = chan(0, "done")

go("A producer", function()
  for i = 1, 3 do
    local item = "item" .. i
    toB:send(item)
    local ack = ackA:recv()         -- wait until the whole pipeline confirmed this item
    print("A: " .. ack)
  end
  toB:close()                       -- no more work: B's range ends
end)

go("B processor", function()
  for item in toB:range() do
    toC:send(string.upper(item))    -- process, pass forward
    local ack = ackB:recv()         -- C confirmed ...
    ackA:send(ack)                  -- ... pass the confirmation back to A
  end
  toC:close()
end)

go("C store", function()
  for item in toC:range() do
    print("C: stored " .. item)
    ackB:send("ack " .. item)       -- confirm upstream
  end
  done:close()
end)

done:recv()                         -- main waits until C has stored everything
print("pipeline drained")
