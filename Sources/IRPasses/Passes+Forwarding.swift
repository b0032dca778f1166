// State forwarding, copy propagation and constant folding in one forward walk.
//
// - A load_state of a field whose value is known (stored or loaded earlier in the same basic
//   block, with no overlapping store, helper that writes state, or label in between) becomes
//   a use of that value.
// - A mov of a single-definition value is replaced by the value itself.
// - An op whose operands are all constants becomes a constant, an identity (x + 0) a mov, and
//   a test of a 0/1 value against 0 the value itself (see Passes+Fold.swift).
// - A brcond that tests a setcond result against 0 becomes a brcond on the setcond's operands.

import IR

extension Passes {
    static func forwardStateAndFold(_ block: inout Block) {
        let defs = definitionCounts(block)
        func single(_ v: Value) -> Bool { !v.isNone && Int(v.index) < defs.count && defs[Int(v.index)] == 1 }

        var replacement = [UInt32](repeating: .max, count: block.valueTypes.count)
        var constant = [UInt64?](repeating: nil, count: block.valueTypes.count)
        // Values known to be 0 or 1, and the comparison that defined a setcond result.
        var boolean = [Bool](repeating: false, count: block.valueTypes.count)
        var comparison = [Int32](repeating: -1, count: block.valueTypes.count)  // op index
        // Known state fields: (offset, byte size, type) -> value.
        var known: [(offset: UInt64, size: UInt64, type: IRType, value: Value)] = []

        func resolve(_ v: Value) -> Value {
            guard !v.isNone, Int(v.index) < replacement.count else { return v }
            let r = replacement[Int(v.index)]
            return r == .max ? v : Value(r)
        }
        func forget(overlapping offset: UInt64, _ size: UInt64) {
            known.removeAll { $0.offset < offset + size && offset < $0.offset + $0.size }
        }

        for i in block.ops.indices {
            var op = block.ops[i]
            op.a = resolve(op.a)
            op.b = resolve(op.b)
            op.c = resolve(op.c)
            switch op.opcode {
            case .label:
                known.removeAll(keepingCapacity: true)
            case .call:
                let effects = HelperEffects(rawValue: op.aux)
                if effects.contains(.writesState) { known.removeAll(keepingCapacity: true) }
            case .loadState:
                let size = UInt64(op.type.bits / 8)
                if single(op.dst), let k = known.first(where: { $0.offset == op.imm && $0.size == size && $0.type == op.type }) {
                    replacement[Int(op.dst.index)] = k.value.index
                    constant[Int(op.dst.index)] = constant[Int(k.value.index)]
                    op = Op(.mov, op.type, dst: op.dst, a: k.value)
                } else if single(op.dst) {
                    forget(overlapping: op.imm, size)
                    known.append((op.imm, size, op.type, op.dst))
                }
            case .storeState:
                let size = UInt64(op.type.bits / 8)
                forget(overlapping: op.imm, size)
                if single(op.a) { known.append((op.imm, size, op.type, op.a)) }
            case .mov:
                if single(op.dst) && single(op.a) {
                    replacement[Int(op.dst.index)] = op.a.index
                    constant[Int(op.dst.index)] = constant[Int(op.a.index)]
                    boolean[Int(op.dst.index)] = boolean[Int(op.a.index)]
                }
            case .const_:
                if single(op.dst) {
                    constant[Int(op.dst.index)] = op.imm
                    boolean[Int(op.dst.index)] = op.imm <= 1
                }
            case .brcond:
                // brcond ne/eq (setcond c x y), 0  ->  brcond c / !c x y
                if single(op.a), single(op.b), constant[Int(op.b.index)] == 0, comparison[Int(op.a.index)] >= 0,
                   case let cmp = block.ops[Int(comparison[Int(op.a.index)])], op.aux == Condition.ne.rawValue || op.aux == Condition.eq.rawValue,
                   let c = Condition(rawValue: cmp.aux), single(cmp.a), cmp.b.isNone || single(cmp.b) {
                    op = Op(.brcond, cmp.type, a: cmp.a, b: cmp.b, imm: op.imm, aux: (op.aux == Condition.ne.rawValue ? c : c.inverted).rawValue)
                }
            default:
                guard single(op.dst) else { break }
                if let folded = fold(op, constant) {
                    op = Op(.const_, op.type, dst: op.dst, imm: folded)
                    constant[Int(op.dst.index)] = folded
                    boolean[Int(op.dst.index)] = folded <= 1
                } else if let simpler = simplify(op, constant, boolean: boolean) {
                    op = simpler
                    let d = Int(op.dst.index)
                    if op.opcode == .mov, single(op.a) {
                        replacement[d] = op.a.index
                        constant[d] = constant[Int(op.a.index)]
                        boolean[d] = boolean[Int(op.a.index)]
                    } else if op.opcode == .const_ {
                        constant[d] = op.imm
                        boolean[d] = op.imm <= 1
                    }
                } else if op.opcode == .setcond {
                    boolean[Int(op.dst.index)] = true
                    if single(op.a) && single(op.b) { comparison[Int(op.dst.index)] = Int32(i) }
                } else if op.opcode == .and || op.opcode == .or || op.opcode == .xor {
                    boolean[Int(op.dst.index)] = boolean[Int(op.a.index)] && boolean[Int(op.b.index)]
                } else if op.opcode == .zext {
                    boolean[Int(op.dst.index)] = boolean[Int(op.a.index)]
                }
            }
            // A value redefined (assign) invalidates what was known about it.
            if op.opcode.hasResult && !op.dst.isNone && !single(op.dst) {
                known.removeAll { $0.value == op.dst }
            }
            block.ops[i] = op
        }
    }
}
