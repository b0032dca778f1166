// The op emitters of the block generator: integer, float, memory, state and call ops with
// operands from the pools, constants of edge values, and memory addresses kept in the window.

import IR

extension BlockGenerator {
    static let binaryIntegerOps: [Opcode] = [.add, .sub, .mul, .mulhu, .mulhs, .divu, .divs, .remu, .rems,
                                             .and, .or, .xor, .andc, .orc, .shl, .shr, .sar, .rotl, .rotr]
    static let unaryIntegerOps: [Opcode] = [.not, .neg, .ext8s, .ext8u, .ext16s, .ext16u, .bswap16, .bswap32,
                                            .clz, .ctz, .popcount]

    /// A second operand: a pool value, or a constant (the JIT folds many into immediates).
    mutating func operand(_ type: IRType) -> Value {
        rng.chance(25) ? b.constant(type, rng.value(type)) : pick(type)
    }

    mutating func integerOp() {
        let type = integerType()
        let r: Value
        switch rng.below(100) {
        case 0..<40:
            let op = rng.pick(Self.binaryIntegerOps)
            let lhs = rng.chance(10) ? b.constant(type, rng.value(type)) : pick(type)
            r = b.binary(op, lhs, operand(type))
        case 40..<52:
            r = b.unary(rng.pick(Self.unaryIntegerOps), pick(type))
        case 52..<62:
            let w = type.bits
            let p = rng.below(w)
            let l = 1 + rng.below(w - p)
            switch rng.below(3) {
            case 0: r = b.extract(pick(type), position: p, length: l)
            case 1: r = b.sextract(pick(type), position: p, length: l)
            default: r = b.deposit(pick(type), pick(type), position: p, length: l)
            }
        case 62..<72:
            switch rng.below(5) {
            case 0: r = b.zext(pick(.i32))
            case 1: r = b.sext(pick(.i32))
            case 2: r = b.trunc(pick(.i64))
            case 3: r = b.concat(low: pick(.i32), high: pick(.i32))
            default: r = b.unary(.bswap64, pick(.i64))
            }
        case 72..<84:
            r = b.setcond(rng.pick(Condition.allCases), pick(type), operand(type))
        case 84..<92:
            let t = IRType.allCases[rng.below(4)]
            r = b.select(pick(.i32), pick(t), pick(t))
        case 92..<96:
            r = b.constant(type, rng.value(type))
        default:
            r = b.mov(pick(IRType.allCases[rng.below(4)]))
        }
        add(r)
    }

    mutating func floatOp() {
        let type = floatType()
        let r: Value
        switch rng.below(100) {
        case 0..<30:
            r = b.binary(rng.pick([Opcode.fadd, .fsub, .fmul, .fdiv]), pick(type), pick(type))
        case 30..<40:
            let op = rng.pick([Opcode.fsqrt, .fneg, .fabs])
            r = b.unary(op, pick(type))
        case 40..<52:
            r = b.fsetcond(rng.pick(FloatCondition.allCases), pick(type), pick(type))
        case 52..<60:
            r = b.fconvert(pick(type == .f32 ? .f64 : .f32), to: type)
        case 60..<72:
            r = b.itof(pick(integerType()), to: type, signed: rng.chance(50))
        case 72..<84:
            let mode: RoundingMode? = rng.chance(20) ? nil : rng.pick(RoundingMode.allCases)
            r = b.ftoi(pick(type), to: integerType(), signed: rng.chance(50), rounding: mode)
        case 84..<94:
            let from = IRType.allCases[rng.below(4)]
            let to: IRType = from.isInteger ? (from.bits == 32 ? .f32 : .f64) : (from.bits == 32 ? .i32 : .i64)
            r = b.bitcast(pick(from), to: to)
        default:
            r = b.constant(type, rng.float(type))
        }
        add(r)
    }

    /// An address and displacement whose effective address lies in [0x1000, 0x9100), aligned
    /// to `alignment` when asked.
    mutating func address(alignment: Int) -> (Value, UInt64) {
        let mask = UInt64(0x7fff) & ~UInt64(alignment - 1)
        let offset = b.binary(.and, pick(.i32), b.const32(UInt32(mask)))  // [0, 0x8000)
        switch rng.below(6) {
        case 0:  // i32 base + 0x1000
            return (b.addi(offset, 0x1000), 0)
        case 1:  // i32 with a displacement
            let d = UInt64(rng.below(32) * 8)
            return (b.addi(offset, 0x1000), d)
        case 2:  // i32 wrapping at 4 GiB: 0xffff_0000 + offset + 0x1_1000
            return (b.ori(offset, 0xffff_0000), rng.chance(50) ? 0x1_1000 : 0xffff_ffff_0001_1000)
        case 3:  // i64 from the i32 offset, negative displacement
            return (b.addi(b.zext(offset), 0x1100), 0xffff_ffff_ffff_ff00)
        case 4:  // i64 wrapping at 2^64
            return (b.addi(b.zext(offset), 0xffff_ffff_ffff_0000), 0x1_1000)
        default:  // i64 with a displacement that is no imm32
            return (b.addi(b.zext(offset), 0x1_0000_1000), 0xffff_ffff_0000_0000)
        }
    }

    mutating func memoryOp() {
        let size = rng.pick([1, 2, 4, 8])
        let aligned = rng.chance(15)
        var memop = MemOp(size: size, signed: rng.chance(40), bigEndian: rng.chance(40), aligned: aligned)
        switch rng.below(10) {
        case 0..<5:
            var types: [IRType] = [.i64, .i32]
            if size == 4 { types.append(.f32) }
            if size == 8 { types.append(.f64) }
            let type = rng.pick(types)
            let (a, d) = address(alignment: aligned && rng.chance(70) ? size : 1)
            add(b.load(memop, type, address: a, offset: d))
        case 5..<9:
            var types: [IRType] = [.i64]
            if size <= 4 { types.append(.i32) }
            if size == 4 { types.append(.f32) }
            if size == 8 { types.append(.f64) }
            let type = rng.pick(types)
            let (a, d) = address(alignment: aligned && rng.chance(70) ? size : 1)
            b.store(memop, address: a, offset: d, pick(type))
        default:
            // Atomics: unsigned, naturally aligned (an unaligned one is unspecified), no
            // displacement (the builder's cmpxchg has none).
            memop = MemOp(size: size, signed: false, bigEndian: memop.isBigEndian,
                          aligned: aligned && rng.chance(50))
            let misalign = memop.mustBeAligned && rng.chance(50)
            let type: IRType = size == 8 || rng.chance(50) ? .i64 : .i32
            let (a, d) = address(alignment: misalign ? 1 : size)
            let full = d == 0 ? a : b.add(a, b.constant(b.type(of: a), d))
            // Expected: often what memory holds (a load first), so the exchange happens.
            let expected = rng.chance(50) ? b.load(MemOp(size: size, bigEndian: memop.isBigEndian), type, address: full)
                : pick(type)
            add(b.cmpxchg(memop, address: full, expected: expected, new: pick(type)))
        }
    }

    mutating func stateOp() {
        let type = IRType.allCases[rng.below(4)]
        if rng.chance(50) {
            add(b.loadState(type, rng.below(912)))
        } else {
            b.storeState(rng.below(912), rng.chance(20) ? b.constant(type, rng.value(type)) : pick(type))
        }
    }

    mutating func callOp() {
        let helpers = Helpers.all.map { Helpers.address($0) } + [clobberHelper]
        let helper = rng.pick(helpers)
        var args: [Value] = []
        for _ in 0..<rng.below(4) {
            args.append(pick(IRType.allCases[rng.below(4)]))
        }
        let result: IRType? = rng.chance(20) ? nil : IRType.allCases[rng.below(4)]
        if let r = b.emitCall(helper, effects: .all, result: result, args) { add(r) }
    }
}
