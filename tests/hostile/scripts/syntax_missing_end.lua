-- Attacks: the parser with a function that is never closed.
-- Expect: a syntax error naming the line where the file ends ('end' expected).
--! diag: 'end' expected
local function worker(ch)
  for i = 1, 3 do
    ch:send(i)
  end
--@ (the file ends here, inside worker)