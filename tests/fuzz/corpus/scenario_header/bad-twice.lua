scenario { title = "x", title = "y" }
