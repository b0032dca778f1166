// Host: placeholder until the module lands.
