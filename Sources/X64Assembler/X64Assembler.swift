// X64Assembler: placeholder until the module lands.
