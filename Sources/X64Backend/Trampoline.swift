// The shared code every block uses: the entry trampoline (from Swift into translated code) and
// the exit stub (back out). Written once at the start of the code memory.
//
//   entry(state rdi, memory rsi, jump cache rdx, code rcx) -> (kind rax, payload rdx):
//       push the callee-saved registers, reserve the spill area, pin rdi/rsi, keep rdx in the
//       jump cache slot, jmp rcx
//   exit: release the spill area, pop, ret — rax and rdx are whatever the block left there

import X64Assembler

public struct Trampoline {
    public var bytes: [UInt8]
    /// Offsets of the two entry points in `bytes`.
    public var entryOffset: Int
    public var exitOffset: Int

    public static func make() -> Trampoline {
        var a = Assembler(capacity: 256)
        let entry = a.position
        for r in [GPR.rbp, .rbx, .r12, .r13, .r14, .r15] { a.push(r) }
        a.sub(GPR.rsp, imm32: JITABI.frameSize)
        a.mov(JITABI.stateRegister, .rdi)
        a.mov(JITABI.memoryRegister, .rsi)
        a.mov(.qword(.rsp, Int32(JITABI.jumpCacheSlot * 8)), GPR.rdx)
        a.jmp(GPR.rcx)
        a.align(16)
        let exit = a.position
        a.add(GPR.rsp, imm32: JITABI.frameSize)
        for r in [GPR.r15, .r14, .r13, .r12, .rbx, .rbp] { a.pop(r) }
        a.ret()
        return Trampoline(bytes: a.bytes, entryOffset: entry, exitOffset: exit)
    }
}
