print("decodegen: not written yet")
