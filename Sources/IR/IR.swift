// IR: placeholder until the module lands.
