scenario { title = "Pitfall: a task nobody waits for", chapter = "guide" }
local replies = chan(0, "replies")          -- unbuffered: a send needs a receiver
for i = 1, 2 do
  go("fetch " .. i, function()
    replies:send("reply " .. i)             -- the second sender waits here forever
  end)
end
replies:recv()                              -- main takes one reply only...
print("main returns")                       -- ...and returns
