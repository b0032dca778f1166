// ARMDecoder: the generated A32/Thumb/VFP/NEON decoders (see Specs/ and Documentation/Decode.md).
