// IRInterpreter: placeholder until the module lands.
