// An alignment fault of a guest memory access leaves the state at the faulting instruction, as
// a host fault does: the engine maps the exit back to the instruction's insn_start on both
// backends (the JIT's exit carries its host address, the interpreter's fault slot names the
// op). MIPS under strictAlignment and LL, with a delay slot restarting at its branch; ARM's
// exclusive accesses.

import CHost
import Engine
import GuestARM
import GuestMIPS
import IR
import Testing

@Suite("Precise alignment-fault exits")
struct PreciseExitTests {
    /// MIPS words (mipsel): the machine with $4 = 0x100 and the pc at the code.
    static func mips(_ words: [UInt32], mode: MIPSMode) -> (EngineMachine, MIPSStatePointer) {
        let m = EngineMachine(words: words, stateSize: MIPSState.size)
        let s = MIPSStatePointer(m.state)
        s.raw.storeBytes(of: ~0, toByteOffset: MIPSState.llAddress, as: UInt64.self)
        s.mode = mode
        s.pc = UInt32(EngineMachine.codeAddress)
        s[gpr: 4] = 0x100
        return (m, s)
    }

    static let addiu3 = 0x2403_0005 as UInt32       // addiu $3, $0, 5
    static let lwUnaligned = 0x8c82_0002 as UInt32  // lw $2, 2($4)
    static let syscall = 0x0000_000c as UInt32

    @Test("MIPS strictAlignment: an unaligned lw exits at its own pc", arguments: Backend.allCases)
    func mipsLoad(backend: Backend) {
        let (m, s) = Self.mips([Self.addiu3, Self.lwUnaligned, Self.syscall], mode: .strictAlignment)
        let exit = m.run(MIPSFrontend(), backend: backend)
        #expect(exit.reason == .alignmentFault && exit.payload == 0x102)
        #expect(s.pc == 0x1004, "\(backend.name): pc 0x\(String(s.pc, radix: 16))")
        #expect(s[gpr: 3] == 5)
    }

    @Test("MIPS strictAlignment: an unaligned lw in a delay slot exits at its branch", arguments: Backend.allCases)
    func mipsDelaySlot(backend: Backend) {
        // addiu; beq $0, $0, +2 (to 0x1010); lw in the slot; nop; syscall.
        let (m, s) = Self.mips([Self.addiu3, 0x1000_0002, Self.lwUnaligned, 0, Self.syscall], mode: .strictAlignment)
        let exit = m.run(MIPSFrontend(), backend: backend)
        #expect(exit.reason == .alignmentFault && exit.payload == 0x102)
        #expect(s.pc == 0x1004, "\(backend.name): pc 0x\(String(s.pc, radix: 16))")
    }

    @Test("MIPS: LL checks alignment in every mode; without strictAlignment lw just loads", arguments: Backend.allCases)
    func mipsLoadLinked(backend: Backend) {
        let (m, s) = Self.mips([Self.addiu3, 0xc082_0002, Self.syscall], mode: [])  // ll $2, 2($4)
        let exit = m.run(MIPSFrontend(), backend: backend)
        #expect(exit.reason == .alignmentFault && exit.payload == 0x102)
        #expect(s.pc == 0x1004, "\(backend.name): pc 0x\(String(s.pc, radix: 16))")

        let (n, t) = Self.mips([Self.addiu3, Self.lwUnaligned, Self.syscall], mode: [])
        n.memory.storeBytes(of: UInt32(0x4433_2211).littleEndian, toByteOffset: 0x102, as: UInt32.self)
        #expect(n.run(MIPSFrontend(), backend: backend).reason == .syscall)
        #expect(t[gpr: 2] == 0x4433_2211)
    }

    /// ARM words (A32): the machine with r4 = `r4` and the pc at the code.
    static func arm(_ words: [UInt32], r4: UInt32) -> (EngineMachine, ARMStatePointer) {
        let m = EngineMachine(words: words, stateSize: ARMState.size)
        let s = ARMStatePointer(m.state)
        s.raw.storeBytes(of: ~0, toByteOffset: ARMState.exclusiveAddress, as: UInt64.self)
        s[register: 15] = UInt32(EngineMachine.codeAddress)
        s[register: 4] = r4
        return (m, s)
    }

    @Test("ARM: an unaligned LDREX, LDREXD exits at its own pc", arguments: Backend.allCases)
    func armExclusive(backend: Backend) {
        // mov r3, #5; ldrex r2, [r4] (or ldrexd r6, r7, [r4]); svc #0.
        for (load, address) in [(0xe194_2f9f as UInt32, 0x102 as UInt32), (0xe1b4_6f9f, 0x104)] {
            let (m, s) = Self.arm([0xe3a0_3005, load, 0xef00_0000], r4: address)
            let exit = m.run(ARMFrontend(), backend: backend)
            #expect(exit.reason == .alignmentFault && exit.payload == UInt64(address))
            #expect(s[register: 15] == 0x1004, "\(backend.name): pc 0x\(String(s[register: 15], radix: 16))")
            #expect(s[register: 3] == 5)
        }
        // Aligned, it loads.
        let (m, s) = Self.arm([0xe3a0_3005, 0xe194_2f9f, 0xef00_0000], r4: 0x100)
        m.memory.storeBytes(of: UInt32(0x5566_7788).littleEndian, toByteOffset: 0x100, as: UInt32.self)
        #expect(m.run(ARMFrontend(), backend: backend).reason == .syscall)
        #expect(s[register: 2] == 0x5566_7788)
    }
}
