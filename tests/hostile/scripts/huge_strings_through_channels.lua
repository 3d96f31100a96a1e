-- Attacks: 16 MiB strings sent through an unbuffered channel 50 times between two tasks, and
-- printed (the display in each event must not copy them whole; 2 prints of 16 MiB pass the
-- output cap of 32 MiB, so only one is printed).
-- Expect: every string arrives whole; the run then fails on purpose at the check's line.
--! diag: received 50 strings of 16777216 bytes
--! quiet
--! heavy
local ch = chan(0, "big")
go("sender", function()
  for i = 1, 50 do ch:send(string.rep(string.rep(string.char(64 + i % 26), 4096), 4096)) end
  ch:close()
end)
local n, size = 0, 0
for s in ch:range() do
  n, size = n + 1, #s
  if n == 10 then print(s) end
end
error("received " .. n .. " strings of " .. size .. " bytes") --@
