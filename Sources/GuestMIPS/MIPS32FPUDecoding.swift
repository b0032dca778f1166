// The FPU visitor (MIPS32FPU.decode): COP1 and COP1X. (Not yet implemented: every FPU
// instruction is reserved for now.)

import IR
import MIPSDecoder

struct MIPS32FPUDecoding {
    var t: Translator
    mutating func MFC1(rt: UInt32, fs: UInt32) -> Bool { false }
    mutating func CFC1(rt: UInt32, fs: UInt32) -> Bool { false }
    mutating func MFHC1(rt: UInt32, fs: UInt32) -> Bool { false }
    mutating func MTC1(rt: UInt32, fs: UInt32) -> Bool { false }
    mutating func CTC1(rt: UInt32, fs: UInt32) -> Bool { false }
    mutating func MTHC1(rt: UInt32, fs: UInt32) -> Bool { false }
    mutating func BC1F(cc: UInt32, offset: UInt32) -> Bool { false }
    mutating func BC1T(cc: UInt32, offset: UInt32) -> Bool { false }
    mutating func BC1FL(cc: UInt32, offset: UInt32) -> Bool { false }
    mutating func BC1TL(cc: UInt32, offset: UInt32) -> Bool { false }
    mutating func ADD_fmt(ft: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func SUB_fmt(ft: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func MUL_fmt(ft: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func DIV_fmt(ft: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func SQRT_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func ABS_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func MOV_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func NEG_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func ROUND_L_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func TRUNC_L_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func CEIL_L_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func FLOOR_L_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func ROUND_W_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func TRUNC_W_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func CEIL_W_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func FLOOR_W_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func MOVF_fmt(cc: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func MOVT_fmt(cc: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func MOVZ_fmt(rt: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func MOVN_fmt(rt: UInt32, fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func RECIP_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func RSQRT_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func CVT_S_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func CVT_D_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func CVT_W_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func CVT_L_fmt(fs: UInt32, fd: UInt32, fmt: UInt32) -> Bool { false }
    mutating func C_cond_fmt(ft: UInt32, fs: UInt32, cc: UInt32, cond: UInt32, fmt: UInt32) -> Bool { false }
    mutating func LWXC1(base: UInt32, index: UInt32, fd: UInt32) -> Bool { false }
    mutating func LDXC1(base: UInt32, index: UInt32, fd: UInt32) -> Bool { false }
    mutating func LUXC1(base: UInt32, index: UInt32, fd: UInt32) -> Bool { false }
    mutating func SWXC1(base: UInt32, index: UInt32, fs: UInt32) -> Bool { false }
    mutating func SDXC1(base: UInt32, index: UInt32, fs: UInt32) -> Bool { false }
    mutating func SUXC1(base: UInt32, index: UInt32, fs: UInt32) -> Bool { false }
    mutating func PREFX(base: UInt32, index: UInt32, hint: UInt32) -> Bool { false }
    mutating func MADD_fmt(fr: UInt32, ft: UInt32, fs: UInt32, fd: UInt32, fmt3: UInt32) -> Bool { false }
    mutating func MSUB_fmt(fr: UInt32, ft: UInt32, fs: UInt32, fd: UInt32, fmt3: UInt32) -> Bool { false }
    mutating func NMADD_fmt(fr: UInt32, ft: UInt32, fs: UInt32, fd: UInt32, fmt3: UInt32) -> Bool { false }
    mutating func NMSUB_fmt(fr: UInt32, ft: UInt32, fs: UInt32, fd: UInt32, fmt3: UInt32) -> Bool { false }
}

extension MIPS32FPUDecoding: MIPS32FPUVisitor {}

extension MIPS32Decoding {
    mutating func LWC1(base: UInt32, ft: UInt32, offset: UInt32) -> Bool { false }
    mutating func LDC1(base: UInt32, ft: UInt32, offset: UInt32) -> Bool { false }
    mutating func SWC1(base: UInt32, ft: UInt32, offset: UInt32) -> Bool { false }
    mutating func SDC1(base: UInt32, ft: UInt32, offset: UInt32) -> Bool { false }
}
