-- Attacks: the sandbox, by running a file from disk with dofile and loadfile.
-- Expect: both refused; dofile as an error at its line.
--! diag: dofile is not available in scenarios
print(pcall(loadfile, "/etc/passwd"))
dofile("/etc/passwd") --@
