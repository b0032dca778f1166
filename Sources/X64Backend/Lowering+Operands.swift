// Getting operands into registers and results out of them. Spilled values live in 8-byte
// slots at [rsp + 8k]; i32 values are kept zero-extended everywhere (every 32-bit x86
// operation that writes a register clears bits 32-63), so moves are always 64-bit.

import IR
import X64Assembler

extension X64Compiler {
    static func slotAddress(_ slot: Int) -> Int32 { Int32(slot * 8) }

    func isInline(_ v: Value) -> Bool { values[slot(v)].isInline }
    func constantValue(_ v: Value) -> UInt64? {
        let info = values[slot(v)]
        return info.isInline ? info.constant : nil
    }

    /// An integer value in a register: its own, or loaded into `scratch`.
    mutating func gpr(_ v: Value, into scratch: GPR) -> GPR {
        if let k = constantValue(v) {
            a.mov(scratch, k)
            return scratch
        }
        switch location(v) {
        case .gpr(let r): return GPR(r)
        case .slot(let s):
            a.mov(scratch, .qword(.rsp, Self.slotAddress(s)))
            return scratch
        case .state(let offset):
            if valueTypes[Int(v.index)].bits == 32 { a.mov(scratch.dword, .dword(JITABI.stateRegister, offset)) }
            else { a.mov(scratch, .qword(JITABI.stateRegister, offset)) }
            return scratch
        case .xmm(let x):
            a.movq(scratch, XMM(x))
            return scratch
        case nil:
            // A value with no location is never live; reading it gives 0 as the interpreter's
            // zeroed registers would (only invalid IR does this).
            a.xor(scratch.dword, scratch.dword)
            return scratch
        }
    }

    /// `v` into exactly `r`.
    mutating func load(_ v: Value, to r: GPR) {
        let s = gpr(v, into: r)
        if s != r { a.mov(r, s) }
    }

    /// The register a result is computed in: its own when it has one, else `scratch`.
    func resultRegister(_ v: Value, scratch: GPR) -> GPR {
        if case .gpr(let r) = location(v) { return GPR(r) }
        return scratch
    }

    /// Puts a result computed in `r` where `v` lives.
    mutating func store(_ v: Value, from r: GPR) {
        switch location(v) {
        case .gpr(let d): if d != r.index { a.mov(GPR(d), r) }
        case .slot(let s): a.mov(.qword(.rsp, Self.slotAddress(s)), r)
        case .xmm(let x): a.movq(XMM(x), r)
        case .state, nil: break  // a state-homed value is only defined by its load_state
        }
    }

    // MARK: Floats

    /// A float value in an XMM register: its own, or loaded into `scratch`.
    mutating func xmm(_ v: Value, into scratch: XMM) -> XMM {
        switch location(v) {
        case .xmm(let x): return XMM(x)
        case .slot(let s):
            a.movsd(scratch, .qword(.rsp, Self.slotAddress(s)))
            return scratch
        case .state(let offset):
            if valueTypes[Int(v.index)].bits == 32 { a.movss(scratch, .dword(JITABI.stateRegister, offset)) }
            else { a.movsd(scratch, .qword(JITABI.stateRegister, offset)) }
            return scratch
        case .gpr(let r):
            a.movq(scratch, GPR(r))
            return scratch
        case nil:
            a.xorps(scratch, scratch)
            return scratch
        }
    }

    func resultXMM(_ v: Value, scratch: XMM) -> XMM {
        if case .xmm(let x) = location(v) { return XMM(x) }
        return scratch
    }

    mutating func store(_ v: Value, fromXMM x: XMM) {
        switch location(v) {
        case .xmm(let d): if d != x.index { a.movaps(XMM(d), x) }
        case .slot(let s): a.movsd(.qword(.rsp, Self.slotAddress(s)), x)
        case .gpr(let r): a.movq(GPR(r), x)
        case .state, nil: break
        }
    }
}
