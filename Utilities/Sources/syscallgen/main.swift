print("syscallgen: not written yet")
