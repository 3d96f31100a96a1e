-- group: the first error cancels the group's context and is what wait() returns.
--! outcome: ok
local g = group()
local ctx = g:context()
local out = chan(3)
g:go(function(c)
  sleep(10 * ms)
  return "fetch failed"
end)
g:go(function(c)
  local r = select {
    on_recv(c:done(), function() return "cancelled: " .. c:err() end),
    on_recv(after(1 * second), function() return "finished" end),
  }
  out:send(r)
end)
g:go(function(c) out:send("quick") end)
print(g:wait())
local first = out:recv()
local lines = { first, (out:recv()) }
table.sort(lines)
print(lines[1], lines[2], ctx:err())
-- without an error: wait returns nil; a group under a parent context
local parent, cancel = context.with_cancel(context.background())
local g2 = group(parent)
local n = atomic(0)
for i = 1, 4 do g2:go(function() n:add(i) end) end
print(g2:wait(), n:load())
cancel()
print(g2:context():err())
-- any value other than nil/false is an error; the first one wins
local g3 = group(nil, "g3")
g3:go(function() sleep(5 * ms); return { code = 2 } end)
g3:go(function() return false end)
print(g3:wait().code, tostring(g3))
--> fetch failed
--> cancelled: context canceled\tquick\tcontext canceled
--> nil\t10
--> context canceled
--> 2\tgroup g3
