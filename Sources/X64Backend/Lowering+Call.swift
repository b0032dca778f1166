// Helper calls: the SysV ABI with the guest state first. Values that live across a call are in
// callee-saved registers or slots (the allocator sees to it), so nothing is saved here; the
// arguments go through the three call slots at the top of the spill area, which turns any
// permutation of source registers into plain moves.

import IR
import X64Assembler

extension X64Compiler {
    /// The spill slots reserved for passing helper arguments.
    static let callSlots = [JITABI.spillSlots - 3, JITABI.spillSlots - 2, JITABI.spillSlots - 1]

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
        let arguments = [x, y, z]
        for (i, v) in arguments.enumerated() where !v.isNone {
            let r = valueTypes[Int(v.index)].isFloat ? floatBits(v, into: .rax) : gpr(v, into: .rax)
            a.mov(.qword(.rsp, Self.slotAddress(Self.callSlots[i])), r)
        }
        let registers: [GPR] = [.rsi, .rdx, .rcx]
        for (i, v) in arguments.enumerated() {
            if v.isNone { a.xor(registers[i].dword, registers[i].dword) } else {
                a.mov(registers[i], .qword(.rsp, Self.slotAddress(Self.callSlots[i])))
            }
        }
        a.mov(GPR.rdi, JITABI.stateRegister)
        a.mov(GPR.rax, address)
        a.call(GPR.rax)
    }
}
