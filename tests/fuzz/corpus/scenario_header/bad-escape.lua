scenario { title = "\q" }
