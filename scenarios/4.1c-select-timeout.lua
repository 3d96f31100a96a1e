scenario { title = "select with a timeout", chapter = "4.1",
           concept = "Race the reply against after(d): whichever comes first wins, so a slow service cannot hold the caller forever.",
           watch = "The fast service answers before its timer; for the slow one the after() channel fires first at 1 s.",
           expect = "never deadlocks" }

-- Calls a simulated service and waits at most `timeout` for its reply.
local function call(name, latency, timeout)
  local reply = chan(1, name .. " reply")   -- buffered: a late reply must not block the service
  go(name, function()
    sleep(latency)
    reply:send(name .. ": answered")
  end)
  return select {
    on_recv(reply, function(v) return v end),
    on_recv(after(timeout), function() return name .. ": timeout, no answer within 1 s" end),
  }
end

print(call("fast service", 500 * ms, 1 * second))
print(call("slow service", 3 * second, 1 * second))

-- main carries on; at 4 s the slow reply drops into its buffer and that task ends.
sleep(3 * second)
print("main: done")
