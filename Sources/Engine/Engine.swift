// Engine: placeholder until the module lands.
