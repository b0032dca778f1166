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
        // After vcmp and vmrs APSR_nzcv in this block, compare the floats directly.
        if cond < 14, let c = flagsOfFloatCompare(), let (fc, negated) = Self.floatCompareCondition(cond) {
            b.brcond(negated ? .ne : .eq, b.fsetcond(fc, c.x, c.y), zero, target)
            return
        }
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
        guard let c = compare,
              unchanged(since: c.from, fields: UInt64(ARMState.nf)..<UInt64(ARMState.vf + 4), c.x, c.y, c.result)
        else { return nil }
        return (c.x, c.y, c.result)
    }

    /// The float comparison NZCV still come from: the last VCMP whose flags VMRS APSR_nzcv
    /// copied, under the same conditions as flagsOfCompare.
    func flagsOfFloatCompare() -> (x: Value, y: Value)? {
        guard let c = floatFlags,
              unchanged(since: c.from, fields: UInt64(ARMState.nf)..<UInt64(ARMState.vf + 4), c.x, c.y)
        else { return nil }
        return (c.x, c.y)
    }

    /// Whether no op from index `from` on wrote a byte of `fields` (a state store, a helper
    /// that writes state) or redefined one of the values, and no path from before `from`
    /// joins after it (a label some earlier branch targets).
    func unchanged(since from: Int, fields: Range<UInt64>, _ v0: Value, _ v1: Value, _ v2: Value = .none) -> Bool {
        let ops = b.block.ops
        var labels: [UInt64] = []
        for op in ops[from...] {
            switch op.opcode {
            case .storeState where fields.overlaps(op.imm..<op.imm + UInt64(op.type.bits / 8)):
                return false
            case .call where HelperEffects(rawValue: op.aux).contains(.writesState):
                return false
            case .label:
                labels.append(op.imm)
            default:
                break
            }
            if op.opcode.hasResult && (op.dst == v0 || op.dst == v1 || op.dst == v2) { return false }
        }
        for op in ops[..<from] where (op.opcode == .br || op.opcode == .brcond) && labels.contains(op.imm) { return false }
        return true
    }

    /// The float condition that holds when ARM condition `cond` does after VCMP x, y and
    /// VMRS APSR_nzcv (less 1000, equal 0110, greater 0010, unordered 0011), and whether it
    /// is the condition's complement that holds.
    static func floatCompareCondition(_ cond: UInt32) -> (FloatCondition, negated: Bool)? {
        switch cond {
        case 0: (.oeq, false)   // EQ: equal
        case 1: (.oeq, true)    // NE: less, greater, unordered
        case 2: (.olt, true)    // CS: equal, greater, unordered
        case 3: (.olt, false)   // CC
        case 4: (.olt, false)   // MI
        case 5: (.olt, true)    // PL
        case 6: (.uno, false)   // VS
        case 7: (.uno, true)    // VC
        case 8: (.ole, true)    // HI: greater or unordered
        case 9: (.ole, false)   // LS
        case 10: (.oge, false)  // GE: N == V
        case 11: (.oge, true)   // LT: less or unordered
        case 12: (.ogt, false)  // GT
        case 13: (.ogt, true)   // LE: less, equal or unordered
        default: nil
        }
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
