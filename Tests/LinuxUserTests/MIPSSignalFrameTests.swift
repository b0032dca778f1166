// MIPS signal frames on both byte orders: what the handler is given (registers and the frame
// the kernel's layout describes) and that sigreturn puts back what the frame holds.

import GuestMIPS
import LinuxABI
@testable import LinuxUser
import Testing

@Suite struct MIPSSignalFrameTests {
    @Test(arguments: [GuestArch.mips, .mipsel], [false, true])
    func pushAndRestore(arch: GuestArch, rt: Bool) throws {
        let h = try SyscallHarness(arch)
        let state = MIPSStatePointer.allocate()
        defer { state.deallocate() }
        for r in 1..<32 { state[gpr: r] = 0x1000_0000 &+ UInt32(r) }
        let sp = UInt32(SyscallHarness.base + 0x8004)
        state.sp = sp
        state.pc = 0x0040_1234
        state.hi = 0x1111_2222
        state.lo = 0x3333_4444
        state[fpr64: 4] = 0x4009_21fb_5444_2d18
        var action = GuestSignalAction()
        action.handler = 0x0040_8000
        action.hostFlags = rt ? GuestProcess.saSigInfo : 0
        let info = GuestSignalInfo(signal: 16, code: GuestSignalInfo.user, words: [77, 0])
        #expect(MIPSSignalFrame.push(info, action, savedMask: GuestSignalSet(low: 0x4_0000), state: state, thread: h.thread))

        // 32 bytes below the old sp, 8-aligned; the registers the handler starts with.
        let layouts = h.abi.layouts
        let frameSize = try #require(layouts[rt ? .rtSigframe : .sigframe]).size
        let frame = state.sp
        #expect(frame == (sp - 32 - UInt32(frameSize)) & ~7)
        #expect(state[gpr: 4] == 16 && state.pc == 0x0040_8000 && state[gpr: 25] == 0x0040_8000)
        #expect(state[gpr: 31] == (rt ? MIPSSignalPage.rtSigreturnAddress : MIPSSignalPage.sigreturnAddress))
        let sigcontext = rt ? 152 + 24 : 24
        #expect(state[gpr: 6] == frame + UInt32(rt ? 152 : 24))
        #expect(state[gpr: 5] == (rt ? frame + 24 : 0))
        // The frame, read as the guest does: sc_pc and sc_regs[29] in 64-bit slots.
        let offset = UInt64(frame) - SyscallHarness.base
        #expect(h.load64(at: offset + UInt64(sigcontext + 8)) == 0x0040_1234)
        #expect(h.load64(at: offset + UInt64(sigcontext + 16 + 8 * 29)) == UInt64(sp))
        #expect(h.load64(at: offset + UInt64(sigcontext + 272 + 8 * 4)) == 0x4009_21fb_5444_2d18)
        if rt { #expect(h.load32(at: offset + 24 + 12) == 77, "si_pid, after signo, code, errno") }

        // The handler changes registers; sigreturn restores the interrupted ones.
        for r in 1..<29 { state[gpr: r] = 0 }
        state.hi = 0
        state[fpr64: 4] = 0
        #expect(MIPSSignalFrame.restore(rt: rt, state: state, thread: h.thread))
        #expect(state.pc == 0x0040_1234 && state.sp == sp && state.hi == 0x1111_2222 && state.lo == 0x3333_4444)
        #expect((1..<32).allSatisfy { $0 == 29 || state[gpr: $0] == 0x1000_0000 &+ UInt32($0) })
        #expect(state[fpr64: 4] == 0x4009_21fb_5444_2d18)
        #expect(h.thread.signalMask == GuestSignalSet(low: 0x4_0000))
        h.unblockAll()
    }
}
