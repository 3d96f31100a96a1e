-- Attacks: a loop that calls the API only through calls that never block or record anything
-- (len, cap, now, rand): each call used to reset the step budget, so the loop ran forever.
-- Expect: the step budget ends it at the loop's line.
--! diag: instructions without reaching a synchronization point
local ch = chan(4)
while true do
  local busy = ch:len() + ch:cap() + now() + rand(10) --@
end
