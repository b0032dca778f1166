// FP exception flags survive the passes: a guest FP instruction whose result register is
// overwritten in the same block still raises its flags, which the guest then reads (ARM
// FPSCR's cumulative bits, MIPS FCSR), through the whole engine with optimization on, on both
// backends.

import CHost
import Engine
import GuestARM
import GuestMIPS
import IR
import Testing

@Suite("FP flags of dead results")
struct FloatFlagTests {
    @Test("ARM: VDIV by zero into a register overwritten next still sets FPSCR.DZC", arguments: Backend.allCases)
    func armDivideByZero(backend: Backend) {
        // vdiv.f64 d0, d1, d2; vmov.f64 d0, d3; vmrs r0, fpscr; svc #0.
        let m = EngineMachine(words: [0xee81_0b02, 0xeeb0_0b43, 0xeef1_0a10, 0xef00_0000], stateSize: ARMState.size)
        let s = ARMStatePointer(m.state)
        s[register: 15] = UInt32(EngineMachine.codeAddress)
        s[d: 1] = Double(1).bitPattern
        s[d: 2] = 0
        s[d: 3] = Double(5).bitPattern
        s.loadHostFloatEnvironment()
        let exit = m.run(ARMFrontend(), backend: backend)
        chost_set_mxcsr(0x1f80)
        #expect(exit.reason == .syscall)
        #expect(s[d: 0] == Double(5).bitPattern)
        #expect(s[register: 0] & 2 != 0, "\(backend.name): FPSCR 0x\(String(s[register: 0], radix: 16))")
    }

    @Test("MIPS: CVT.W.S of 1.5 into a register overwritten next still sets FCSR.I", arguments: Backend.allCases)
    func mipsInexact(backend: Backend) {
        // cvt.w.s $f0, $f2; mov.s $f0, $f4; cfc1 $6, $31; syscall (NaN2008: a plain ftoi).
        let m = EngineMachine(words: [0x4600_1024, 0x4600_2006, 0x4446_f800, 0x0000_000c], stateSize: MIPSState.size)
        let s = MIPSStatePointer(m.state)
        s.raw.storeBytes(of: ~0, toByteOffset: MIPSState.llAddress, as: UInt64.self)
        s.mode = .nan2008
        s.pc = UInt32(EngineMachine.codeAddress)
        s[fpr32: 2] = Float(1.5).bitPattern
        s[fpr32: 4] = Float(2).bitPattern
        s.loadHostFloatEnvironment()
        let exit = m.run(MIPSFrontend(), backend: backend)
        chost_set_mxcsr(0x1f80)
        #expect(exit.reason == .syscall)
        #expect(s[fpr32: 0] == Float(2).bitPattern)
        #expect(s[gpr: 6] & 4 != 0, "\(backend.name): FCSR 0x\(String(s[gpr: 6], radix: 16))")
    }
}
