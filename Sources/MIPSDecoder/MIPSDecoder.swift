// MIPSDecoder: the generated MIPS32 Release 2 decoders (see Specs/ and Documentation/Decode.md).
