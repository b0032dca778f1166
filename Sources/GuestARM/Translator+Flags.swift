// Condition flags: how NZCV are kept (ARMState) and how conditions read them (ARM ARM A8.3).

import IR

extension Translator {
    mutating func setNZ(_ result: Value) {
        b.storeState(ARMState.nf, result)
        b.storeState(ARMState.zf, result)
    }
    /// C = carry, a 0/1 value.
    mutating func setC(_ carry: Value) { b.storeState(ARMState.cf, carry) }
    /// V = bit 31 of v.
    mutating func setV(_ v: Value) { b.storeState(ARMState.vf, v) }

    mutating func carryFlag() -> Value { b.loadState(.i32, ARMState.cf) }

    /// Emits a branch to `target` taken when `cond` does not hold.
    mutating func branch(ifNot cond: UInt32, to target: Label) {
        let zero = b.const32(0)
        // After cmp/subs in this block, compare the operands directly: one host cmp + jcc.
        if cond < 14, let c = flagsOfCompare() {
            if let holds = Self.compareCondition(cond) {
                b.brcond(holds.inverted, c.x, c.y, target)
                return
            }
            if cond == 4 || cond == 5 {  // MI / PL: the sign of the result
                b.brcond(cond == 4 ? .ge : .lt, c.result, zero, target)
                return
            }
        }
        switch cond {
        case 0:  // EQ: Z set
            b.brcond(.ne, b.loadState(.i32, ARMState.zf), zero, target)
        case 1:  // NE
            b.brcond(.eq, b.loadState(.i32, ARMState.zf), zero, target)
        case 2:  // CS
            b.brcond(.eq, b.loadState(.i32, ARMState.cf), zero, target)
        case 3:  // CC
            b.brcond(.ne, b.loadState(.i32, ARMState.cf), zero, target)
        case 4:  // MI
            b.brcond(.ge, b.loadState(.i32, ARMState.nf), zero, target)
        case 5:  // PL
            b.brcond(.lt, b.loadState(.i32, ARMState.nf), zero, target)
        case 6:  // VS
            b.brcond(.ge, b.loadState(.i32, ARMState.vf), zero, target)
        case 7:  // VC
            b.brcond(.lt, b.loadState(.i32, ARMState.vf), zero, target)
        case 8, 9:  // HI: C set and Z clear; LS: the opposite
            let c = b.setcond(.ne, b.loadState(.i32, ARMState.cf), zero)
            let nz = b.setcond(.ne, b.loadState(.i32, ARMState.zf), zero)
            b.brcond(cond == 8 ? .eq : .ne, b.and(c, nz), zero, target)
        case 10, 11:  // GE: N == V; LT: N != V
            let x = b.xor(b.loadState(.i32, ARMState.nf), b.loadState(.i32, ARMState.vf))
            b.brcond(cond == 10 ? .lt : .ge, x, zero, target)
        case 12, 13:  // GT: Z clear and N == V; LE: the opposite
            let x = b.xor(b.loadState(.i32, ARMState.nf), b.loadState(.i32, ARMState.vf))
            let ge = b.setcond(.ge, x, zero)
            let nz = b.setcond(.ne, b.loadState(.i32, ARMState.zf), zero)
            b.brcond(cond == 12 ? .eq : .ne, b.and(ge, nz), zero, target)
        default:
            break
        }
    }

    /// result = a + b + carryIn with the flags of AddWithCarry (A2.2.1) when `setFlags`.
    /// carryIn nil means 0.
    mutating func addWithCarry(_ x: Value, _ y: Value, carryIn: Value?, setFlags: Bool) -> Value {
        guard let carryIn else {
            let result = b.add(x, y)
            if setFlags {
                setNZ(result)
                setC(b.setcond(.ltu, result, x))
                setV(b.andc(b.xor(result, x), b.xor(x, y)))
            }
            return result
        }
        if !setFlags { return b.add(b.add(x, y), carryIn) }
        let sum = b.add(b.add(b.zext(x), b.zext(y)), b.zext(carryIn))
        let result = b.trunc(sum)
        setNZ(result)
        setC(b.trunc(b.shri(sum, 32)))
        setV(b.andc(b.xor(result, x), b.xor(x, y)))
        return result
    }

    /// result = a - b with the flags of AddWithCarry(a, NOT(b), 1).
    mutating func subtract(_ x: Value, _ y: Value, setFlags: Bool) -> Value {
        let result = b.sub(x, y)
        if setFlags {
            setNZ(result)
            setC(b.setcond(.geu, x, y))
            setV(b.and(b.xor(x, y), b.xor(x, result)))
            compare = (x, y, result, b.count)
        }
        return result
    }

    /// The comparison NZCV still come from: the last flag-setting subtraction, if no op since
    /// wrote a flag (a store, a helper that writes state), redefined its operands, or joined a
    /// path from before it (a label some earlier branch targets).
    func flagsOfCompare() -> (x: Value, y: Value, result: Value)? {
        guard let c = compare else { return nil }
        let ops = b.block.ops
        let flags = UInt64(ARMState.nf)..<UInt64(ARMState.vf + 4)
        var labels: [UInt64] = []
        for op in ops[c.from...] {
            switch op.opcode {
            case .storeState where flags.overlaps(op.imm..<op.imm + UInt64(op.type.bits / 8)):
                return nil
            case .call where HelperEffects(rawValue: op.aux).contains(.writesState):
                return nil
            case .label:
                labels.append(op.imm)
            default:
                break
            }
            if op.opcode.hasResult && (op.dst == c.x || op.dst == c.y || op.dst == c.result) { return nil }
        }
        for op in ops[..<c.from] where (op.opcode == .br || op.opcode == .brcond) && labels.contains(op.imm) { return nil }
        return (c.x, c.y, c.result)
    }

    /// The IR condition that holds when ARM condition `cond` does, after a compare x - y
    /// (MI, PL, VS and VC have none: they test the result's sign or the overflow).
    static func compareCondition(_ cond: UInt32) -> Condition? {
        switch cond {
        case 0: .eq
        case 1: .ne
        case 2: .geu
        case 3: .ltu
        case 8: .gtu
        case 9: .leu
        case 10: .ge
        case 11: .lt
        case 12: .gt
        case 13: .le
        default: nil
        }
    }
}
