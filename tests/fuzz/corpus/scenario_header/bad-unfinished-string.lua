scenario { title = "unfinished
