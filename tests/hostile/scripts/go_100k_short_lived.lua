-- Attacks: 100,000 go() calls of tasks that return at once (in controlled mode go() is not a
-- scheduling point, so they pile up before any of them runs).
-- Expect: the task cap at the go() line.
--! diag: too many tasks
--! threads
for i = 1, 100000 do
  go(function() end) --@
end
