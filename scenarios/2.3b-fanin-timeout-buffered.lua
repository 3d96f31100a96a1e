scenario { title = "Fan-in with a timeout, fixed with a buffer", chapter = "2.3",
           concept = "Give the result channel room for every sender: a late result lands in the buffer and its task exits. No leak.",
           watch = "At 3 s 'fetch 2' puts its result in the buffer nobody reads and finishes; the run ends clean.",
           expect = "never deadlocks" }

local fetches = { { id = 1, latency = 1 * second },
                  { id = 2, latency = 3 * second },   -- too slow: misses the deadline
                  { id = 3, latency = 2 * second } }
-- THE FIX: one slot per sender, so no send can ever block.
local results = chan(#fetches, "results")

for _, f in ipairs(fetches) do
  go("fetch " .. f.id, function()
    sleep(f.latency)
    results:send("task " .. f.id .. " done")   -- never blocks: there is always room
  end)
end

local got = {}
local deadline = after(2500 * ms)
local timedOut = false
while not timedOut and #got < #fetches do
  select {
    on_recv(results, function(v) got[#got + 1] = v end),
    on_recv(deadline, function() timedOut = true end),
  }
end

table.sort(got)
for _, v in ipairs(got) do print(v) end
print(#got .. " of " .. #fetches .. " results before the deadline")

-- Same server as 2.3: at 3 s the late result drops into the buffer and 'fetch 2' ends.
sleep(2 * second)
print("server: still serving")
