// Guest state kept in values over a loop (Passes+Loops.swift): random loop blocks shaped like
// a guest loop translated into one block (a head label, state loads and stores, conditional
// regions, exits in the middle, a counter, the exit-request test, the branch back) compute the
// same guest state, memory and exit with and without the passes; and the loop of a typical
// guest loop ends up without state accesses.

import IR
import IRInterpreter
import IRPasses
import Testing
import TestTools

@Suite("IRPasses: loops")
struct LoopPassTests {
    /// State words 0..<14 are guest registers, 56 the loop counter, 60 the exit-request flag.
    static let counter = 56, exitRequest = 60

    static func optimizer() -> Optimizer {
        var o = Optimizer()
        o.volatileFields = UInt64(exitRequest)..<UInt64(exitRequest + 4)
        return o
    }

    /// Ends a loop body: the exit-request test, the branch back to `head`, and the exits
    /// (exitRequest, and yield at `done`).
    static func closeLoop(_ b: inout IRBuilder, head: Label, done: Label) -> Block {
        let stop = b.newLabel()
        b.brcond(.ne, b.loadState(.i32, exitRequest), b.const32(0), stop)
        b.br(head)
        b.label(stop)
        b.exitTB(.exitRequest)
        b.label(done)
        b.exitTB(.yield)
        return b.finish(guestSize: 0, instructionCount: 0)
    }

    /// Whether `a` and `b`, each run from state `start` (and `m`'s memory as it is), leave the
    /// same first `bytes` of state.
    static func sameState(_ m: Machine, _ a: Block, _ b: Block, from start: [UInt8], bytes: Int) -> Bool {
        func run(_ block: Block) -> [UInt8] {
            m.state.copyMemory(from: start, byteCount: start.count)
            m.run(block)
            return (0..<bytes).map { m.state.load(fromByteOffset: $0, as: UInt8.self) }
        }
        return run(a) == run(b)
    }

    /// `block` through the passes without precise faults, and the ops of its loop (from the
    /// head label to the first br).
    static func optimizedLoop(_ block: Block) -> (Block, ArraySlice<Op>) {
        var optimized = block
        var o = optimizer()
        o.optimize(&optimized, preciseFaults: false)
        return (optimized, optimized.ops.prefix { $0.opcode != .br }.drop { $0.opcode != .label })
    }

    static func randomLoop(_ rng: inout SplitMix64) -> Block {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let outside = b.const32(UInt32(truncatingIfNeeded: rng.next()))
        let head = b.newLabel()
        b.label(head)
        var live: [Value] = [outside]
        func pick(_ rng: inout SplitMix64) -> Value { live[Int(rng.next() % UInt64(live.count))] }
        var openLabels: [(label: Label, live: Int)] = []
        var exits: [Label] = []
        let steps = 5 + Int(rng.next() % 30)
        for _ in 0..<steps {
            switch rng.next() % 14 {
            case 12:
                // A merged value: defined before, reassigned inside a region.
                let v = b.mov(pick(&rng))
                let l = b.newLabel()
                b.brcond(.eq, pick(&rng), pick(&rng), l)
                b.assign(v, pick(&rng))
                b.label(l)
                live.append(v)
            case 13:
                // A 64-bit view of two registers: neither is promoted.
                let wide = b.loadState(.i64, Int(rng.next() % 7) * 8)
                if rng.next() % 2 == 0 {
                    live.append(b.trunc(wide))
                } else {
                    b.storeState(Int(rng.next() % 7) * 8, b.concat(low: pick(&rng), high: pick(&rng)))
                }
            case 0, 1, 2:
                live.append(b.loadState(.i32, Int(rng.next() % 14) * 4))
            case 3, 4, 5:
                b.storeState(Int(rng.next() % 14) * 4, pick(&rng))
            case 6, 7:
                let ops: [Opcode] = [.add, .sub, .and, .or, .xor, .shl, .shr, .mul]
                live.append(b.binary(ops[Int(rng.next() % UInt64(ops.count))], pick(&rng), pick(&rng)))
            case 8:
                live.append(b.setcond(Condition.allCases[Int(rng.next() % 12)], pick(&rng), pick(&rng)))
            case 9:
                if rng.next() % 2 == 0 {
                    let l = b.newLabel()
                    b.brcond(Condition.allCases[Int(rng.next() % 12)], pick(&rng), pick(&rng), l)
                    openLabels.append((l, live.count))
                } else if let open = openLabels.popLast() {
                    b.label(open.label)
                    live.removeLast(live.count - open.live)
                }
            case 10:
                // A way out in the middle of the loop.
                let l = b.newLabel()
                b.brcond(Condition.allCases[Int(rng.next() % 12)], pick(&rng), pick(&rng), l)
                exits.append(l)
            default:
                let address = b.andi(pick(&rng), 0x3c)
                if rng.next() % 2 == 0 {
                    live.append(b.load(.u32, .i32, address: address, offset: 0x100))
                } else {
                    b.store(.u32, address: address, offset: 0x100, pick(&rng))
                }
            }
        }
        while let open = openLabels.popLast() {
            b.label(open.label)
            live.removeLast(live.count - open.live)
        }
        // A flag-like field written at the end of every iteration.
        b.storeState(Int(rng.next() % 14) * 4, b.sub(pick(&rng), pick(&rng)))
        let done = b.newLabel(), stop = b.newLabel()
        let count = b.sub(b.loadState(.i32, counter), b.const32(1))
        b.storeState(counter, count)
        b.brcond(.eq, count, b.const32(0), done)
        b.brcond(.ne, b.loadState(.i32, exitRequest), b.const32(0), stop)
        b.br(head)
        b.label(stop)
        b.storeState(0, b.const32(0xdead))
        b.exitTB(.exitRequest)
        b.label(done)
        b.exitTB(.yield)
        for (k, l) in exits.enumerated() {
            b.label(l)
            b.exitTB(.syscall, payload: UInt64(k))
        }
        return b.finish(guestSize: 0, instructionCount: 0)
    }

    @Test("optimized loops compute what the originals compute", arguments: 0..<8)
    func equivalence(seed: UInt64) {
        var rng = SplitMix64(seed: 0x51_7cc1 &* (seed + 1))
        var o = Self.optimizer()
        for _ in 0..<400 {
            let original = Self.randomLoop(&rng)
            #expect(original.verify() == [])
            var optimized = original
            o.optimize(&optimized, preciseFaults: false)
            #expect(optimized.verify() == [], "\(original.text())")
            var state = (0..<68).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            state[Self.counter] = UInt8(1 + rng.next() % 6)
            (1...3).forEach { state[Self.counter + $0] = 0 }
            (0...3).forEach { state[Self.exitRequest + $0] = rng.next() % 8 == 0 ? 1 : 0 }
            let a = PassesTests.run(original, state: state), b = PassesTests.run(optimized, state: state)
            #expect(a.exit == b.exit)
            #expect(a.state == b.state, "state differs after optimization of\n\(original.text())\ninto\n\(optimized.text())")
            #expect(a.memory == b.memory)
        }
    }

    @Test("a counted loop keeps its registers and flags out of the state")
    func countedLoop() {
        // r1 += 8; r2 = r2 + memory[r1]; flags = r1 - r3; loop while r1 != r3.
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let head = b.newLabel(), done = b.newLabel()
        b.label(head)
        let r1 = b.addi(b.loadState(.i32, 4), 8)
        b.storeState(4, r1)
        b.storeState(8, b.add(b.loadState(.i32, 8), b.load(.u32, .i32, address: r1, offset: 0)))
        let r3 = b.loadState(.i32, 12)
        b.storeState(16, b.sub(r1, r3))
        b.storeState(20, b.setcond(.geu, r1, r3))
        b.brcond(.eq, r1, r3, done)
        let original = Self.closeLoop(&b, head: head, done: done)
        let (optimized, inLoop) = Self.optimizedLoop(original)
        #expect(!inLoop.contains { $0.opcode == .storeState }, "\(optimized.text())")
        #expect(inLoop.filter { $0.opcode == .loadState }.count == 1, "only the exit request: \(optimized.text())")
        #expect(!inLoop.contains { $0.opcode == .setcond || $0.opcode == .mov }, "\(optimized.text())")

        var state = [UInt8](repeating: 0, count: 68)
        state[4] = 0x00; state[5] = 0x01  // r1 = 0x100
        state[12] = 0x40; state[13] = 0x01  // r3 = 0x140
        let m = Machine()
        for i in 0..<16 { m.memory.storeBytes(of: UInt32(i * 3), toByteOffset: 0x100 + 4 * i, as: UInt32.self) }
        #expect(Self.sameState(m, original, optimized, from: state, bytes: 24))
    }

    @Test("a loop of vector float ops keeps its vectors in values; the flags word they OR into stays in the state")
    func vectorFloatLoop() {
        // q (state 24..<40) = q * q + q, 3 times; the ops' flags go to state word 44, which
        // the loop also reads.
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let head = b.newLabel(), done = b.newLabel()
        b.label(head)
        let q = b.loadState(.v128, 24)
        let p = b.vfloat(.vfmul, q, q, flagsOffset: 44)
        b.storeState(24, b.vfloat(.vfadd, p, q, flagsOffset: 44))
        b.storeState(8, b.loadState(.i32, 44))
        let n = b.sub(b.loadState(.i32, Self.counter), b.const32(1))
        b.storeState(Self.counter, n)
        b.brcond(.eq, n, b.const32(0), done)
        let original = Self.closeLoop(&b, head: head, done: done)
        let (optimized, inLoop) = Self.optimizedLoop(original)
        #expect(!inLoop.contains { $0.opcode == .loadState && $0.imm == 24 }, "\(optimized.text())")
        #expect(inLoop.contains { $0.opcode == .loadState && $0.imm == 44 }, "\(optimized.text())")

        var state = [UInt8](repeating: 0, count: 68)
        for (k, f) in [Float(1.5), 0.25, -2, 3].enumerated() {
            withUnsafeBytes(of: f.bitPattern) { state.replaceSubrange(24 + 4 * k..<28 + 4 * k, with: $0) }
        }
        state[Self.counter] = 3
        #expect(Self.sameState(Machine(), original, optimized, from: state, bytes: 64))
    }

    @Test("an alignment-fault exit inside the loop stores only what its path wrote, and the flags still leave the loop")
    func alignmentFaultInside() {
        // r1 += 16 (state 4); flags (state 16) = r1 - r3; a misaligned r1 stores pc (state 40)
        // and exits with an alignment fault; loop while r1 != r3.
        func block() -> Block {
            var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
            let head = b.newLabel(), aligned = b.newLabel(), done = b.newLabel()
            b.label(head)
            let r1 = b.addi(b.loadState(.i32, 4), 16)
            b.storeState(4, r1)
            let r3 = b.loadState(.i32, 12)
            b.storeState(16, b.sub(r1, r3))
            b.brcond(.tsteq, r1, b.const32(15), aligned, hint: .coldFallThrough)
            b.storeState(40, b.const32(0x1234))
            b.exitTB(.alignmentFault, payload: 1)
            b.label(aligned)
            b.storeState(8, b.add(b.loadState(.i32, 8), b.load(.u32, .i32, address: r1, offset: 0)))
            b.brcond(.eq, r1, r3, done)
            return Self.closeLoop(&b, head: head, done: done)
        }
        let original = block()
        let (optimized, inLoop) = Self.optimizedLoop(original)
        #expect(!inLoop.contains { $0.opcode == .loadState && $0.imm == 4 }, "\(optimized.text())")
        // The flags are computed on the way out only: no sub in the loop.
        #expect(!inLoop.contains { $0.opcode == .sub }, "\(optimized.text())")

        let m = Machine()
        for (start, end) in [(0x100, 0x180), (0x104, 0x184)] as [(UInt32, UInt32)] {
            m.state.initializeMemory(as: UInt8.self, repeating: 0, count: 64)
            m.setState32(4, start)
            m.setState32(12, end)
            let wantExit = m.run(original)
            let want = (0..<20).map { m.state32($0 * 4) }
            m.state.initializeMemory(as: UInt8.self, repeating: 0, count: 64)
            m.setState32(4, start)
            m.setState32(12, end)
            #expect(m.run(optimized) == wantExit)
            if start % 16 == 0 {
                #expect((0..<20).map { m.state32($0 * 4) } == want)
            } else {
                #expect(m.state32(40) == 0x1234, "the fault's own path stored the pc")
            }
        }
    }

    @Test("a field written twice per iteration is stored from the value each way out follows; a loop bound is used in place")
    func reachingValues() {
        // As MIPS's c[j] += a * b[j]: f0 (state 24, f64) = memory[r1]; r1 += 8; a way out
        // (exit 1) when f0 is negative, which must see f0 as loaded; f0 = f0 * f2 (state 32);
        // memory[r1 - 8] = f0; loop while r1 != r3 (state 12, never written).
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let head = b.newLabel(), done = b.newLabel(), negative = b.newLabel()
        b.label(head)
        let r1 = b.loadState(.i32, 4)
        b.storeState(24, b.load(.u64, .f64, address: r1, offset: 0))
        let next = b.addi(r1, 8)
        b.storeState(4, next)
        let loaded = b.loadState(.f64, 24)
        b.brcond(.lt, b.bitcast(loaded, to: .i64), b.const64(0), negative)
        let product = b.floatBinary(.fmul, loaded, b.loadState(.f64, 32), nans: .unspecified)
        b.storeState(24, product)
        b.store(.u64, address: next, offset: 0xffff_fff8, product)
        b.brcond(.eq, next, b.loadState(.i32, 12), done)
        let stop = b.newLabel()
        b.brcond(.ne, b.loadState(.i32, Self.exitRequest), b.const32(0), stop)
        b.br(head)
        b.label(stop)
        b.exitTB(.exitRequest)
        b.label(done)
        b.exitTB(.yield)
        b.label(negative)
        b.exitTB(.syscall, payload: 1)
        let original = b.finish(guestSize: 0, instructionCount: 0)
        let (optimized, inLoop) = Self.optimizedLoop(original)
        #expect(!inLoop.contains { $0.opcode == .mov }, "\(optimized.text())")

        // Ending at the bound (two elements) and at the negative third one.
        for end in [0x110, 0x120] as [UInt32] {
            func run(_ block: Block) -> (BlockExit, [UInt32], [UInt64]) {
                let m = Machine()
                for (k, x) in [1.5, 2.0, -3.0, 4.0].enumerated() {
                    m.memory.storeBytes(of: x.bitPattern, toByteOffset: 0x100 + 8 * k, as: UInt64.self)
                }
                m.setState32(4, 0x100)
                m.setState32(12, end)
                m.state.storeBytes(of: 0.5.bitPattern, toByteOffset: 32, as: UInt64.self)
                let exit = m.run(block)
                return (exit, (0..<12).map { m.state32($0 * 4) }, (0..<4).map { m.memory.load(fromByteOffset: 0x100 + 8 * $0, as: UInt64.self) })
            }
            let want = run(original), got = run(optimized)
            #expect(got.0 == want.0 && got.1 == want.1 && got.2 == want.2, "\(end): \(got) against \(want)")
        }
    }

    @Test("precise faults keep the loop as it is")
    func preciseFaults() {
        var rng = SplitMix64(seed: 3)
        let block = Self.randomLoop(&rng)
        var precise = block
        var o = Self.optimizer()
        o.optimize(&precise, preciseFaults: true)
        #expect(!precise.ops.prefix { $0.opcode != .label }.contains { $0.opcode == .loadState }, "no loads before the head")
    }
}
