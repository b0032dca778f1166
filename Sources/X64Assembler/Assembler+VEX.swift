// VEX-encoded (AVX) three-operand float arithmetic: dst = src1 op src2 with both sources kept,
// where the two-operand SSE form needs a copy of src1 first whenever src1 stays live (Intel
// SDM Vol. 2, 2.3 "Intel AVX and VEX"). Only the 128-bit (VEX.L = 0) register forms: the JIT
// never writes a YMM register's upper half, so moving between these and legacy SSE
// instructions costs no state transition.
//
//   C5 [R' vvvv' L pp]                        when rm needs no REX.B (xmm0-7), map 0F, W = 0
//   C4 [R' X' B' 00001] [W vvvv' L pp]        otherwise
//   opcode, ModRM (mod = 11, reg = dst, rm = src2)
// R', X', B' and vvvv' are stored inverted; vvvv names src1; pp the implied prefix.

/// The arithmetic row (the opcode byte in map 0F, shared by the SSE and AVX forms).
public enum VEXArithmetic: UInt8, Sendable {
    case add = 0x58, mul = 0x59, sub = 0x5C, min = 0x5D, div = 0x5E, max = 0x5F
}

/// The operand shape, as the implied prefix (pp): packed single (none), packed double (66),
/// scalar single (F3), scalar double (F2).
public enum VEXForm: UInt8, Sendable {
    case ps = 0, pd = 1, ss = 2, sd = 3
}

extension Assembler {
    /// `V<op><form> dst, src1, src2`, e.g. `vmulsd xmm10, xmm12, xmm13`.
    public mutating func vex(_ op: VEXArithmetic, _ form: VEXForm, _ dst: XMM, _ src1: XMM, _ src2: XMM) {
        let r: UInt8 = dst.index & 8 == 0 ? 0x80 : 0
        let vvvv = (~src1.index & 0xF) << 3
        if src2.index & 8 == 0 {
            buffer.emit8(0xC5)
            buffer.emit8(r | vvvv | form.rawValue)
        } else {
            buffer.emit8(0xC4)
            buffer.emit8(r | 0x40 | 0x01)  // X' set (no index), B' clear (rm is xmm8-15), map 0F
            buffer.emit8(vvvv | form.rawValue)
        }
        buffer.emit8(op.rawValue)
        buffer.emit8(0xC0 | (dst.index & 7) << 3 | src2.index & 7)
    }
}
