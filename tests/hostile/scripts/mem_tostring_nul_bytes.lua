-- Attacks: a display quoted before it is cut. tostring of a table holding 40 MiB of NUL bytes
-- quoted each byte as \x00 (four times the size) before cutting it to 4 KiB: 150 MiB of them
-- took 1.2 GB.
-- Expect: the display is cut before it is quoted, saying how much was left out; the script then
-- fails on purpose with what it saw.
--! args: --limit-memory 128
--! diag: display of 41943040 NUL bytes: 4123 bytes
--! diag: "}… (41,942,017 more bytes)
local s = string.rep("\0", 40 << 20)
local shown = tostring({s})
error("display of " .. #s .. " NUL bytes: " .. #shown .. " bytes, ends " .. shown:sub(-32)) --@
