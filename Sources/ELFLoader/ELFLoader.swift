// ELFLoader: placeholder until the module lands.
