--[[ never closed
scenario { title = "x" }
