print("verdict-bench: not built yet")
