-- Attacks: main failing while 200 tasks are parked on a channel nobody will send on.
-- Expect: main's panic at its line; all 200 parked tasks are torn down, no thread left.
--! diag: main failed on purpose
local never = chan(0, "never")
for i = 1, 200 do
  go("parked", function() never:recv() end)
end
sleep(5)
error("main failed on purpose") --@
