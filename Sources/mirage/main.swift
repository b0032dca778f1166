print("mirage: not built yet")
