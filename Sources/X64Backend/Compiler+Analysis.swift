// What the code generator learns about a block before it allocates registers: one forward walk
// gathers each value's definitions, first and last op, constant and register hint, and where
// the labels and helper calls are; and, when the registers run out, which values can live in a
// guest state field instead of a spill slot.

import IR

extension X64Compiler {
    /// The first walk: definitions, live ranges in op order (Liveness.swift stretches them over
    /// loops), constants that need no register, register hints, label and call positions, and
    /// the order in which values first appear (their order by start, unless a loop stretches
    /// a start backward).
    mutating func scan(_ ops: UnsafeBufferPointer<Op>, labelCount: Int) {
        let info = values.pointer
        let n = valueCount
        labelPositions.reset(count: labelCount, to: -1)
        loopHeads.reset(count: labelCount, to: false)
        callsBefore.reset(count: ops.count + 1, to: 0)
        appearance.removeAll()
        hasBackwardBranch = false
        appearanceIsSorted = true
        var calls = 0
        for i in 0..<ops.count {
            let op = ops[i]
            callsBefore[i] = calls
            let appeared = appearance.count
            switch op.opcode {
            case .call:
                // A rare call keeps every register (lowerCall): values may live across it.
                if !HelperEffects(rawValue: op.aux).contains(.rare) { calls += 1 }
            case .label:
                if op.imm < UInt64(labelCount) { labelPositions[Int(op.imm)] = i }
            case .br, .brcond:
                if op.imm < UInt64(labelCount) && labelPositions[Int(op.imm)] >= 0 {
                    hasBackwardBranch = true
                    loopHeads[Int(op.imm)] = true
                }
            default:
                if needsCall(op) { calls += 1 }
            }
            // b of these ops can be an imm32 (sign-extended for 64-bit operations); a constant
            // used anywhere else, or too wide for its use, needs a register.
            let immediateB: Bool = switch op.opcode {
            case .add, .sub, .and, .or, .xor, .andc, .orc, .shl, .shr, .sar, .rotl, .rotr, .setcond, .brcond, .mul: true
            default: false
            }
            @inline(__always) func use(_ v: Value) {
                guard Int(v.index) < n else { return }  // Value.none included
                let k = Int(v.index)
                if info[k].start == Int32.max {
                    info[k].start = Int32(i)
                    appearance.append(UInt32(k))
                }
                info[k].end = Int32(i)
                guard info[k].isInline else { return }
                let constant = info[k].constant
                let fits = op.type.bits == 32 || Int64(bitPattern: constant) == Int64(Int32(truncatingIfNeeded: constant))
                // store_state of a constant is a store of an immediate.
                let stateStore = op.opcode == .storeState && v == op.a && fits
                let asB = v == op.b && immediateB && fits && v != op.a && v != op.c
                if !(stateStore || asB) { info[k].isInline = false }
            }
            use(op.a)
            use(op.b)
            use(op.c)
            if op.opcode.hasResult && Int(op.dst.index) < n {
                let d = Int(op.dst.index)
                if info[d].start == Int32.max {
                    info[d].start = Int32(i)
                    appearance.append(UInt32(d))
                }
                info[d].end = Int32(i)
                if info[d].definitions < 2 { info[d].definitions += 1 }
                // A constant defined again is materialized (findImmediateOnlyConstants).
                if op.opcode == .const_ && op.type.isInteger && info[d].definitions == 1 {
                    info[d].isInline = true
                    info[d].constant = op.imm
                }
                // Two-address ops whose result may share the register of their first operand:
                // their lowering copies a into the result's register first and reads the other
                // operands from registers that are still live, so the copy disappears when the
                // two coincide.
                if !op.a.isNone && info[d].hintAt < 0 {
                    switch op.opcode {
                    case .add, .sub, .and, .or, .xor, .andc, .orc, .mul, .shl, .shr, .sar, .rotl, .rotr, .not, .neg:
                        if op.type.isInteger {
                            info[d].hintAt = Int32(i)
                            info[d].hintOperand = op.a.index
                        }
                    case .fadd, .fsub, .fmul, .fdiv, .fneg, .fabs, .vand, .vor, .vxor, .vadd, .vsub, .vmul, .vcmpeq,
                         .vcmpgt, .vinsert, .vfadde, .vfsube, .vfmule, .vfdive, .vfcmp, .vshuffle:
                        info[d].hintAt = Int32(i)
                        info[d].hintOperand = op.a.index
                    default:
                        break
                    }
                    if info[d].hintAt == Int32(i) && Self.commutes(op) { info[d].hintSecond = op.b.index }
                }
            }
            // Values first seen together at one op are ordered by index in the intervals: more
            // than one (only an operand used before any definition) takes the sorting path.
            if appearance.count - appeared > 1 { appearanceIsSorted = false }
        }
        callsBefore[ops.count] = calls
    }

    /// Whether `op`'s two operands may trade places in its two-address lowering: integer and
    /// lane ops whose result does not depend on the order, and float additions and products
    /// whose NaN rule does not pick an operand (x86 returns the first NaN operand, so under
    /// NaNRule.firstNaN the order stays the IR's).
    static func commutes(_ op: Op) -> Bool {
        switch op.opcode {
        case .add, .mul, .and, .or, .xor: op.type.isInteger
        case .vand, .vor, .vxor, .vadd, .vmul, .vcmpeq, .vfcmp: true
        case .fadd, .fmul: op.aux == NaNRule.unspecified.rawValue
        case .vfadde, .vfmule: op.aux >> 2 == NaNRule.unspecified.rawValue
        default: false
        }
    }

    /// The guest state field value `index` can be re-read from while it lives, if any: a value
    /// loaded from a field that nothing writes while it lives, so that a spilled one is re-read
    /// from the field instead of going through a slot (Location.state). Asked only when the
    /// registers run out, so most blocks never work it out; remembered once known.
    mutating func home(_ index: Int, _ ops: UnsafeBufferPointer<Op>) -> Int32? {
        let info = values.pointer
        if !info[index].homeKnown {
            info[index].home = findHome(index, ops)
            info[index].homeKnown = true
        }
        return info[index].home
    }

    private func findHome(_ index: Int, _ ops: UnsafeBufferPointer<Op>) -> Int32? {
        let info = values.pointer
        @inline(__always) func field(_ op: Op) -> (start: UInt64, end: UInt64) { (op.imm, op.imm + UInt64(op.type.bits / 8)) }
        @inline(__always) func overlap(_ f: (start: UInt64, end: UInt64), _ g: (start: UInt64, end: UInt64)) -> Bool {
            f.start < g.end && g.start < f.end
        }
        /// Nothing in ops (from, through] writes `f`.
        func unchanged(_ f: (start: UInt64, end: UInt64), after from: Int, through end: Int) -> Bool {
            var i = from + 1
            while i <= end {
                let later = ops[i]
                if later.opcode == .storeState && overlap(f, field(later))
                    || later.opcode == .call && HelperEffects(rawValue: later.aux).contains(.writesState)
                    || (later.opcode == .vfadd || later.opcode == .vfsub || later.opcode == .vfmul) && overlap(f, (later.imm, later.imm + 4)) {
                    return false
                }
                i += 1
            }
            return true
        }
        // A v128 lives in registers or slots only (its 16-byte copies are Lowering+Vector's).
        guard info[index].start != Int32.max, info[index].definitions == 1, valueTypes[index] != .v128 else { return nil }
        let start = Int(info[index].start), end = Int(info[index].end), v = Value(UInt32(index))
        let op = ops[start]
        guard op.opcode == .loadState, op.dst == v else { return nil }
        if unchanged(field(op), after: start, through: end) { return Int32(op.imm) }
        // Its own field changes, but its first use stores it to another field that then
        // stays: that field is its home, written where the value is loaded (the store moves
        // up; nothing in between may read or write the field, access memory or leave).
        var s = start + 1
        while s < ops.count && ops[s].a != v && ops[s].b != v && ops[s].c != v { s += 1 }
        guard s < ops.count else { return nil }
        let store = ops[s]
        guard store.opcode == .storeState, store.a == v, store.type.bits == op.type.bits,
              unchanged(field(store), after: s, through: end) else { return nil }
        for o in ops[(start + 1)..<s] {
            let allowed = switch o.opcode {
            case .loadState, .storeState: !overlap(field(o), field(store))
            case .load, .store, .cmpxchg, .fence, .call, .label, .br, .brcond, .gotoTB, .lookupAndGoto, .exitTB: false
            default: !needsCall(o)
            }
            if !allowed { return nil }
        }
        return Int32(store.imm)
    }
}
