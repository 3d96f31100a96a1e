scenario { title = "A rare deadlock: a lock-order inversion in a narrow window",
           chapter = "teaching",
           concept = "Two tasks take the same two locks in opposite orders; it only deadlocks when both are between their two lock calls at the same moment.",
           watch = "Most schedules finish: transfer and report rarely hold their first lock at the same time.",
           expect = "may deadlock" }

local accounts = mutex("accounts")
local audit = mutex("audit")
local log = chan(100, "log")          -- room for every line: a send here never blocks
local wg = waitgroup("both")
wg:add(2)

local function work(who, steps)       -- other work: each send is a point where tasks may switch
  for i = 1, steps do log:send(who .. " " .. i) end
end

go("transfer", function()
  work("transfer", 20)
  accounts:lock()                     -- accounts, then audit
  audit:lock()
  audit:unlock()
  accounts:unlock()
  work("transfer", 20)
  wg:done()
end)

go("report", function()
  work("report", 10)
  audit:lock()                        -- BUG: audit, then accounts
  accounts:lock()
  accounts:unlock()
  audit:unlock()
  work("report", 30)
  wg:done()
end)

wg:wait()
print("both finished")
