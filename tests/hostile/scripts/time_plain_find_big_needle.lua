-- Attacks: a plain find of a 1 MiB needle in a 16 MiB haystack that almost matches at every
-- position (about 10^13 bytes compared), in a loop.
-- Expect: the step budget ends it at the find's line.
--! diag: (in string.find)
local hay = string.rep("a", 16 << 20)
local needle = string.rep("a", 1 << 20) .. "b"
while true do
  local at = hay:find(needle, 1, true) --@
end
