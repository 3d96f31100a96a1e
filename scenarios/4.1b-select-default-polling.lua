scenario { title = "select with default: polling without blocking", chapter = "4.1",
           concept = "A select with a default case never blocks: if no channel is ready, default runs and the task gets on with other work.",
           watch = "main polls status every 100 ms without ever blocking on it; the fourth poll after the job finished gets the message.",
           expect = "never deadlocks" }

local status = chan(1, "status")
go("job", function()
  sleep(350 * ms)
  status:send("job finished")
end)

local polls = 0
while true do
  local msg = select {
    on_recv(status, function(v) return v end),
    default = function() return nil end,   -- nothing ready: do not wait
  }
  if msg then
    print(msg)
    break
  end
  polls = polls + 1
  print("poll " .. polls .. ": nothing yet, doing other work")
  sleep(100 * ms)        -- the "other work"
end
