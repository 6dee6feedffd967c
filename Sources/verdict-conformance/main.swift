print("verdict-conformance: not built yet")
