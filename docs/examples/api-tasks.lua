scenario { title = "API: tasks", chapter = "guide" }
local done = chan(1, "done")                -- a slot: a sender never waits, so it ends before main
local h = go("greeter", function(greeting, who)     -- go greeter("hello", "world")
  done:send(greeting .. ", " .. who)
end, "hello", "world")
print(h:id(), h:name(), tostring(h))
print(done:recv())
local anonymous = go(function() done:send("unnamed") end)
print(anonymous:name(), done:recv())        -- an unnamed task is named after its line
