scenario { title = "Fan-in with a timeout", chapter = "guide",
           concept = "select waits on several channels at once; after() is a channel that fires once.",
           watch = "main sits in select until a reply or the deadline comes; fetch 3 is too late." }

local replies = chan(3, "replies")          -- one slot per fetch: a late one never blocks
for i, delay in ipairs({ 30, 60, 200 }) do
  go("fetch " .. i, function()
    sleep(delay * ms)
    replies:send("reply " .. i)
  end)
end

local deadline = after(100 * ms)            -- one timer for the whole wait
local got = 0
while got < 3 do
  local timed_out = select {
    on_recv(replies, function(v) print(now(), v); got = got + 1 end),
    on_recv(deadline, function() print(now(), "timeout"); return true end),
  }
  if timed_out then break end
end
print("got", got, "of 3")
