-- Attacks: arithmetic on nil inside a task, with other tasks parked on a WaitGroup.
-- Expect: a panic naming the line of the arithmetic.
--! diag: attempt to perform arithmetic on a nil value
local wg = waitgroup("wg")
local total
for i = 1, 5 do
  wg:add(1)
  go("adder", function()
    sleep(i)
    total = total + i --@
    wg:done()
  end)
end
wg:wait()
