scenario { title = "Deadlock gallery: range over a channel nobody closes", chapter = "2.2",
           concept = "`for v := range ch` ends only when ch is closed; a producer that forgets close() leaves the reader waiting forever.",
           watch = "main gets 1, 2, 3 and then stays blocked on numbers after the producer has finished.",
           expect = "deadlocks" }

local numbers = chan(0, "numbers")

go("producer", function()
  for i = 1, 3 do
    numbers:send(i)
  end
  -- BUG: missing `numbers:close()`. The fix is this one line.
end)

for v in numbers:range() do   -- receives until numbers is closed and drained
  print("got " .. v)
end
print("all numbers read")     -- never reached
