-- Attacks: memory from 50 tasks at once, each growing its own table and sleeping between.
-- Expect: the memory limit ends the run (whichever task crosses it), every task torn down.
--! diag: memory limit exceeded
--! line: any
for i = 1, 50 do
  go("hog", function()
    local t = {}
    while true do
      for j = 1, 10 do t[#t + 1] = string.rep("y", 10000) .. j end
      sleep(1)
    end
  end)
end
sleep(60 * second)
