-- A goroutine that panics at once while main prints and returns: Go mostly ends the program
-- first (exit 0); at GOMAXPROCS=2 the goroutine sometimes panics before the exit completes.
go(function()
  panic("too late")
end)
print("main done")
