// Text form of IR, as printed by `-d op` and used by golden tests.
//
//     v2 = add.i32 v0, v1
//     store_state.i32 [16], v2
//     brcond.i32 ne v2, v1, L0

extension Op {
    /// One line of text for this op (no indentation). Labels print as `L0:`.
    public func text() -> String {
        let t = type.name
        func hex(_ v: UInt64) -> String { "0x" + String(v, radix: 16) }
        let result = opcode.hasResult && !dst.isNone ? "\(dst) = " : ""
        switch opcode {
        case .label:
            return "L\(imm):"
        case .const_:
            return "\(result)const.\(t) \(hex(imm))"
        case .extract, .sextract:
            return "\(result)\(opcode.name).\(t) \(a), \(fieldPosition), \(fieldLength)"
        case .deposit:
            return "\(result)deposit.\(t) \(a), \(b), \(fieldPosition), \(fieldLength)"
        case .setcond:
            return "\(result)setcond.\(t) \(Condition(rawValue: aux).map { "\($0)" } ?? "?") \(a), \(b)"
        case .fsetcond:
            return "\(result)fsetcond.\(t) \(FloatCondition(rawValue: aux).map { "\($0)" } ?? "?") \(a), \(b)"
        case .brcond:
            let hint = aux2 == BranchHint.coldFallThrough.rawValue ? " (cold fall-through)" : ""
            return "brcond.\(t) \(Condition(rawValue: aux).map { "\($0)" } ?? "?") \(a), \(b), L\(imm)\(hint)"
        case .br:
            return "br L\(imm)"
        case .load:
            return "\(result)load.\(t) \(MemOp(rawValue: aux)) [\(a) + \(hex(imm))]"
        case .store:
            return "store.\(t) \(MemOp(rawValue: aux)) [\(a) + \(hex(imm))], \(b)"
        case .cmpxchg:
            return "\(result)cmpxchg.\(t) \(MemOp(rawValue: aux)) [\(a)], \(b), \(c)"
        case .loadState:
            return "\(result)load_state.\(t) [\(imm)]"
        case .storeState:
            return "store_state.\(t) [\(imm)], \(a)"
        case .call:
            return "\(result)call \(hex(imm)) (\(sources.map(\.description).joined(separator: ", ")))"
        case .insnStart:
            return aux == 0 ? "insn_start \(hex(imm))" : "insn_start \(hex(imm)), resume \(hex(UInt64(aux)))"
        case .gotoTB:
            return "goto_tb \(aux)"
        case .lookupAndGoto:
            return "lookup_and_goto.\(t) \(a), \(b)"
        case .exitTB:
            return "exit_tb \(ExitReason(rawValue: aux).map { "\($0)" } ?? "?") \(hex(imm))"
        case .fadd where aux != 0, .fsub where aux != 0, .fmul where aux != 0, .fdiv where aux != 0, .fsqrt where aux != 0:
            // The NaN rule, when it is not the unspecified one.
            let rule = NaNRule(rawValue: aux).map { "\($0)" } ?? "?"
            return "\(result)\(opcode.name).\(t) \(rule) " + sources.map(\.description).joined(separator: ", ")
        case .itof:
            return "\(result)itof.\(t) \(aux & 1 != 0 ? "signed" : "unsigned") \(a)"
        case .ftoi:
            let mode = aux & 8 != 0 ? "dynamic" : RoundingMode(rawValue: (aux >> 1) & 3).map { "\($0)" } ?? "?"
            return "\(result)ftoi.\(t) \(aux & 1 != 0 ? "signed" : "unsigned") \(mode) \(a)"
        case .vdup, .vadd, .vsub, .vmul, .vcmpeq, .vcmpgt, .vcmpgtu:
            return "\(result)\(opcode.name).\(t) i\(8 << Int(aux & 3)) " + sources.map(\.description).joined(separator: ", ")
        case .vinsert:
            return "\(result)vinsert.\(t) i\(8 << Int(aux & 3)) \(a), \(imm), \(b)"
        case .vextract:
            return "\(result)vextract.\(t) i\(8 << Int(aux & 3)) \(a), \(imm)"
        case .vfadde, .vfsube, .vfmule, .vfdive:
            let rule = NaNRule(rawValue: aux >> 2).map { "\($0)" } ?? "?"
            return "\(result)\(opcode.name).\(t) f\(8 << Int(aux & 3)) \(rule) \(a), \(b)"
        case .vfcmp:
            let cond = FloatCondition(rawValue: aux >> 2).map { "\($0)" } ?? "?"
            return "\(result)vfcmp.\(t) f\(8 << Int(aux & 3)) \(cond) \(a), \(b)"
        case .vfadd, .vfsub, .vfmul:
            return "\(result)\(opcode.name).\(t) f32 \(a), \(b), flags [\(imm)]"
        default:
            let operands = sources.map(\.description).joined(separator: ", ")
            return "\(result)\(opcode.name).\(t) \(operands)"
        }
    }
}

extension Block {
    /// The whole block as text, one op per line.
    public func text() -> String {
        var out = "block \(key) (\(instructionCount) insns, \(guestSize) bytes)\n"
        for op in ops {
            out += op.opcode == .label ? op.text() + "\n" : "  " + op.text() + "\n"
        }
        return out
    }
}

extension String {
    /// The string padded on the left to `width` characters (hex columns in logs).
    public func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
