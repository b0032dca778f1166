// Structural checks on a block: operand types, definitions before uses, labels, terminals.
// Run on every block in debug builds and tests; a frontend bug shows up here, not as a wrong
// guest result three blocks later.

extension Block {
    /// Problems found, one message each; empty when the block is well formed.
    public func verify() -> [String] {
        var errors: [String] = []
        var defined = [Bool](repeating: false, count: valueTypes.count)
        var labelDefined = [Bool](repeating: false, count: Int(labelCount))
        var labelUsed = [Bool](repeating: false, count: Int(labelCount))

        func fail(_ i: Int, _ message: String) { errors.append("op \(i) (\(ops[i].text())): \(message)") }

        for (i, op) in ops.enumerated() {
            // Uses: valid, defined earlier (in op order; a value merged at a label is assigned on
            // every incoming path before the label, which op order respects).
            for v in op.sources {
                if Int(v.index) >= valueTypes.count { fail(i, "unknown value \(v)"); continue }
                if !defined[Int(v.index)] { fail(i, "\(v) used before it is defined") }
            }
            if op.opcode.hasResult && !op.dst.isNone {
                if Int(op.dst.index) >= valueTypes.count { fail(i, "unknown result \(op.dst)"); continue }
                defined[Int(op.dst.index)] = true
            } else if op.opcode.hasResult && op.opcode != .call {
                fail(i, "missing result value")
            }
            func typeOf(_ v: Value) -> IRType? { Int(v.index) < valueTypes.count ? valueTypes[Int(v.index)] : nil }
            func expect(_ v: Value, _ t: IRType, _ what: String) {
                if let actual = typeOf(v), actual != t { fail(i, "\(what) \(v) is \(actual.name), expected \(t.name)") }
            }
            if op.opcode.hasResult && !op.dst.isNone, let dt = typeOf(op.dst) {
                let expected: IRType = switch op.opcode {
                case .setcond, .fsetcond: .i32
                default: op.type
                }
                if dt != expected { fail(i, "result \(op.dst) is \(dt.name), expected \(expected.name)") }
            }

            // Operands every op of this kind must have.
            let needed: Int = switch op.opcode {
            case .add, .sub, .mul, .mulhu, .mulhs, .divu, .divs, .remu, .rems, .and, .or, .xor, .andc, .orc,
                 .shl, .shr, .sar, .rotl, .rotr, .deposit, .concat, .setcond, .brcond, .store, .fadd, .fsub,
                 .fmul, .fdiv, .fsetcond, .vinsert, .vand, .vor, .vxor, .vandc, .vadd, .vsub, .vmul,
                 .vcmpeq, .vcmpgt, .vcmpgtu, .vfadd, .vfsub, .vfmul, .vfadde, .vfsube, .vfmule, .vfdive,
                 .vfcmp, .vtest, .vshuffle: 2
            case .select, .cmpxchg: 3
            case .lookupAndGoto: 2
            case .mov, .not, .neg, .extract, .sextract, .ext8s, .ext8u, .ext16s, .ext16u, .zext, .sext,
                 .trunc, .bswap16, .bswap32, .bswap64, .clz, .ctz, .popcount, .load, .storeState, .fsqrt,
                 .fneg, .fabs, .fconvert, .itof, .ftoi, .bitcast, .vdup, .vextract: 1
            default: 0
            }
            let present = [op.a, op.b, op.c].prefix(needed)
            if present.contains(where: \.isNone) { fail(i, "missing operand (needs \(needed))") }
            switch op.opcode {
            case .not, .neg, .ext8s, .ext8u, .ext16s, .ext16u, .clz, .ctz, .popcount, .bswap16, .bswap32,
                 .extract, .sextract, .setcond, .brcond:
                if !op.type.isInteger { fail(i, "integer op on \(op.type.name)") }
            case .fsqrt, .fneg, .fabs:
                if !op.type.isFloat { fail(i, "float op on \(op.type.name)") }
            case .load, .store, .cmpxchg:
                if let at = typeOf(op.a), !at.isInteger { fail(i, "address \(op.a) is \(at.name), not an integer") }
            case .ftoi:
                if op.aux >> 4 != 0 { fail(i, "bad rounding mode bits \(op.aux >> 1)") }
            case .const_:
                if op.type.bits == 32 && op.imm > 0xffff_ffff { fail(i, "const wider than \(op.type.name)") }
            case .concat:
                if op.type != .i64 { fail(i, "concat result must be i64") }
            default:
                break
            }
            switch op.opcode {
            case .add, .sub, .mul, .mulhu, .mulhs, .divu, .divs, .remu, .rems, .and, .or, .xor,
                 .andc, .orc, .shl, .shr, .sar, .rotl, .rotr, .deposit:
                guard op.type.isInteger else { fail(i, "integer op on \(op.type.name)"); break }
                expect(op.a, op.type, "operand")
                expect(op.b, op.type, "operand")
            case .not, .neg, .ext8s, .ext8u, .ext16s, .ext16u, .clz, .ctz, .popcount, .bswap16, .bswap32,
                 .extract, .sextract, .mov:
                expect(op.a, op.type, "operand")
            case .bswap64:
                if op.type != .i64 { fail(i, "bswap64 needs i64") }
                expect(op.a, .i64, "operand")
            case .zext, .sext:
                expect(op.a, .i32, "operand")
                if op.type != .i64 { fail(i, "extension result must be i64") }
            case .trunc:
                expect(op.a, .i64, "operand")
                if op.type != .i32 { fail(i, "trunc result must be i32") }
            case .concat:
                expect(op.a, .i32, "low half")
                expect(op.b, .i32, "high half")
            case .setcond, .brcond:
                if Condition(rawValue: op.aux) == nil { fail(i, "bad condition \(op.aux)") }
                expect(op.a, op.type, "operand")
                expect(op.b, op.type, "operand")
            case .select:
                expect(op.a, .i32, "condition")
                expect(op.b, op.type, "operand")
                expect(op.c, op.type, "operand")
            case .load:
                if op.type.isFloat && MemOp(rawValue: op.aux).size * 8 != op.type.bits {
                    fail(i, "float load of the wrong size")
                }
            case .store:
                expect(op.b, op.type, "stored value")
            case .cmpxchg:
                expect(op.b, op.type, "expected value")
                expect(op.c, op.type, "new value")
            case .storeState:
                expect(op.a, op.type, "stored value")
            case .fadd, .fsub, .fmul, .fdiv:
                guard op.type.isFloat else { fail(i, "float op on \(op.type.name)"); break }
                if NaNRule(rawValue: op.aux) == nil { fail(i, "bad NaN rule") }
                expect(op.a, op.type, "operand")
                expect(op.b, op.type, "operand")
            case .fsqrt, .fneg, .fabs:
                if op.opcode == .fsqrt && NaNRule(rawValue: op.aux) == nil { fail(i, "bad NaN rule") }
                expect(op.a, op.type, "operand")
            case .fsetcond:
                if FloatCondition(rawValue: op.aux) == nil { fail(i, "bad float condition") }
                expect(op.a, op.type, "operand")
                expect(op.b, op.type, "operand")
            case .fconvert:
                if let at = typeOf(op.a), !(at.isFloat && op.type.isFloat && at != op.type) {
                    fail(i, "fconvert between \(at.name) and \(op.type.name)")
                }
            case .itof:
                if let at = typeOf(op.a), !(at.isInteger && op.type.isFloat) { fail(i, "itof from \(at.name)") }
            case .ftoi:
                if let at = typeOf(op.a), !(at.isFloat && op.type.isInteger) { fail(i, "ftoi from \(at.name)") }
            case .bitcast:
                if let at = typeOf(op.a), at.bits != op.type.bits || at == op.type { fail(i, "bitcast \(at.name) to \(op.type.name)") }
            case .exitTB:
                if ExitReason(rawValue: op.aux) == nil { fail(i, "bad exit reason") }
            case .gotoTB:
                if op.aux > 3 { fail(i, "goto_tb slot must be 0 to 3") }
            default:
                break
            }
            for problem in Self.vectorProblems(op, typeOf) { fail(i, problem) }
            switch op.opcode {
            case .extract, .sextract, .deposit:
                let p = op.fieldPosition, l = op.fieldLength
                if l == 0 || p + l > op.type.bits { fail(i, "field \(p),\(l) outside \(op.type.name)") }
            case .label:
                if op.imm >= UInt64(labelCount) { fail(i, "label out of range") }
                else if labelDefined[Int(op.imm)] { fail(i, "label defined twice") }
                else { labelDefined[Int(op.imm)] = true }
            case .br, .brcond:
                if op.imm >= UInt64(labelCount) { fail(i, "branch to unknown label") } else { labelUsed[Int(op.imm)] = true }
            default:
                break
            }
        }
        if definedOnce {
            var definitions = [Int](repeating: 0, count: valueTypes.count)
            for op in ops where op.opcode.hasResult && !op.dst.isNone && Int(op.dst.index) < valueTypes.count {
                definitions[Int(op.dst.index)] += 1
            }
            if let v = definitions.firstIndex(where: { $0 != 1 }) {
                errors.append("marked defined once, but v\(v) has \(definitions[v]) definitions")
            }
        }
        for l in 0..<Int(labelCount) where labelUsed[l] && !labelDefined[l] {
            errors.append("label L\(l) is branched to but never defined")
        }
        if let last = ops.last {
            if !(last.opcode == .gotoTB || last.opcode == .lookupAndGoto || last.opcode == .exitTB || last.opcode == .br) {
                errors.append("block does not end in a terminal (last op: \(last.text()))")
            }
        } else {
            errors.append("empty block")
        }
        return errors
    }
}
