// IRPasses keep a block's meaning: random blocks shaped like translated guest code (state
// loads and stores, arithmetic on them, conditional regions closed by labels, values merged by
// assignment, memory accesses, flag-like overwrites) run with and without optimization must end
// with the same guest state, memory and exit.

import IR
import IRInterpreter
import IRPasses
import Testing
import TestTools

@Suite("IRPasses")
struct PassesTests {
    /// A random block over state words 0..<16 (i32 fields at 0, 4, ... 60) and a 64-byte memory
    /// window at 0x100.
    static func randomBlock(_ rng: inout SplitMix64) -> Block {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        var live: [Value] = [b.const32(UInt32(truncatingIfNeeded: rng.next()))]
        func pick(_ rng: inout SplitMix64) -> Value { live[Int(rng.next() % UInt64(live.count))] }
        // Open conditional regions, with how many values were live when each opened: values
        // defined inside a region are not defined on the path that skips it, so they go out of
        // scope at its label (using them after would be invalid IR).
        var openLabels: [(label: Label, live: Int)] = []
        let steps = 10 + Int(rng.next() % 40)
        for _ in 0..<steps {
            switch rng.next() % 15 {
            case 0, 1:
                live.append(b.loadState(.i32, Int(rng.next() % 16) * 4))
            case 2, 3:
                b.storeState(Int(rng.next() % 16) * 4, pick(&rng))
            case 4:
                // Often the identities' constants: 0, 1, all ones, a shift by the width.
                let special: [UInt32] = [0, 1, 0xffff_ffff, 32]
                live.append(b.const32(rng.next() % 2 == 0 ? special[Int(rng.next() % 4)] : UInt32(truncatingIfNeeded: rng.next())))
            case 5, 6:
                let ops: [Opcode] = [.add, .sub, .and, .or, .xor, .shl, .shr, .sar, .mul, .andc, .orc, .rotl, .rotr]
                live.append(b.binary(ops[Int(rng.next() % UInt64(ops.count))], pick(&rng), pick(&rng)))
            case 7:
                live.append(b.setcond(Condition.allCases[Int(rng.next() % 12)], pick(&rng), pick(&rng)))
            case 8:
                // A conditional region: skipped when the condition holds. Sometimes hinted cold
                // (a quiet one, with no state access, keeps forwarding across its label).
                let l = b.newLabel()
                b.brcond(Condition.allCases[Int(rng.next() % 12)], pick(&rng), pick(&rng), l,
                         hint: rng.next() % 2 == 0 ? .coldFallThrough : .none)
                openLabels.append((l, live.count))
            case 9:
                if let open = openLabels.popLast() {
                    b.label(open.label)
                    live.removeLast(live.count - open.live)
                }
            case 12:
                let position = Int(rng.next() % 32)
                live.append(b.deposit(pick(&rng), pick(&rng), position: position, length: 1 + Int(rng.next() % UInt64(32 - position))))
            case 13:
                // A branch on a comparison's 0/1 result, as frontends test conditions.
                let l = b.newLabel()
                let s = b.setcond(Condition.allCases[Int(rng.next() % 12)], pick(&rng), pick(&rng))
                b.brcond(rng.next() % 2 == 0 ? .ne : .eq, s, b.const32(0), l)
                openLabels.append((l, live.count))
            case 14:
                // A 0/1 value tested again.
                let s = b.setcond(Condition.allCases[Int(rng.next() % 12)], pick(&rng), pick(&rng))
                live.append(b.setcond(rng.next() % 2 == 0 ? .ne : .gtu, s, b.const32(0)))
            case 10:
                // A merged value: defined before, reassigned inside a region.
                let v = b.mov(pick(&rng))
                let l = b.newLabel()
                b.brcond(.eq, pick(&rng), pick(&rng), l, hint: rng.next() % 2 == 0 ? .coldFallThrough : .none)
                b.assign(v, pick(&rng))
                b.label(l)
                live.append(v)
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
        b.storeState(64, pick(&rng))
        b.exitTB(.yield)
        return b.finish(guestSize: 0, instructionCount: 0)
    }

    static func run(_ block: Block, state seed: [UInt8]) -> (exit: BlockExit, state: [UInt8], memory: [UInt8]) {
        let m = Machine()
        m.state.copyMemory(from: seed, byteCount: seed.count)
        let exit = m.run(block)
        let state = (0..<68).map { m.state.load(fromByteOffset: $0, as: UInt8.self) }
        let memory = (0..<64).map { m.memory.load(fromByteOffset: 0x100 + $0, as: UInt8.self) }
        return (exit, state, memory)
    }

    @Test("optimized blocks compute what the originals compute", arguments: 0..<8)
    func equivalence(seed: UInt64) {
        var rng = SplitMix64(seed: 0x9e37_79b9 &* (seed + 1))
        for _ in 0..<250 {
            let original = Self.randomBlock(&rng)
            #expect(original.verify() == [])
            var optimized = original
            Passes.optimize(&optimized)
            #expect(optimized.verify() == [], "\(original.text())")
            let state = (0..<68).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let a = Self.run(original, state: state), b = Self.run(optimized, state: state)
            #expect(a.exit == b.exit)
            #expect(a.state == b.state, "state differs after optimization of\n\(original.text())\ninto\n\(optimized.text())")
            #expect(a.memory == b.memory)
        }
    }

    @Test("a flag stored twice in one basic block is stored once")
    func deadStores() {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let x = b.loadState(.i32, 0)
        b.storeState(64, x)
        b.storeState(64, b.addi(x, 1))
        b.exitTB(.yield)
        var block = b.finish(guestSize: 0, instructionCount: 0)
        Passes.optimize(&block)
        #expect(block.ops.filter { $0.opcode == .storeState }.count == 1)
    }

    @Test("an FP op with an unused result stays (its exception flags are an effect); fneg, fabs, bitcast go")
    func floatFlagEffects() {
        for opcode in [Opcode.fadd, .fsub, .fmul, .fdiv] {
            var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
            let x = b.loadState(.f64, 0), y = b.loadState(.f64, 8)
            // A register written twice: the first value is dead once its store is.
            b.storeState(16, b.binary(opcode, x, y))
            b.storeState(16, y)
            _ = b.unary(.fneg, x)
            _ = b.unary(.fabs, x)
            _ = b.bitcast(x, to: .i64)
            _ = b.unary(.fsqrt, x)
            _ = b.fconvert(x, to: .f32)
            _ = b.ftoi(x, to: .i32, signed: true, rounding: .towardZero)
            _ = b.itof(b.loadState(.i32, 24), to: .f32, signed: true)
            _ = b.fsetcond(.olt, x, y)
            b.exitTB(.yield)
            var block = b.finish(guestSize: 0, instructionCount: 0)
            Passes.optimize(&block)
            let kept = Set(block.ops.map(\.opcode))
            #expect(kept.isSuperset(of: [opcode, .fsqrt, .fconvert, .ftoi, .itof, .fsetcond]), "\(block.text())")
            #expect(kept.isDisjoint(with: [.fneg, .fabs, .bitcast]), "\(block.text())")
            #expect(block.ops.filter { $0.opcode == .storeState }.count == 1)
        }
    }

    @Test("a dead comparison goes when a kept one of the same operands follows in the same stretch")
    func coveredComparison() {
        /// VCMP-like comparisons of x, y whose results die, then `between`, then a branch on
        /// a comparison of y, x.
        func block(_ between: (inout IRBuilder) -> Void) -> Block {
            var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
            let x = b.loadState(.f32, 0), y = b.loadState(.f32, 4)
            b.storeState(16, b.fsetcond(.olt, x, y))
            b.storeState(16, b.fsetcond(.uno, x, y))
            b.storeState(16, b.const32(0))
            let sum = b.binary(.fadd, x, y)
            b.storeState(20, sum)
            b.storeState(20, b.binary(.fadd, x, y))
            between(&b)
            let done = b.newLabel()
            b.brcond(.ne, b.fsetcond(.oge, y, x), b.const32(0), done)
            b.label(done)
            b.exitTB(.yield)
            return b.finish(guestSize: 0, instructionCount: 0)
        }
        func count(_ opcode: Opcode, _ block: Block) -> Int {
            var optimized = block
            Passes.optimize(&optimized)
            return optimized.ops.filter { $0.opcode == opcode }.count
        }
        // Both dead comparisons go; of the two identical additions the dead first one goes.
        #expect(count(.fsetcond, block { _ in }) == 1)
        #expect(count(.fadd, block { _ in }) == 1)
        // A helper call, a memory access or a label between: the flags could be seen, or the
        // block stop, before the later comparison. (Of the two dead ones before it, the later
        // stays and covers the earlier.)
        #expect(count(.fsetcond, block { b in b.emit(Op(.call, .i64, imm: 0x1000, aux: HelperEffects.readsState.rawValue)) }) == 2)
        #expect(count(.fsetcond, block { b in _ = b.load(.u32, .i32, address: b.const32(0x100)) }) == 2)
        #expect(count(.fsetcond, block { b in b.label(b.newLabel()) }) == 2)
        // A comparison of other operands does not cover them.
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let x = b.loadState(.f32, 0), y = b.loadState(.f32, 4), z = b.loadState(.f32, 8)
        b.storeState(16, b.fsetcond(.olt, x, y))
        b.storeState(16, b.fsetcond(.olt, x, z))
        b.exitTB(.yield)
        #expect(count(.fsetcond, b.finish(guestSize: 0, instructionCount: 0)) == 2)
    }

    @Test("a store before a branch stays: the other path may read it")
    func storeBeforeBranch() {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let x = b.loadState(.i32, 0)
        b.storeState(64, x)
        let l = b.newLabel()
        b.brcond(.eq, x, b.const32(0), l)
        b.storeState(64, b.const32(1))
        b.label(l)
        b.exitTB(.yield)
        var block = b.finish(guestSize: 0, instructionCount: 0)
        Passes.optimize(&block)
        #expect(block.ops.filter { $0.opcode == .storeState }.count == 2)
    }

    static let raiseFlags: HelperFunction = { _, _, _, _ in 0 }

    /// A field stored, a cold branch over a rare path, then the field stored again and
    /// loaded: `path` fills the rare path, `secondEntry` adds another branch to its label.
    static func quietPathBlock(hint: BranchHint, secondEntry: Bool = false, _ path: (inout IRBuilder) -> Void) -> Block {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let x = b.loadState(.i32, 0)
        b.storeState(64, x)
        let l = b.newLabel()
        if secondEntry { b.brcond(.eq, x, b.const32(7), l) }
        b.brcond(.ne, x, b.const32(5), l, hint: hint)
        path(&b)
        b.label(l)
        b.storeState(64, b.addi(b.loadState(.i32, 0), 1))
        b.exitTB(.yield)
        var block = b.finish(guestSize: 0, instructionCount: 0)
        Passes.optimize(&block)
        return block
    }

    @Test("a quiet rare path (cold, no state, one way in) keeps fields known and stores dead across its label")
    func quietRarePath() {
        let flagsOnly: (inout IRBuilder) -> Void = { b in
            b.call(Self.raiseFlags, effects: [.floatFlags, .rare], result: nil, b.const32(1))
        }
        let loads = { (block: Block) in block.ops.filter { $0.opcode == .loadState && $0.imm == 0 }.count }
        let stores = { (block: Block) in block.ops.filter { $0.opcode == .storeState && $0.imm == 64 }.count }
        let quiet = Self.quietPathBlock(hint: .coldFallThrough, flagsOnly)
        #expect(loads(quiet) == 1 && stores(quiet) == 1)
        // Not quiet: unhinted, a second way in, a state store or a state-reading helper on the path.
        let others = [
            Self.quietPathBlock(hint: .none, flagsOnly),
            Self.quietPathBlock(hint: .coldFallThrough, secondEntry: true, flagsOnly),
            Self.quietPathBlock(hint: .coldFallThrough) { b in b.storeState(8, b.const32(1)) },
            Self.quietPathBlock(hint: .coldFallThrough) { b in
                b.call(Self.raiseFlags, effects: [.readsState, .rare], result: nil, b.const32(1))
            },
        ]
        for block in others { #expect(loads(block) == 2 && stores(block) == 2) }
    }

    @Test("identities become moves and constants", arguments: [
        (Opcode.add, UInt64(0)), (.sub, 0), (.or, 0), (.xor, 0), (.shl, 64), (.shr, 0), (.sar, 64), (.rotl, 0), (.and, 0xffff_ffff_ffff_ffff),
        (.and, 0), (.andc, 0), (.mul, 1), (.mul, 0),
    ])
    func identities(opcode: Opcode, k: UInt64) {
        for type in [IRType.i32, .i64] {
            var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
            let x = b.loadState(type, 8)
            b.storeState(0, b.binary(opcode, x, b.constant(type, k)))
            b.exitTB(.yield)
            let block = b.finish(guestSize: 0, instructionCount: 0)
            var simplified = block
            Passes.optimize(&simplified)
            #expect(!simplified.ops.contains { $0.opcode == opcode }, "\(opcode) \(k) stayed")
            let state = (0..<68).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Self.run(block, state: state).state == Self.run(simplified, state: state).state, "\(opcode).\(type.name) \(k)")
        }
    }

    @Test("a branch on a setcond result branches on the comparison itself")
    func branchOnComparison() {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let x = b.loadState(.i32, 0), y = b.loadState(.i32, 4)
        let l = b.newLabel()
        b.brcond(.eq, b.setcond(.gtu, x, y), b.const32(0), l)
        b.storeState(8, b.const32(1))
        b.label(l)
        b.exitTB(.yield)
        var block = b.finish(guestSize: 0, instructionCount: 0)
        Passes.optimize(&block)
        #expect(!block.ops.contains { $0.opcode == .setcond }, "\(block.text())")
        #expect(block.ops.contains { $0.opcode == .brcond && $0.aux == Condition.leu.rawValue })
    }

    @Test("deposit of constants folds", arguments: [(0, 16), (16, 16), (8, 1), (0, 32), (31, 1)])
    func depositFolds(position: Int, length: Int) {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        b.storeState(0, b.deposit(b.const32(0x1234_5678), b.const32(0x9abc_def0), position: position, length: length))
        b.exitTB(.yield)
        let block = b.finish(guestSize: 0, instructionCount: 0)
        var folded = block
        Passes.optimize(&folded)
        #expect(!folded.ops.contains { $0.opcode == .deposit })
        let zero = [UInt8](repeating: 0, count: 68)
        #expect(Self.run(block, state: zero).state == Self.run(folded, state: zero).state)
    }

    @Test("constants fold to what the interpreter computes", arguments: [Opcode.add, .sub, .mul, .and, .or, .xor, .andc, .orc, .shl, .shr, .sar])
    func folding(opcode: Opcode) {
        var rng = SplitMix64(seed: UInt64(opcode.rawValue) + 7)
        for type in [IRType.i32, .i64] {
            for _ in 0..<200 {
                let x = rng.next(), y = rng.next() % 3 == 0 ? rng.next() % 70 : rng.next()
                var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
                let r = b.binary(opcode, b.constant(type, x), b.constant(type, y))
                b.storeState(0, type == .i32 ? r : r)
                b.exitTB(.yield)
                let block = b.finish(guestSize: 0, instructionCount: 0)
                var folded = block
                Passes.optimize(&folded)
                #expect(!folded.ops.contains { $0.opcode == opcode }, "\(opcode) was not folded")
                let a = Self.run(block, state: [UInt8](repeating: 0, count: 68))
                let f = Self.run(folded, state: [UInt8](repeating: 0, count: 68))
                #expect(a.state == f.state, "\(opcode).\(type.name) \(x) \(y)")
            }
        }
    }
}
