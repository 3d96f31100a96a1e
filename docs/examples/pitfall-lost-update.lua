scenario { title = "Pitfall: a lost update", chapter = "guide",
           watch = "Run with --preempt line: a task can be switched out between reading and writing hits." }
local hits = 0                              -- shared, and no lock
local wg = waitgroup("wg")
for i = 1, 2 do
  wg:add(1)
  go("counter " .. i, function()
    for _ = 1, 3 do
      local seen = hits                     -- read...
      hits = seen + 1                       -- ...write: another task may have written between
    end
    wg:done()
  end)
end
wg:wait()
print("hits:", hits, "of 6")
