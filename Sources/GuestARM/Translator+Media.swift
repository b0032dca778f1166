// Media instructions through helpers: parallel add/subtract, saturation, SEL, USAD8
// (ARM ARM A5.4, A6.3.13-16).

import IR

/// Prefix of a parallel add/subtract: the helper's code (ARMHelpers.parallel).
enum ParallelPrefix: UInt32 { case s = 1, q = 2, sh = 3, u = 5, uq = 6, uh = 7 }
/// Operation of a parallel add/subtract.
enum ParallelOp: UInt32 { case add16 = 0, asx = 1, sax = 2, sub16 = 3, add8 = 4, sub8 = 7 }

extension Translator {
    mutating func parallel(_ prefix: ParallelPrefix, _ op: ParallelOp, d: UInt32, n: UInt32, m: UInt32) -> Bool {
        let code = b.const32(prefix.rawValue << 4 | op.rawValue)
        let effects: HelperEffects = prefix == .s || prefix == .u ? .writesState : .pure
        setReg(d, b.call(ARMHelpers.parallel, effects: effects, result: .i32, reg(n), reg(m), code))
        return true
    }

    /// SSAT/USAT Rd, #sat, Rn{, shift}: `bits` is the saturation width.
    mutating func saturate(d: UInt32, n: UInt32, bits: UInt32, unsigned: Bool, shiftType: UInt32, imm5: UInt32) -> Bool {
        let operand = shiftImmediate(reg(n), type: shiftType, imm5: imm5, wantCarry: false).value
        let code = b.const32(bits | (unsigned ? 0x100 : 0))
        setReg(d, b.call(ARMHelpers.saturate, effects: .writesState, result: .i32, operand, b.const32(0), code))
        return true
    }

    mutating func saturate16(d: UInt32, n: UInt32, bits: UInt32, unsigned: Bool) -> Bool {
        let code = b.const32(bits | (unsigned ? 0x100 : 0))
        setReg(d, b.call(ARMHelpers.saturate16, effects: .writesState, result: .i32, reg(n), b.const32(0), code))
        return true
    }

    /// QADD/QSUB/QDADD/QDSUB: Rd = sat(Rm +/- [2 *] Rn).
    mutating func saturatingArithmetic(d: UInt32, n: UInt32, m: UInt32, subtract: Bool, doubling: Bool) -> Bool {
        let code = b.const32((subtract ? 1 : 0) | (doubling ? 2 : 0))
        setReg(d, b.call(ARMHelpers.saturatingArithmetic, effects: .writesState, result: .i32, reg(m), reg(n), code))
        return true
    }

    mutating func selectBytes(d: UInt32, n: UInt32, m: UInt32) -> Bool {
        setReg(d, b.call(ARMHelpers.select, effects: .readsState, result: .i32, reg(n), reg(m)))
        return true
    }

    /// USAD8/USADA8.
    mutating func sumAbsoluteDifferences(d: UInt32, n: UInt32, m: UInt32, a: UInt32?) -> Bool {
        var r = b.call(ARMHelpers.usad8, effects: .pure, result: .i32, reg(n), reg(m))
        if let a { r = b.add(r, reg(a)) }
        setReg(d, r)
        return true
    }
}
