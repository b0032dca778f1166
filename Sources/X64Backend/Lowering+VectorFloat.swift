// vfadd/vfsub/vfmul on SSE without touching MXCSR. ARM's standard mode (round to nearest,
// subnormals flushed, default NaN) and SSE under the guest's MXCSR agree, flags included,
// whenever MXCSR rounds to nearest and every lane of both operands is a zero or has a biased
// exponent in [65, 189] (magnitude in [2^-62, 2^63)): no NaN, infinity or subnormal goes in;
// (the first check leaves zeros out, which a second one, out of line, lets back in);
// a product lies in [2^-124, 2^126) and a nonzero sum is a multiple of 2^-85 below 2^64, so
// no result is tiny (whatever FTZ says) or overflows, and the only exception left is inexact,
// which SSE raises in MXCSR.PE exactly as the IR defines it. Any other lane, or another
// rounding mode, sends the op to the interpreter's implementation (ReferenceHelpers.vectorFloat).
// Cost per op: about ten one-cycle integer SSE instructions and a branch; no ldmxcsr, and one
// stmxcsr per run of vector float ops (the rounding mode cannot change inside a run).

import IR
import IRInterpreter
import X64Assembler

extension X64Compiler {
    /// The scratch area of the vector float ops: 64 bytes of reserved frame slots holding
    /// operand a (0), operand b (16), the slow path's result (32) and MXCSR (48).
    static var vectorScratch: Int32 { slotAddress(JITABI.spillSlots - JITABI.reservedSlots) }

    /// The range check's constants, 16-byte aligned for SSE memory operands: per dword,
    /// 0xc2000000, then 0x02ffffff, then 0. With m = lane << 1 (the sign dropped, the exponent in the
    /// top byte), m + 0xc2000000 is above 0x02ffffff as a signed dword exactly when the
    /// exponent is in [65, 189]: lower ones stay small or wrap negative (zero and subnormals
    /// among them), higher ones (up to infinities and NaNs) wrap negative.
    static let vectorFloatRangeConstants: UInt = {
        let p = UnsafeMutableRawPointer.allocate(byteCount: 48, alignment: 16)
        for k in 0..<4 {
            p.storeBytes(of: UInt32(0), toByteOffset: 32 + 4 * k, as: UInt32.self)
            p.storeBytes(of: UInt32(0xc200_0000), toByteOffset: 4 * k, as: UInt32.self)
            p.storeBytes(of: UInt32(0x02ff_ffff), toByteOffset: 16 + 4 * k, as: UInt32.self)
        }
        return UInt(bitPattern: p)
    }()

    /// Ops that keep the MXCSR copy at [vectorScratch + 48] current: ones that neither change
    /// MXCSR nor may fault, call, branch or be branched to. Any other ends the run, and the
    /// next vector float op stores MXCSR again.
    static func keepsMXCSRSnapshot(_ opcode: Opcode) -> Bool {
        switch opcode {
        case .vfadd, .vfsub, .vfmul, .vdup, .vinsert, .vextract, .vand, .vor, .vxor, .vandc, .vadd, .vsub, .vmul,
             .vcmpeq, .vcmpgt, .vcmpgtu, .const_, .mov, .loadState, .storeState, .insnStart, .add, .sub, .and, .or,
             .xor, .andc, .orc, .not, .neg, .shl, .shr, .sar, .rotl, .rotr, .extract, .sextract, .deposit, .zext,
             .sext, .trunc, .concat, .ext8s, .ext8u, .ext16s, .ext16u:
            true
        default:
            false
        }
    }

    /// `into` = per dword all ones when the lane of `v` is in the fast range (see above).
    mutating func vectorFloatRangeMask(_ v: Value, into x: XMM) {
        let source = vector(v, into: x)
        if source != x { a.movaps(x, source) }
        a.paddd(x, x)
        a.paddd(x, .xmmword(.rax, 0))
        a.pcmpgtd(x, .xmmword(.rax, 16))
    }

    /// Jumps to `slow` unless every lane of `v` is in the fast range or a zero (the second
    /// chance of an op whose fast check failed: zeros are common, and rarely worth a helper).
    mutating func vectorFloatRangeOrZeroCheck(_ v: Value, else slow: X64Assembler.Label) {
        let source = vector(v, into: .xmm15)
        if source != .xmm15 { a.movaps(.xmm15, source) }
        a.paddd(.xmm15, .xmm15)
        a.movaps(.xmm14, .xmm15)
        a.paddd(.xmm14, .xmmword(.rax, 0))
        a.pcmpgtd(.xmm14, .xmmword(.rax, 16))
        a.pcmpeqd(.xmm15, .xmmword(.rax, 32))
        a.por(.xmm15, .xmm14)
        a.pcmpeqd(.xmm14, .xmm14)
        a.ptest(.xmm15, .xmm14)
        a.jcc(.ae, slow)
    }

    /// vfadd/vfsub/vfmul: the packed op when MXCSR rounds to nearest and every lane passes the
    /// range check (zeros in a second try); else the interpreter's implementation, with every caller-saved register
    /// kept around the call (the slow path is rare: values stay in registers).
    mutating func lowerVectorFloat(_ op: Op) {
        let s = Self.vectorScratch
        let slow = a.makeLabel(), helper = a.makeLabel(), fast = a.makeLabel(), done = a.makeLabel()
        if !mxcsrSnapshotValid {
            a.stmxcsr(.dword(.rsp, s + 48))
            mxcsrSnapshotValid = true
        }
        a.test(.dword(.rsp, s + 48), imm32: 0x6000)  // RC: nearest is 00
        a.jcc(.ne, slow)
        a.mov(GPR.rax, UInt64(Self.vectorFloatRangeConstants))
        vectorFloatRangeMask(op.a, into: .xmm15)
        vectorFloatRangeMask(op.b, into: .xmm14)
        a.pand(.xmm15, .xmm14)
        a.pcmpeqd(.xmm14, .xmm14)
        a.ptest(.xmm15, .xmm14)  // CF: every lane of both in range
        a.jcc(.ae, slow)
        a.bind(fast)
        let y = vector(op.b, into: .xmm14)
        let x = vector(op.a, into: .xmm15)
        if x != .xmm15 { a.movaps(.xmm15, x) }
        switch op.opcode {
        case .vfadd: a.addps(.xmm15, y)
        case .vfsub: a.subps(.xmm15, y)
        default: a.mulps(.xmm15, y)
        }
        a.jmp(done)

        a.bind(slow)
        a.test(.dword(.rsp, s + 48), imm32: 0x6000)
        a.jcc(.ne, helper)
        a.mov(GPR.rax, UInt64(Self.vectorFloatRangeConstants))
        vectorFloatRangeOrZeroCheck(op.a, else: helper)
        vectorFloatRangeOrZeroCheck(op.b, else: helper)
        a.jmp(fast)

        a.bind(helper)
        a.movups(.xmmword(.rsp, s), vector(op.a, into: .xmm15))
        a.movups(.xmmword(.rsp, s + 16), vector(op.b, into: .xmm14))
        let saved: [GPR] = [.rsi, .rdi, .r8, .r9, .r10, .r11]
        let frame: Int32 = 16 * Int32(Registers.xmmCount) + 8 * Int32(saved.count) + 16 - (8 * Int32(saved.count)) % 16
        a.sub(GPR.rsp, frame)
        for k in 0..<Int(Registers.xmmCount) { a.movups(.xmmword(.rsp, Int32(16 * k)), XMM(UInt8(k))) }
        for (k, r) in saved.enumerated() { a.mov(.qword(.rsp, 16 * Int32(Registers.xmmCount) + Int32(8 * k)), r) }
        a.lea(GPR.rsi, Address(.rsp, frame + s))
        a.mov(GPR.rdx.dword, UInt32(op.opcode.rawValue))
        a.mov(GPR.rcx.dword, UInt32(truncatingIfNeeded: op.imm))
        a.mov(GPR.rdi, JITABI.stateRegister)
        a.mov(GPR.rax, helperAddress(ReferenceHelpers.vectorFloat))
        a.call(GPR.rax)
        for k in 0..<Int(Registers.xmmCount) { a.movups(XMM(UInt8(k)), .xmmword(.rsp, Int32(16 * k))) }
        for (k, r) in saved.enumerated() { a.mov(r, .qword(.rsp, 16 * Int32(Registers.xmmCount) + Int32(8 * k))) }
        a.add(GPR.rsp, frame)
        a.movups(.xmm15, .xmmword(.rsp, s + 32))
        a.bind(done)
        store(op.dst, fromVector: .xmm15)
    }
}
