// T32 coprocessor instructions outside CP15's user registers and the VFP/NEON space: none of
// them exist in user mode on an ARMv7-A Linux system, so each is UNDEFINED (SIGILL).

import ARMDecoder

extension T32Decoding {
    mutating func LDC_lit(P: UInt32, U: UInt32, D: UInt32, W: UInt32, CRd: UInt32, coproc: UInt32, imm8: UInt32) -> Bool { false }
    mutating func LDC_imm(P: UInt32, U: UInt32, D: UInt32, W: UInt32, Rn: UInt32, CRd: UInt32, coproc: UInt32, imm8: UInt32) -> Bool { false }
    mutating func STC(P: UInt32, U: UInt32, D: UInt32, W: UInt32, Rn: UInt32, CRd: UInt32, coproc: UInt32, imm8: UInt32) -> Bool { false }
    mutating func CDP(opc1: UInt32, CRn: UInt32, CRd: UInt32, coproc: UInt32, opc2: UInt32, CRm: UInt32) -> Bool { false }
    mutating func MCRR2(Rt2: UInt32, Rt: UInt32, coproc: UInt32, opc1: UInt32, CRm: UInt32) -> Bool { false }
    mutating func MRRC2(Rt2: UInt32, Rt: UInt32, coproc: UInt32, opc1: UInt32, CRm: UInt32) -> Bool { false }
    mutating func LDC2_lit(P: UInt32, U: UInt32, D: UInt32, W: UInt32, CRd: UInt32, coproc: UInt32, imm8: UInt32) -> Bool { false }
    mutating func LDC2_imm(P: UInt32, U: UInt32, D: UInt32, W: UInt32, Rn: UInt32, CRd: UInt32, coproc: UInt32, imm8: UInt32) -> Bool { false }
    mutating func STC2(P: UInt32, U: UInt32, D: UInt32, W: UInt32, Rn: UInt32, CRd: UInt32, coproc: UInt32, imm8: UInt32) -> Bool { false }
    mutating func CDP2(opc1: UInt32, CRn: UInt32, CRd: UInt32, coproc: UInt32, opc2: UInt32, CRm: UInt32) -> Bool { false }
    mutating func MCR2(opc1: UInt32, CRn: UInt32, Rt: UInt32, coproc: UInt32, opc2: UInt32, CRm: UInt32) -> Bool { false }
    mutating func MRC2(opc1: UInt32, CRn: UInt32, Rt: UInt32, coproc: UInt32, opc2: UInt32, CRm: UInt32) -> Bool { false }
}
