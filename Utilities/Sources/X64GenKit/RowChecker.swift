// Checks one row's operands against its encoding: every operand has exactly one place in the
// bytes (ModRM.reg, ModRM.rm, the opcode's low bits, an immediate), and the operand size the
// prefixes select (66, REX.W) is the size the operands name. Catches most typing slips in the
// spec before they become wrong machine code.

enum RowChecker {
    static func problems(_ row: Row) -> [String] {
        var problems: [String] = []
        let encoding = row.encoding
        let operands = row.operands
        let rmCount = operands.filter(\.isRM).count
        let registerCount = operands.filter(\.isRegister).count

        // The condition.
        if row.hasCondition != (encoding.addend == .condition) {
            problems.append("a mnemonic ending in `cc` and a `+cc` opcode byte go together")
        }

        // Where the register and memory operands go.
        switch (encoding.modRM, encoding.addend) {
        case (.some, .register):
            problems.append("a row has a ModRM byte or a register added to the opcode, not both")
        case (.some(let modRM), _):
            if rmCount != 1 {
                problems.append("a ModRM row has exactly one r/m, m or xmm/m operand (found \(rmCount))")
            }
            let wanted = modRM == .register ? 1 : 0
            if registerCount != wanted {
                problems.append(modRM == .register
                    ? "`/r` needs exactly one register operand besides the r/m one (found \(registerCount))"
                    : "a `/digit` row has no register operand besides the r/m one (found \(registerCount))")
            }
        case (.none, .register(let width)):
            let gprs = operands.compactMap { operand -> Int? in
                if case .gpr(let w) = operand { return w }
                return nil
            }
            if rmCount != 0 || registerCount != 1 || gprs.count != 1 {
                problems.append("a `+r` row has exactly one general register operand and no r/m operand")
            } else if let w = gprs.first, !(w == width || width == 32 && w == 64) {
                problems.append("`+r\(["8": "b", "16": "w", "32": "d", "64": "o"]["\(width)"] ?? "?")` does not fit r\(w)")
            }
        case (.none, _):
            if rmCount != 0 || registerCount != 0 {
                problems.append("register and memory operands need a ModRM byte (/r, /digit) or `+r`")
            }
        }

        // Immediates and displacements, in order.
        let wantedTrailing = operands.compactMap { operand -> Encoding.Trailing? in
            switch operand {
            case .immediate(let width): return Encoding.Trailing(bytes: width / 8, isCodeOffset: false)
            case .relative(let width): return Encoding.Trailing(bytes: width / 8, isCodeOffset: true)
            default: return nil
            }
        }
        if wantedTrailing != encoding.trailing {
            problems.append("the immediates and displacements (ib iw id io cb cd) do not match the imm and rel operands")
        }
        if row.unsignedImmediates && !operands.contains(where: { if case .immediate = $0 { true } else { false } }) {
            problems.append("`uimm` on a row without an immediate")
        }

        problems += sizeProblems(row)
        return problems
    }

    /// The operand size: the first general-register or sized memory operand decides (MOVZX
    /// r32, r/m16 is a 32-bit operation). 64 needs REX.W (or `d64`); 16 needs 66 outside SSE.
    static func sizeProblems(_ row: Row) -> [String] {
        var problems: [String] = []
        let encoding = row.encoding
        let isSSE = row.operands.contains(where: \.isXMM)
        if row.default64 && encoding.rexW { problems.append("`d64` and REX.W together") }
        if isSSE && row.default64 { problems.append("`d64` on an SSE row") }
        guard let size = row.operands.lazy.compactMap(\.gprWidth).first else {
            if encoding.rexW && !row.operands.isEmpty {
                problems.append("REX.W without a 64-bit operand")
            }
            return problems
        }
        if size == 64 {
            if !encoding.rexW && !row.default64 {
                problems.append("a 64-bit operand needs REX.W (or the d64 flag)")
            }
        } else {
            if encoding.rexW { problems.append("REX.W with a \(size)-bit operand size") }
            if row.default64 { problems.append("`d64` with a \(size)-bit operand size") }
        }
        if !isSSE {
            let has66 = encoding.prefixes.contains(0x66)
            if size == 16 && !has66 { problems.append("a 16-bit operand size needs the 66 prefix") }
            if size != 16 && has66 { problems.append("66 with a \(size)-bit operand size") }
        }
        return problems
    }
}
