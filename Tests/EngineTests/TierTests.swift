// The JIT's two tiers (EngineOptions.jitThreshold): a block runs in the interpreter until it
// has run the threshold's number of times, then as compiled code. The guest sees the same
// state either way, at exits and at faults.

import CHost
import Engine
import GuestARM
import IR
import Testing

@Suite("Interpret first, compile hot blocks")
struct TierTests {
    /// mov r0, #100; mov r1, #0; loop: add r1, r1, r0; subs r0, r0, #1; bne loop; svc #0.
    static let loop: [UInt32] = [0xe3a0_0064, 0xe3a0_1000, 0xe081_1000, 0xe250_0001, 0x1aff_fffc, 0xef00_0000]

    static func arm(_ words: [UInt32]) -> (EngineMachine, ARMStatePointer) {
        let m = EngineMachine(words: words, stateSize: ARMState.size)
        let s = ARMStatePointer(m.state)
        s.raw.storeBytes(of: ~0, toByteOffset: ARMState.exclusiveAddress, as: UInt64.self)
        s[register: 15] = UInt32(EngineMachine.codeAddress)
        return (m, s)
    }

    @Test("A loop is compiled once it has run often enough, with the same result", arguments: [0, 1, 4, 16, 1000])
    func loopTiers(threshold: Int) {
        let (m, s) = Self.arm(Self.loop)
        let run = m.runCounting(ARMFrontend(), backend: .jit, jitThreshold: threshold)
        #expect(run.exit.reason == .syscall)
        #expect(s[register: 0] == 0 && s[register: 1] == 5050)
        #expect(s[register: 15] == 0x1018)
        // Blocks: the entry (movs, first iteration's body), the loop body, which loops inside
        // itself and so is compiled before its first run whatever the threshold, the svc.
        if threshold == 0 {
            #expect(run.compiled == run.translated)
        } else {
            #expect(run.compiled == 1, "only the loop body, which runs its 99 iterations from one entry")
        }
    }

    /// mov r0, #100; mov r1, #0; loop: bl f; subs r0, r0, #1; bne loop; svc #0; f: add r1, r1, r0; bx lr.
    static let callLoop: [UInt32] = [0xe3a0_0064, 0xe3a0_1000, 0xeb00_0002, 0xe250_0001, 0x1aff_fffc, 0xef00_0000,
                                     0xe081_1000, 0xe12f_ff1e]

    @Test("A loop of several blocks is compiled once its blocks have run often enough", arguments: [1, 16, 1000])
    func multiBlockLoopTiers(threshold: Int) {
        let (m, s) = Self.arm(Self.callLoop)
        let run = m.runCounting(ARMFrontend(), backend: .jit, jitThreshold: threshold)
        #expect(run.exit.reason == .syscall)
        #expect(s[register: 0] == 0 && s[register: 1] == 5050)
        // The entry, the call's block (bl), f, and the loop's tail from subs; no block loops
        // inside itself, so each is compiled only when it has run `threshold` times.
        if threshold < 100 {
            #expect(run.compiled >= 2, "f and the loop's blocks run 100 times")
        } else {
            #expect(run.compiled == 0)
        }
    }

    @Test("Straight-line code is never compiled under a threshold")
    func coldCode() {
        let (m, s) = Self.arm([0xe3a0_0005, 0xe280_0001, 0xef00_0000])  // mov r0, #5; add r0, r0, #1; svc #0
        let run = m.runCounting(ARMFrontend(), backend: .jit, jitThreshold: 16)
        #expect(run.exit.reason == .syscall && s[register: 0] == 6)
        #expect(run.translated == 1 && run.compiled == 0)
    }

    @Test("An interpreted block's fault is precise", arguments: [0, 16])
    func interpretedFault(threshold: Int) {
        // mov r3, #5; ldrex r2, [r4] with r4 unaligned; svc #0.
        let (m, s) = Self.arm([0xe3a0_3005, 0xe194_2f9f, 0xef00_0000])
        s[register: 4] = 0x102
        let run = m.runCounting(ARMFrontend(), backend: .jit, jitThreshold: threshold)
        #expect(run.exit.reason == .alignmentFault && run.exit.payload == 0x102)
        #expect(s[register: 15] == 0x1004 && s[register: 3] == 5)
    }
}
