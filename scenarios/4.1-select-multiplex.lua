scenario { title = "select: listening to several sources", chapter = "4.1",
           concept = "select waits on many channels at once and takes whichever is ready; when several are ready it picks one at random.",
           watch = "At 200 ms both channels hold a message; select picks either one first. Run with other seeds: two orders.",
           expect = "never deadlocks" }

local email = chan(1, "email")
local sms = chan(1, "sms")

go("email service", function() sleep(100 * ms); email:send("email: welcome aboard") end)
go("sms service", function() sleep(100 * ms); sms:send("sms: your code is 1234") end)

sleep(200 * ms)          -- by now both messages are waiting
for _ = 1, 2 do
  select {               -- both cases ready: Go chooses uniformly at random
    on_recv(email, function(msg) print(msg) end),
    on_recv(sms, function(msg) print(msg) end),
  }
end
