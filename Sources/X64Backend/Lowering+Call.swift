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
        callHelper(address: op.imm, op.a, op.b, op.c)
        if !op.dst.isNone {
            if op.type.isFloat {
                let x = resultXMM(op.dst, scratch: .xmm15)
                a.movq(x, GPR.rax)
                store(op.dst, fromXMM: x)
            } else {
                if op.type.bits == 32 { a.mov(GPR.rax.dword, .eax) }
                store(op.dst, from: .rax)
            }
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
    private mutating func passThroughSlot(_ v: Value, _ i: Int) {
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
