// Loading constants into registers in the fewest bytes. MOV never touches the flags, so these
// can sit between a compare and its branch; zeroing with XOR would not.

extension Assembler {
    /// `dst = value` in the shortest MOV: `B8+rd id` (5-6 bytes, zero-extends) when it fits
    /// 32 bits, `REX.W C7 /0 id` (7 bytes, sign-extends) when it is a negative 32-bit value,
    /// else `REX.W B8+rd io` (10 bytes).
    public mutating func mov(_ dst: GPR, _ value: UInt64) {
        if let low = UInt32(exactly: value) {
            mov(dst.dword, imm32: low)
        } else if let signed = Int32(exactly: Int64(bitPattern: value)) {
            mov(dst, imm32: signed)
        } else {
            mov(dst, imm64: value)
        }
    }

    /// `dst = value` (`B8+rd id`); the upper 32 bits of the register become zero.
    public mutating func mov(_ dst: GPR32, _ value: UInt32) {
        mov(dst, imm32: value)
    }
}
