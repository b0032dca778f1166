// X64Backend: placeholder until the module lands.
