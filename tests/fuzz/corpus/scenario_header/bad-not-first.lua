local x = 1
scenario { title = "late" }
