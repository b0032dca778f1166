// IRPasses: placeholder until the module lands.
