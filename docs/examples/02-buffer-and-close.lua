scenario { title = "A producer, a buffer and close", chapter = "guide",
           concept = "A buffered channel lets the producer run ahead; close says there is no more.",
           watch = "producer fills both slots of jobs, then blocks on its third send until main receives." }

local jobs = chan(2, "jobs")                -- room for two values
go("producer", function()
  for i = 1, 4 do
    jobs:send(i)                            -- blocks only while both slots are full
  end
  jobs:close()                              -- no more values
end)

sleep(10 * ms)                              -- the producer runs ahead meanwhile
print("in the buffer:", jobs:len(), "of", jobs:cap())
for v in jobs:range() do                    -- receives until closed and drained
  print("got", v)
end
print("after close:", jobs:recv())          -- a closed, drained channel: nil, false
