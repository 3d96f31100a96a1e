scenario { title = f() }
