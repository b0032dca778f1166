// One NaN check for a stretch of FP operations (legacy NaN encoding). A MIPS FPU with legacy
// NaNs gives its default NaN for every NaN result, where SSE propagates an operand's NaN or
// gives its own; checking each result (ucomisd + jp on the FP dependency chain) halved the
// speed of FP loops. A NaN result propagates: an operation that reads a NaN gives a NaN. So
// for a stretch of ADD/SUB/MUL/DIV.fmt (with integer instructions between them that can
// neither exit nor touch the FPU) only the results no later operation of the stretch reads
// (its sinks) need checking: a NaN anywhere flows into one of them. The check's NaN path
// (rarely run) then does for every operation what a per-operation check would have: marks the
// invalid flag by the MIPS rules and writes the default NaN into each register the stretch
// wrote a NaN to. The registers hold SSE's results until then, so the stretch is closed
// (`flushNaNChecks`) before any other instruction, before every block exit, and before a
// delay slot's branch completes.

import IR

/// An operation of the pending stretch: its SSE result, its operands and the FPR it wrote.
struct NaNChainOp {
    var raw: Value
    var operands: (Value, Value)
    var format: FPFormat
    var fd: UInt32
}

extension Translator {
    /// Whether `word` may run inside a pending NaN stretch (the frontend closes the stretch
    /// before any other instruction): ADD, SUB, MUL or DIV.fmt with fmt S or D (they join it),
    /// and integer instructions that cannot exit or fault and do not touch the FPU.
    static func joinsNaNChain(_ word: UInt32) -> Bool {
        let opcode = word >> 26
        switch opcode {
        case 0x11:
            let fmt = word >> 21 & 31
            return (fmt == 16 || fmt == 17) && word & 63 <= 3
        case 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f:
            // ADDIU, SLTI, SLTIU, ANDI, ORI, XORI, LUI.
            return true
        case 0:
            // SLL, SRL, SRA, SLLV, SRLV, SRAV, MOVZ, MOVN, ADDU, SUBU, AND, OR, XOR, NOR, SLT, SLTU.
            switch word & 63 {
            case 0x00, 0x02, 0x03, 0x04, 0x06, 0x07, 0x0a, 0x0b, 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2a, 0x2b:
                return true
            default:
                return false
            }
        default:
            return false
        }
    }

    /// ADD, SUB, MUL, DIV.fmt under legacy NaNs: the SSE result goes into fd now; its NaN check
    /// is the pending stretch's. An operand the stretch computed is its SSE result itself, so
    /// the NaN path knows it for the stretch's own (a NaN there is not an operand's NaN).
    mutating func chainedArithmetic(_ op: Opcode, fd: UInt32, fs: UInt32, ft: UInt32, _ format: FPFormat) {
        // A register of the stretch used in another width (FR=0 pairs, FR=1 halves), or the
        // stretch grown long: close it first.
        if nanChain.count >= 24 || [fs, ft, fd].contains(where: { conflictsWithNaNChain($0, format) }) {
            flushNaNChecks()
        }
        func operand(_ n: UInt32) -> Value {
            nanChain.last { $0.fd == n }?.raw ?? readFPR(n, format)
        }
        let x = operand(fs), y = operand(ft)
        let r = b.binary(op, x, y)
        nanChain.append(NaNChainOp(raw: r, operands: (x, y), format: format, fd: fd))
        writeFPR(fd, format, r)
    }

    /// Whether FPR n as `format` overlaps a register the stretch wrote without being it.
    func conflictsWithNaNChain(_ n: UInt32, _ format: FPFormat) -> Bool {
        let offset = fprOffset(n, format), size = format.is64 ? 8 : 4
        return nanChain.contains {
            let o = fprOffset($0.fd, $0.format), s = $0.format.is64 ? 8 : 4
            return o < offset + size && offset < o + s && (o != offset || s != size)
        }
    }

    /// Closes the pending stretch: when one of its sinks is a NaN, marks the invalid flags of
    /// the operations whose results were NaNs (MIPS rules: a signalling NaN operand from
    /// outside the stretch, or no NaN operand at all) and gives each register the stretch wrote
    /// the default NaN if its value is a NaN.
    mutating func flushNaNChecks() {
        guard !nanChain.isEmpty else { return }
        let chain = nanChain
        nanChain = []
        // The sinks, two of a format per comparison (unordered: either is a NaN).
        var sinks: [NaNChainOp] = []
        for (i, op) in chain.enumerated()
        where !chain[(i + 1)...].contains(where: { $0.operands.0 == op.raw || $0.operands.1 == op.raw }) {
            sinks.append(op)
        }
        var anyNaN: Value?
        for format in [FPFormat.single, .double] {
            let values = sinks.filter { $0.format == format }.map(\.raw)
            for k in stride(from: 0, to: values.count, by: 2) {
                let u = b.fsetcond(.uno, values[k], values[min(k + 1, values.count - 1)])
                anyNaN = anyNaN.map { b.or($0, u) } ?? u
            }
        }
        guard let anyNaN else { return }
        let done = b.newLabel()
        b.brcond(.eq, anyNaN, b.const32(0), done, hint: .coldFallThrough)
        var invalid: Value?
        for (i, op) in chain.enumerated() {
            let (x, y) = op.operands
            var flagged = b.xori(b.fsetcond(.uno, x, y), 1)
            for v in [x, y] where !chain[..<i].contains(where: { $0.raw == v }) {
                flagged = b.or(flagged, isLegacySignalling(v, op.format))
            }
            flagged = b.and(flagged, b.fsetcond(.uno, op.raw, op.raw))
            invalid = invalid.map { b.or($0, flagged) } ?? flagged
        }
        markLegacyNaNPath(invalid: invalid ?? b.const32(0))
        for (i, op) in chain.enumerated() where !chain[(i + 1)...].contains(where: { $0.fd == op.fd }) {
            let rules = NaNRules(double: op.format == .double, nan2008: false)
            let nan = b.bitcast(op.format == .double ? b.const64(rules.defaultNaN) : b.const32(UInt32(rules.defaultNaN)),
                                to: op.format.type)
            writeFPR(op.fd, op.format, b.select(b.fsetcond(.uno, op.raw, op.raw), nan, op.raw))
        }
        b.label(done)
    }
}
