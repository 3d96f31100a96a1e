scenario { title = "Buffered channel: the sender runs ahead", chapter = "2.1",
           concept = "A buffered channel lets the sender go on until the buffer is full; then it blocks like an unbuffered one.",
           watch = "Values 1 and 2 wait in mailbox's buffer while main sleeps; the sender blocks on 3 until main takes one.",
           expect = "never deadlocks" }

local mailbox = chan(2, "mailbox")   -- make(chan int, 2): room for two values
local done = chan(0, "done")

go("sender", function()
  for i = 1, 3 do
    mailbox:send(i)   -- 1 and 2 go into the buffer at once; 3 finds it full and waits
    print("sender: sent " .. i)
  end
  done:close()        -- tell main the sender has finished
end)

sleep(1 * second)     -- main is busy: nobody receives yet
print("main: awake after 1 s, receiving")
local got = {}
for _ = 1, 3 do
  got[#got + 1] = mailbox:recv()   -- the first recv makes room: the blocked send completes
end
done:recv()           -- returns (nil, false) once the sender closed it
print("main: received " .. table.concat(got, " "))
