print("verdict: not built yet")
