// The verifier's rules for v128 values and the lane ops (Documentation/IR.md, "Vectors").

extension Block {
    /// What is wrong with `op` as far as v128 goes: lane sizes, lane indices, operand types, and
    /// the ops that take no v128 (helper calls, select, cmpxchg).
    static func vectorProblems(_ op: Op, _ typeOf: (Value) -> IRType?) -> [String] {
        var out: [String] = []
        func expect(_ v: Value, _ t: IRType, _ what: String) {
            if let actual = typeOf(v), actual != t { out.append("\(what) \(v) is \(actual.name), expected \(t.name)") }
        }
        let lanes = op.aux
        let scalar: IRType = lanes == 3 ? .i64 : .i32
        switch op.opcode {
        case .vdup:
            if op.type != .v128 || lanes > 3 { out.append("vdup needs v128 and a lane size") }
            expect(op.a, scalar, "scalar")
        case .vinsert:
            if op.type != .v128 || lanes > 3 || op.imm >= UInt64(16 >> lanes) { out.append("bad vinsert lane") }
            expect(op.a, .v128, "vector")
            expect(op.b, scalar, "scalar")
        case .vextract:
            if lanes > 3 || op.imm >= UInt64(16 >> lanes) || op.type != scalar { out.append("bad vextract lane or type") }
            expect(op.a, .v128, "vector")
        case .vand, .vor, .vxor, .vandc, .vadd, .vsub, .vmul, .vcmpeq, .vcmpgt, .vcmpgtu, .vfadd, .vfsub, .vfmul:
            let allowed: Bool = switch op.opcode {
            case .vand, .vor, .vxor, .vandc: lanes == 0
            case .vadd, .vsub, .vcmpeq: lanes <= 3
            case .vmul: lanes == 1 || lanes == 2
            case .vcmpgt, .vcmpgtu: lanes <= 2
            default: lanes == 2
            }
            if !allowed { out.append("\(op.opcode.name) has no lane size \(lanes)") }
            if op.type != .v128 { out.append("\(op.opcode.name) on \(op.type.name)") }
            expect(op.a, .v128, "operand")
            expect(op.b, .v128, "operand")
        case .vfadde, .vfsube, .vfmule, .vfdive, .vfcmp:
            let lanes = op.aux & 3
            if lanes != 2 && lanes != 3 { out.append("\(op.opcode.name) needs 32- or 64-bit float lanes") }
            if op.opcode == .vfcmp {
                let quiet: [FloatCondition] = [.oeq, .une, .uno, .ord]
                if !quiet.contains(where: { $0.rawValue == op.aux >> 2 }) { out.append("vfcmp condition must be oeq, une, uno or ord") }
            } else if NaNRule(rawValue: op.aux >> 2) == nil {
                out.append("bad NaN rule")
            }
            if op.type != .v128 { out.append("\(op.opcode.name) on \(op.type.name)") }
            expect(op.a, .v128, "operand")
            expect(op.b, .v128, "operand")
        case .vtest:
            if op.type != .i32 { out.append("vtest gives an i32") }
            expect(op.a, .v128, "operand")
            expect(op.b, .v128, "operand")
        case .vshuffle:
            if op.type != .v128 || lanes != 0 { out.append("vshuffle is a v128 op on bytes") }
            expect(op.a, .v128, "operand")
            expect(op.b, .v128, "indices")
        case .load, .store:
            let m = MemOp(rawValue: op.aux)
            if m.isVector != (op.type == .v128) { out.append("v128 access needs a v128 MemOp (and only it)") }
            if m.isVector && (m.isBigEndian || m.isSigned) { out.append("v128 access must be unsigned little-endian") }
        case .call:
            if op.type == .v128 || [op.a, op.b, op.c].contains(where: { typeOf($0) == .v128 }) {
                out.append("a helper takes and returns no v128")
            }
        case .select, .cmpxchg:
            if op.type == .v128 { out.append("\(op.opcode.name) on v128") }
        default:
            if op.type == .v128, !Self.takesVector(op.opcode) { out.append("\(op.opcode.name) on v128") }
        }
        return out
    }

    /// The general ops that may have type v128.
    static func takesVector(_ opcode: Opcode) -> Bool {
        switch opcode {
        case .const_, .mov, .loadState, .storeState: true
        default: false
        }
    }
}
