#!/usr/bin/env rendezvous
-- a comment
--[==[ long
comment ]==]
scenario({ title = "a" .. [[b]] .. "\x41\u{48}\z
   c", chapter = "1", n = 0x1p4, m = 1e-3, t = true, nested = { 1, {2, {"x"}}, ["k"] = false } })
