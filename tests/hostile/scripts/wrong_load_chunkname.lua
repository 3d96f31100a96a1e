-- Attacks: load(..., "@wrong_load_chunkname.lua"): the loaded chunk's error named line 11 of
-- this 7-line file, as if it were the scenario's own line.
-- Expect: the chunk is named as a string ([string "..."]:11); the scenario's line is the call.
--! diag: [string "wrong_load_chunkname.lua"]:11: inside the loaded chunk
local chunk = string.rep("local x = 1\n", 10) .. "error('inside the loaded chunk')"
local f = load(chunk, "@wrong_load_chunkname.lua")
f() --@
