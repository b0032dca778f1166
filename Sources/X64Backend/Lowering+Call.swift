// Helper calls: the SysV ABI with the guest state first. Values that live across a call are in
// callee-saved registers or slots (the allocator sees to it), so nothing is saved here; the
// arguments go through the three call slots at the top of the spill area, which turns any
// permutation of source registers into plain moves.

import IR
import X64Assembler

extension X64Compiler {
    /// The spill slot reserved for passing helper argument `i` (0, 1, 2).
    static func callSlot(_ i: Int) -> Int { JITABI.spillSlots - 3 + i }

    mutating func lowerCall(_ op: Op) {
        if HelperEffects(rawValue: op.aux).contains(.rare) { return lowerRareCall(op) }
        callHelper(address: op.imm, op.a, op.b, op.c)
        storeCallResult(op)
    }

    /// A helper's result, in rax, to the call's result value (if it has one).
    mutating func storeCallResult(_ op: Op) {
        guard !op.dst.isNone else { return }
        if op.type.isFloat {
            let x = resultXMM(op.dst, scratch: .xmm15)
            a.movq(x, GPR.rax)
            store(op.dst, fromXMM: x)
        } else {
            if op.type.bits == 32 { a.mov(GPR.rax.dword, .eax) }
            store(op.dst, from: .rax)
        }
    }

    /// Calls `address(state, a, b, c)`; the result is in rax.
    mutating func callHelper(address: UInt64, _ x: Value, _ y: Value, _ z: Value) {
        passThroughSlot(x, 0)
        passThroughSlot(y, 1)
        passThroughSlot(z, 2)
        loadArgument(x, 0, into: .rsi)
        loadArgument(y, 1, into: .rdx)
        loadArgument(z, 2, into: .rcx)
        a.mov(GPR.rdi, JITABI.stateRegister)
        a.mov(GPR.rax, address)
        a.call(GPR.rax)
    }

    /// Argument `i`'s bits into its call slot (every argument is read before any argument
    /// register is written).
    mutating func passThroughSlot(_ v: Value, _ i: Int) {
        guard !v.isNone else { return }
        let r = valueTypes[Int(v.index)].isFloat ? floatBits(v, into: .rax) : gpr(v, into: .rax)
        a.mov(.qword(.rsp, Self.slotAddress(Self.callSlot(i))), r)
    }

    private mutating func loadArgument(_ v: Value, _ i: Int, into register: GPR) {
        if v.isNone { a.xor(register.dword, register.dword) } else {
            a.mov(register, .qword(.rsp, Self.slotAddress(Self.callSlot(i))))
        }
    }
}

extension X64Compiler {
    /// Bytes below the spill area a rare call saves the allocatable caller-saved registers in:
    /// six general registers, then xmm0-13 whole (they may hold v128 values). A multiple of 16,
    /// so rsp keeps its alignment at the call.
    static var rareSaveArea: Int32 { Int32(Registers.callerSaved.count * 8 + Int(Registers.xmmCount) * 16) }

    /// A helper with `.rare`: the allocator let values live across it in any register, so
    /// every allocatable register the ABI lets the helper clobber is saved below the frame
    /// and restored after it (rax, rcx, rdx and xmm14-15 are scratch). The result waits in rax
    /// until the registers are back, then goes where it lives.
    mutating func lowerRareCall(_ op: Op) {
        passThroughSlot(op.a, 0)
        passThroughSlot(op.b, 1)
        passThroughSlot(op.c, 2)
        let area = Self.rareSaveArea
        a.sub(GPR.rsp, imm32: area)
        for (k, r) in Registers.callerSaved.enumerated() { a.mov(.qword(.rsp, Int32(k * 8)), GPR(r)) }
        let xmmBase = Int32(Registers.callerSaved.count * 8)
        for r in 0..<Registers.xmmCount { a.movups(.xmmword(.rsp, xmmBase + Int32(r) * 16), XMM(r)) }
        let slots = [op.a, op.b, op.c]
        for (i, register) in [GPR.rsi, .rdx, .rcx].enumerated() {
            if slots[i].isNone { a.xor(register.dword, register.dword) } else {
                a.mov(register, .qword(.rsp, area + Self.slotAddress(Self.callSlot(i))))
            }
        }
        a.mov(GPR.rdi, JITABI.stateRegister)
        a.mov(GPR.rax, op.imm)
        a.call(GPR.rax)
        for (k, r) in Registers.callerSaved.enumerated() { a.mov(GPR(r), .qword(.rsp, Int32(k * 8))) }
        for r in 0..<Registers.xmmCount { a.movups(XMM(r), .xmmword(.rsp, xmmBase + Int32(r) * 16)) }
        a.add(GPR.rsp, imm32: area)
        storeCallResult(op)
    }
}
