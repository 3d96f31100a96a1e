-- A select with two ready cases picks one uniformly at random, whatever the scheduler does.
local a, b = chan(1), chan(1)
a:send("a")
b:send("b")
select {
  on_recv(a, function(v) print(v) end),
  on_recv(b, function(v) print(v) end),
}
