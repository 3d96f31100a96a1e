-- select picks among ready cases at random: over 200 rounds both cases are chosen.
--! outcome: ok
local a, b = chan(1), chan(1)
local seen = { a = 0, b = 0 }
for i = 1, 200 do
  a:send(1)
  b:send(2)
  local which = select {
    on_recv(a, function() return "a" end),
    on_recv(b, function() return "b" end),
  }
  seen[which] = seen[which] + 1
  -- drain the other
  select { on_recv(a, function() end), on_recv(b, function() end) }
end
print(seen.a > 20, seen.b > 20, seen.a + seen.b)
--> true\ttrue\t200
