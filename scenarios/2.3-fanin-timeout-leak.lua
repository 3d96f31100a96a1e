scenario { title = "Fan-in with a timeout, and the leak it causes", chapter = "2.3",
           concept = "Collect what arrives before the deadline; a late sender on an UNBUFFERED channel then blocks forever: a goroutine leak.",
           watch = "At 2.5 s main stops receiving. At 3 s 'fetch 2' sends and stays blocked on results for good: the leak report at the end.",
           expect = "leaks" }

-- Three fetches of different lengths; the whole batch may take at most 2.5 s.
local fetches = { { id = 1, latency = 1 * second },
                  { id = 2, latency = 3 * second },   -- too slow: misses the deadline
                  { id = 3, latency = 2 * second } }
local results = chan(0, "results")   -- BUG: unbuffered. Compare 2.3b, which buffers it.

for _, f in ipairs(fetches) do
  go("fetch " .. f.id, function()
    sleep(f.latency)
    -- Unbuffered: this send needs a receiver. After the deadline there is none, ever.
    results:send("task " .. f.id .. " done")
  end)
end

local got = {}
local deadline = after(2500 * ms)   -- one timer for the whole batch
local timedOut = false
while not timedOut and #got < #fetches do
  select {
    on_recv(results, function(v) got[#got + 1] = v end),
    on_recv(deadline, function() timedOut = true end),
  }
end

table.sort(got)                     -- report in a fixed order, not arrival order
for _, v in ipairs(got) do print(v) end
print(#got .. " of " .. #fetches .. " results before the deadline")

-- The server goes on serving other requests; meanwhile 'fetch 2' wakes up at 3 s and blocks
-- on its send forever. Its stack and memory are never freed.
sleep(2 * second)
print("server: still serving")
