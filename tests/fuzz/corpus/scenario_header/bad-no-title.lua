scenario { chapter = "1" }
