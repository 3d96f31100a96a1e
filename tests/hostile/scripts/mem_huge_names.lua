-- Attacks: memory outside Lua: tasks, channels and notes named with 8 MiB strings (names and
-- notes are copied into the event log, which the Lua memory cap does not see).
-- Expect: long texts are shortened in events; the run then fails on purpose.
--! diag: names survived
local name = string.rep("n", 8 << 20)
for i = 1, 100 do
  local ch = chan(1, name)
  note(name)
  go(name, function() ch:send(i) end)
  ch:recv()
end
error("names survived") --@
