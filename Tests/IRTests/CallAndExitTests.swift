// Helper calls, instruction starts, moves/constants, and the terminals' BlockExit values.

import IR
import IRInterpreter
import Testing

/// Helpers used by the tests. They record what they received in the guest state, so the test
/// reads the arguments back from there.
enum TestHelpers {
    /// Stores state pointer and arguments at state offsets 1024..1055; returns a + b + c.
    static let record: HelperFunction = { state, a, b, c in
        state.storeBytes(of: UInt64(UInt(bitPattern: state)), toByteOffset: 1024, as: UInt64.self)
        state.storeBytes(of: a, toByteOffset: 1032, as: UInt64.self)
        state.storeBytes(of: b, toByteOffset: 1040, as: UInt64.self)
        state.storeBytes(of: c, toByteOffset: 1048, as: UInt64.self)
        return a &+ b &+ c
    }
    /// Returns a value wider than 32 bits, to check i32 results are narrowed.
    static let wide: HelperFunction = { _, _, _, _ in 0x1234_5678_9abc_def0 }
    /// Writes 0x77 to state offset 1100; returns nothing useful.
    static let sideEffect: HelperFunction = { state, _, _, _ in
        state.storeBytes(of: 0x77, toByteOffset: 1100, as: UInt32.self)
        return 0xffff
    }
}

@Suite("Calls, moves, instruction starts and terminals")
struct CallAndExitTests {
    @Test("const and mov on every type")
    func constAndMov() {
        let m = Machine()
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        b.storeState(0, b.mov(b.const32(0xdead_beef)))
        b.storeState(8, b.mov(b.const64(0x0123_4567_89ab_cdef)))
        b.storeState(16, b.mov(b.constant(.f32, Float(2.5).bits64)))
        b.storeState(24, b.mov(b.constant(.f64, Double(-0.25).bits64)))
        // The builder truncates an i32 constant to 32 bits.
        b.storeState(32, b.zext(b.const32(0xffff_ffff) ))
        b.storeState(40, b.zext(b.constant(.i32, 0x1_0000_0002)))
        b.exitTB(.yield)
        m.run(b.finish(guestSize: 0, instructionCount: 0))
        #expect(m.state32(0) == 0xdead_beef)
        #expect(m.state64(8) == 0x0123_4567_89ab_cdef)
        #expect(m.state32(16) == UInt32(Float(2.5).bitPattern))
        #expect(m.state64(24) == Double(-0.25).bitPattern)
        #expect(m.state64(32) == 0xffff_ffff)
        #expect(m.state64(40) == 2)
    }

    @Test("assign re-defines a value; the last assignment on the path wins")
    func reassignment() {
        let m = Machine()
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let v = b.const32(1)
        b.assign(v, constant: 2)
        let w = b.const32(3)
        b.assign(v, w)
        b.storeState(0, v)
        b.exitTB(.yield)
        m.run(b.finish(guestSize: 0, instructionCount: 0))
        #expect(m.state32(0) == 3)
    }

    @Test("call passes the state pointer and the arguments; i32 arguments zero-extended, floats as bits")
    func callArguments() {
        let m = Machine()
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let a = b.const32(0xffff_fffe)                       // -2 as i32: must arrive as 0xfffffffe
        let f = b.constant(.f64, Double(1.5).bits64)
        let g = b.constant(.f32, Float(-1).bits64)
        let r = b.call(TestHelpers.record, effects: .all, result: .i64, a, f, g)
        b.storeState(0, r)
        b.exitTB(.yield)
        m.run(b.finish(guestSize: 0, instructionCount: 0))
        #expect(m.state64(1024) == UInt64(UInt(bitPattern: m.state)))
        #expect(m.state64(1032) == 0xffff_fffe)
        #expect(m.state64(1040) == Double(1.5).bitPattern)
        #expect(m.state64(1048) == UInt64(Float(-1).bitPattern))
        #expect(m.state64(0) == 0xffff_fffe &+ Double(1.5).bitPattern &+ UInt64(Float(-1).bitPattern))
    }

    @Test("call: unused arguments pass 0; an i32 result is narrowed; no result is allowed")
    func callResults() {
        let m = Machine()
        m.setState64(1040, 0x55)
        m.setState64(1048, 0x55)
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let one = b.const64(7)
        _ = b.call(TestHelpers.record, effects: .pure, result: .i64, one)
        let narrow = b.call(TestHelpers.wide, effects: .pure, result: .i32)
        b.storeState(0, b.zext(narrow))
        let none = b.call(TestHelpers.sideEffect, effects: .writesState, result: nil)
        #expect(none.isNone)
        b.exitTB(.yield)
        m.run(b.finish(guestSize: 0, instructionCount: 0))
        #expect(m.state64(1032) == 7)
        #expect(m.state64(1040) == 0)
        #expect(m.state64(1048) == 0)
        #expect(m.state64(0) == 0x9abc_def0)
        #expect(m.state32(1100) == 0x77)
    }

    @Test("HelperEffects bits")
    func helperEffects() {
        #expect(HelperEffects.pure.rawValue == 0)
        #expect(HelperEffects.all.rawValue == 7)
        #expect(HelperEffects.readsState.rawValue == 1 && HelperEffects.writesState.rawValue == 2
            && HelperEffects.touchesMemory.rawValue == 4)
    }

    @Test("insn_start has no effect on values or state")
    func insnStart() {
        let m = Machine()
        var b = IRBuilder(key: BlockKey(pc: 0x8000, flags: 0))
        b.insnStart(0x8000)
        let v = b.const32(5)
        b.insnStart(0x8004)
        b.storeState(0, v)
        b.exitTB(.yield)
        m.run(b.finish(guestSize: 8, instructionCount: 2))
        #expect(m.state32(0) == 5)
        #expect(m.state64(8) == 0)
    }

    @Test("goto_tb returns chain(slot:)", arguments: [0, 1])
    func gotoTB(_ slot: Int) {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        b.gotoTB(slot: slot)
        #expect(Machine().run(b.finish(guestSize: 0, instructionCount: 0)) == .chain(slot: slot))
    }

    @Test("lookup_and_goto returns lookup with the key of its operands")
    func lookup() {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        b.lookupAndGoto(pc: b.const32(0x1234), flags: b.const32(5))
        #expect(Machine().run(b.finish(guestSize: 0, instructionCount: 0)) == .lookup(pc: 0x1234, flags: 5))
    }

    @Test("exit_tb returns its reason and payload", arguments: ExitReason.allCases)
    func exitTB(_ reason: ExitReason) {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        b.exitTB(reason, payload: 0xfeed_0000_0000_0000 | UInt64(reason.rawValue))
        #expect(Machine().run(b.finish(guestSize: 0, instructionCount: 0))
            == .exit(reason, payload: 0xfeed_0000_0000_0000 | UInt64(reason.rawValue)))
    }

    @Test("the first terminal reached ends the block; a branch picks which")
    func firstTerminalWins() {
        for (value, expected) in [(UInt64(0), BlockExit.chain(slot: 1)), (1, .exit(.syscall, payload: 9))] {
            let m = Machine()
            m.setState64(0, value)
            var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
            let flag = b.loadState(.i32, 0)
            let taken = b.newLabel()
            b.brcond(.ne, flag, b.const32(0), taken)
            b.gotoTB(slot: 1)
            b.label(taken)
            b.exitTB(.syscall, payload: 9)
            b.storeState(16, b.const32(1))   // unreachable
            b.exitTB(.yield)
            #expect(m.run(b.finish(guestSize: 0, instructionCount: 0)) == expected)
            #expect(m.state32(16) == 0)
        }
    }

    @Test("an unverified block that runs off its end exits as undefined (interpreter's choice)")
    func fallOffEnd() {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        _ = b.const32(1)
        let block = b.finish(guestSize: 0, instructionCount: 0)
        #expect(!block.verify().isEmpty)
        #expect(Machine().run(block, verify: false) == .exit(.undefined, payload: 0))
    }

    @Test("Op is 32 bytes")
    func opSize() {
        #expect(MemoryLayout<Op>.size <= 32)
        #expect(MemoryLayout<Op>.stride == 32)
    }
}
