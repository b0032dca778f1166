// Random IR blocks for the differential fuzzer: every opcode on every type it takes, shaped like
// translated code and then some. A block starts by loading many values from the state (more
// integers and floats than the JIT has registers) and stores them all at the end, so they are
// live throughout, across helper calls and loops; in between come random ops, forward
// conditional regions and if/else diamonds that reassign outer values (merges at labels),
// bounded backward loops that carry values around, memory accesses inside the 64 KiB window
// (some through i32 addresses that wrap at 4 GiB, or i64 ones that wrap at 2^64), helper calls,
// early exits, and one of the three terminals at the end.
//
// State layout: [0, 512) inputs, stores anywhere below 920, [928, 960) the helpers' record,
// 1016 the exit-request flag (left clear). Memory: addresses in [0x1000, 0x9100).

import IR
import TestTools

struct BlockGenerator {
    var rng: SplitMix64
    /// Address of the clobbering helper (machine code in the arena), besides the Swift helpers.
    let clobberHelper: UInt64
    var b = IRBuilder(key: BlockKey(pc: 0x4000, flags: 0))
    /// Values usable at the current point, by type (IRType.rawValue).
    var pool: [[Value]] = [[], [], [], []]
    /// The long-lived values loaded at the start, stored at the end.
    var anchors: [Value] = []
    var depth = 0
    var pc: UInt64 = 0x4000

    init(seed: UInt64, clobberHelper: UInt64) {
        rng = SplitMix64(seed: seed)
        self.clobberHelper = clobberHelper
    }

    /// A random image for this generator's blocks: random state (float slots hold specials
    /// often), random memory.
    static func image(_ rng: inout SplitMix64) -> GuestImage {
        var image = GuestImage()
        for k in 0..<(GuestBuffers.stateSize / 8) {
            let v: UInt64 = switch rng.below(4) {
            case 0: rng.float(.f64)
            case 1: rng.float(.f32) | rng.float(.f32) << 32
            default: rng.operand(bits: 64)
            }
            image.set64(8 * k, v)
        }
        image.set32(Differential.exitRequestOffset, 0)
        for k in stride(from: 0, to: image.memory.count, by: 8) {
            let v = rng.next()
            for i in 0..<8 { image.memory[k + i] = UInt8(truncatingIfNeeded: v >> UInt64(8 * i)) }
        }
        return image
    }

    mutating func generate() -> Block {
        b.insnStart(pc)
        // Anchors: 14 i32, 8 i64, 12 f32, 10 f64, all live to the end.
        for (type, count) in [(IRType.i32, 14), (.i64, 8), (.f32, 12), (.f64, 10)] {
            for _ in 0..<count {
                let v = b.loadState(type, rng.below(504 - 8))
                anchors.append(v)
                pool[Int(type.rawValue)].append(v)
            }
        }
        steps(20 + rng.below(100))
        for (k, v) in anchors.enumerated() where rng.chance(85) {
            b.storeState(520 + 8 * k, v)
        }
        terminal()
        return b.finish(guestSize: UInt32(pc - 0x4000 + 4), instructionCount: UInt32((pc - 0x4000) / 4 + 1))
    }

    // MARK: Structure

    mutating func steps(_ n: Int) {
        for _ in 0..<n { step() }
    }

    mutating func step() {
        switch rng.below(100) {
        case 0..<45: integerOp()
        case 45..<60: floatOp()
        case 60..<70: memoryOp()
        case 70..<75: stateOp()
        case 75..<80: callOp()
        case 80..<84: if depth < 3 { region() } else { integerOp() }
        case 84..<87: if depth < 3 { diamond() } else { integerOp() }
        case 87..<90: if depth < 2 { loop() } else { floatOp() }
        case 90..<93: reassign()
        case 93..<95: earlyExit()
        case 95..<97:
            pc += 4
            b.insnStart(pc)
        default: b.fence()
        }
    }

    /// Runs `body` with the pools restored afterwards to what they were (values defined inside
    /// are not defined on every path past the label).
    mutating func scoped(_ body: (inout BlockGenerator) -> Void) {
        let saved = pool
        depth += 1
        body(&self)
        depth -= 1
        pool = saved
    }

    /// brcond over a few steps.
    mutating func region() {
        let skip = b.newLabel()
        condition(to: skip)
        scoped { g in g.steps(1 + g.rng.below(8)) }
        b.label(skip)
    }

    /// if/else, each side assigning the same outer value.
    mutating func diamond() {
        let elseLabel = b.newLabel(), end = b.newLabel()
        let type = IRType.allCases[rng.below(4)]
        let merged = b.mov(pick(type))
        condition(to: elseLabel)
        scoped { g in
            g.steps(g.rng.below(6))
            g.b.assign(merged, g.pick(type))
        }
        b.br(end)
        b.label(elseLabel)
        scoped { g in
            g.steps(g.rng.below(6))
            g.b.assign(merged, g.pick(type))
        }
        b.label(end)
        add(merged)
    }

    /// A backward loop run 1-4 times, its counter private; the body may reassign outer values.
    mutating func loop() {
        let counter = b.const32(UInt32(1 + rng.below(4)))
        let top = b.newLabel()
        b.label(top)
        var topExit: (label: Label, value: Value)? = nil
        if rng.chance(30) {
            // Exit at the top on the last round, reading a value defined later in the body:
            // defined on that path, by the previous round.
            let exitLabel = b.newLabel()
            steps(1 + rng.below(3))
            b.brcond(.eq, counter, b.const32(0), exitLabel)
            let carried = b.binary(.add, pick(.i32), pick(.i32))
            topExit = (exitLabel, carried)
        }
        depth += 1
        steps(2 + rng.below(10))
        depth -= 1
        if let topExit {
            b.assign(counter, b.sub(counter, b.const32(1)))
            b.br(top)
            b.label(topExit.label)
            add(topExit.value)
        } else {
            b.assign(counter, b.sub(counter, b.const32(1)))
            b.brcond(.ne, counter, b.const32(0), top)
        }
    }

    /// An outer value takes a new value of its type (a second definition).
    mutating func reassign() {
        let type = IRType.allCases[rng.below(4)]
        let list = pool[Int(type.rawValue)]
        guard list.count > 1 else { return }
        let target = list[rng.below(list.count)]
        if rng.chance(30) {
            b.assign(target, constant: rng.value(type))
        } else {
            b.assign(target, pick(type))
        }
    }

    /// A rarely taken exit in the middle.
    mutating func earlyExit() {
        let skip = b.newLabel()
        // Taken (exits) when the condition fails: make that rare with tstne on a random mask.
        let x = pick(.i32)
        b.brcond(.ne, x, b.const32(UInt32(truncatingIfNeeded: rng.next() | 1)), skip)
        terminal()
        b.label(skip)
    }

    mutating func terminal() {
        switch rng.below(4) {
        case 0:
            b.storeState(60, b.const32(UInt32(truncatingIfNeeded: rng.next())))
            b.gotoTB(slot: rng.below(2))
        case 1:
            let pcValue = rng.chance(50) ? pick(.i32) : pick(.i64)
            b.lookupAndGoto(pc: pcValue, flags: pick(.i32))
        default:
            let reasons = ExitReason.allCases
            b.exitTB(reasons[rng.below(reasons.count)], payload: rng.operand(bits: 64))
        }
    }

    /// A brcond to `label` on random operands.
    mutating func condition(to label: Label) {
        let type: IRType = rng.chance(60) ? .i32 : .i64
        let cond = Condition.allCases[rng.below(Condition.allCases.count)]
        let rhs = rng.chance(30) ? b.constant(type, rng.operand(bits: type.bits)) : pick(type)
        b.brcond(cond, pick(type), rhs, label)
    }

    // MARK: Values

    mutating func add(_ v: Value) { pool[Int(b.type(of: v).rawValue)].append(v) }

    /// A value of `type`: recent ones more often, so computations chain.
    mutating func pick(_ type: IRType) -> Value {
        let list = pool[Int(type.rawValue)]
        if list.isEmpty { return b.constant(type, rng.value(type)) }
        if rng.chance(50) { return list[list.count - 1 - rng.below(min(list.count, 6))] }
        return list[rng.below(list.count)]
    }

    mutating func integerType() -> IRType { rng.chance(55) ? .i32 : .i64 }
    mutating func floatType() -> IRType { rng.chance(50) ? .f32 : .f64 }
}
