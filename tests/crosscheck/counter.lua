-- Ten tasks add under a mutex and with atomic adds; a WaitGroup waits for them.
local mu = mutex()
local wg = waitgroup()
local hits = atomic(0)
local counter = 0
for i = 1, 10 do
  wg:add(1)
  go(function()
    for j = 1, 100 do
      mu:lock()
      counter = counter + 1
      mu:unlock()
      hits:add(1)
    end
    wg:done()
  end)
end
wg:wait()
print("counter " .. counter .. " hits " .. hits:load())
