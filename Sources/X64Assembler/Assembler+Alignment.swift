// Padding: the multi-byte NOPs the Intel SDM recommends (NOP, Vol. 2B, "Recommended
// Multi-Byte Sequence of NOP Instruction"), one instruction per up to 9 bytes, so padding
// that runs costs one decode slot, not one per byte.

extension Assembler {
    /// The recommended NOP of `count` (1-8) bytes, first byte in the low bits. The 9-byte one
    /// is 66 before the 8-byte one. (A switch, not an array: no lazy global, no bounds check.)
    @inline(__always)
    static func nopSequence(_ count: Int) -> UInt64 {
        switch count {
        case 1: 0x90                                // 90
        case 2: 0x90_66                             // 66 90
        case 3: 0x00_1F_0F                          // 0F 1F 00: nop dword [rax]
        case 4: 0x00_40_1F_0F                       // 0F 1F 40 00: [rax+disp8]
        case 5: 0x00_00_44_1F_0F                    // 0F 1F 44 00 00: [rax+rax*1+disp8]
        case 6: 0x00_00_44_1F_0F_66                 // 66 0F 1F 44 00 00
        case 7: 0x00_00_00_00_80_1F_0F              // 0F 1F 80 00 00 00 00: [rax+disp32]
        default: 0x00_00_00_00_00_84_1F_0F          // 0F 1F 84 00 00 00 00 00: [rax+rax*1+disp32]
        }
    }

    /// `length` bytes of NOPs: as many 9-byte ones as fit, then one of the rest.
    public mutating func nop(length: Int) {
        var left = length
        while left > 0 {
            let chunk = min(left, 9)
            if chunk == 9 { buffer.emit8(0x66) }
            let count = min(chunk, 8)
            buffer.emit(Assembler.nopSequence(count), byteCount: count)
            left -= chunk
        }
    }

    /// Pads with NOPs to a multiple of `boundary` (a power of two), e.g. 16 for a loop head or
    /// a block entry.
    public mutating func align(_ boundary: Int) {
        precondition(boundary > 0 && boundary & (boundary - 1) == 0, "alignment must be a power of two")
        let misalignment = position & (boundary - 1)
        if misalignment != 0 { nop(length: boundary - misalignment) }
    }
}
