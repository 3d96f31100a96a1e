scenario { title = "Deadlock gallery: lock-order inversion", chapter = "4.2",
           concept = "Two tasks take the same two locks in opposite orders; if each gets its first lock, each waits forever for the other's.",
           watch = "Only some schedules deadlock: try seeds (or the explorer) until transfer holds accounts and waits on audit while report holds audit and waits on accounts.",
           expect = "may deadlock" }

local accounts = mutex("accounts")   -- protects the account balances
local audit = mutex("audit")         -- protects the audit log
local wg = waitgroup("both")
wg:add(2)

go("transfer", function()
  accounts:lock()          -- order: accounts, then audit
  audit:lock()
  print("transfer: moved 10 and logged it")
  audit:unlock()
  accounts:unlock()
  wg:done()
end)

go("report", function()
  audit:lock()             -- BUG: the opposite order: audit, then accounts
  accounts:lock()
  print("report: totals checked against the log")
  accounts:unlock()
  audit:unlock()
  wg:done()
end)

wg:wait()
print("both finished")
-- FIX: agree on one order (accounts before audit) everywhere.
