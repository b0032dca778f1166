// One NaN check for a stretch of FP operations (legacy NaN encoding). A MIPS FPU with legacy
// NaNs gives its default NaN for every NaN result, where SSE propagates an operand's NaN or
// gives its own; checking each result (ucomisd + jp on the FP dependency chain) halved the
// speed of FP loops. A NaN result propagates: an operation that reads a NaN gives a NaN (so
// does a negation). So for a stretch of ADD/SUB/MUL/DIV.fmt and MADD/MSUB/NMADD/NMSUB.fmt
// (each of those two operations: the product, then the sum, negated or not; with integer
// instructions between them that can neither exit nor touch the FPU) only the results no
// later operation of the stretch reads (its sinks) need checking: a NaN anywhere flows into
// one of them (a MADD's product into its sum). The check's NaN path
// (rarely run) then does for every operation what a per-operation check would have: marks the
// invalid flag by the MIPS rules and writes the default NaN into each register the stretch
// wrote a NaN to. The registers hold SSE's results until then, so the stretch is closed
// (`flushNaNChecks`) before any other instruction, before every block exit, and before a
// delay slot's branch completes.

import IR

/// An operation of the pending stretch: its SSE result, its operands, the FPR it wrote and
/// what it wrote there (the result, or its negation for NMADD/NMSUB); a MADD's product writes
/// no FPR (fd nil).
struct NaNChainOp {
    var raw: Value
    var written: Value
    var negated: Bool
    var operands: (Value, Value)
    var format: FPFormat
    var fd: UInt32?

    /// Whether v is this operation's result (as computed or as written).
    func produced(_ v: Value) -> Bool { v == raw || v == written }
    /// Whether this operation reads a result of `other`.
    func reads(_ other: NaNChainOp) -> Bool { other.produced(operands.0) || other.produced(operands.1) }
}

extension Translator {
    /// Whether `word` may run inside a pending NaN stretch (the frontend closes the stretch
    /// before any other instruction): ADD, SUB, MUL or DIV.fmt with fmt S or D and MADD, MSUB,
    /// NMADD or NMSUB.fmt with fmt3 S or D (they join it), and integer instructions that cannot
    /// exit or fault and do not touch the FPU.
    static func joinsNaNChain(_ word: UInt32) -> Bool {
        let opcode = word >> 26
        switch opcode {
        case 0x11:
            let fmt = word >> 21 & 31
            return (fmt == 16 || fmt == 17) && word & 63 <= 3
        case 0x13:
            // COP1X: function bits 5-3 4-7 (MADD, MSUB, NMADD, NMSUB), bits 2-0 fmt3 (0 S, 1 D).
            return word >> 3 & 7 >= 4 && word & 7 <= 1
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
        openNaNChainSlot(for: [fs, ft, fd], format, operations: 1)
        let x = chainOperand(fs, format), y = chainOperand(ft, format)
        let r = b.binary(op, x, y)
        nanChain.append(NaNChainOp(raw: r, written: r, negated: false, operands: (x, y), format: format, fd: fd))
        writeFPR(fd, format, r)
    }

    /// MADD, MSUB, NMADD, NMSUB.fmt under legacy NaNs: fd = +/-(fs * ft +/- fr) as two
    /// operations of the stretch, the product (no FPR) and the sum (fd, negated for NMADD and
    /// NMSUB), exactly as if each had its own check: the product's NaN becomes the default NaN
    /// (quiet: the sum raises nothing for it), the sum's the default NaN, negated after.
    mutating func chainedMultiplyAdd(fd: UInt32, fr rr: UInt32, fs: UInt32, ft: UInt32, _ format: FPFormat,
                                     subtract: Bool, negate: Bool) {
        openNaNChainSlot(for: [fs, ft, rr, fd], format, operations: 2)
        let x = chainOperand(fs, format), y = chainOperand(ft, format), z = chainOperand(rr, format)
        let product = b.binary(.fmul, x, y)
        nanChain.append(NaNChainOp(raw: product, written: product, negated: false, operands: (x, y), format: format,
                                   fd: nil))
        let sum = b.binary(subtract ? .fsub : .fadd, product, z)
        let r = negate ? b.unary(.fneg, sum) : sum
        nanChain.append(NaNChainOp(raw: sum, written: r, negated: negate, operands: (product, z), format: format, fd: fd))
        writeFPR(fd, format, r)
    }

    /// Closes the stretch first when it has grown long, or when one of `registers` as `format`
    /// overlaps a register the stretch wrote in another width (FR=0 pairs, FR=1 halves).
    mutating func openNaNChainSlot(for registers: [UInt32], _ format: FPFormat, operations: Int) {
        if nanChain.count + operations > 24 || registers.contains(where: { conflictsWithNaNChain($0, format) }) {
            flushNaNChecks()
        }
    }

    /// FPR n as an operand inside the stretch: the value the stretch last wrote there (its SSE
    /// result), else the register.
    mutating func chainOperand(_ n: UInt32, _ format: FPFormat) -> Value {
        nanChain.last { $0.fd == n }?.written ?? readFPR(n, format)
    }

    /// Whether FPR n as `format` overlaps a register the stretch wrote without being it.
    func conflictsWithNaNChain(_ n: UInt32, _ format: FPFormat) -> Bool {
        let offset = fprOffset(n, format), size = format.is64 ? 8 : 4
        return nanChain.contains {
            guard let fd = $0.fd else { return false }
            let o = fprOffset(fd, $0.format), s = $0.format.is64 ? 8 : 4
            return o < offset + size && offset < o + s && (o != offset || s != size)
        }
    }

    /// Closes the pending stretch: when one of its sinks is a NaN, marks the invalid flags of
    /// the operations whose results were NaNs (MIPS rules: a signalling NaN operand from
    /// outside the stretch, or no NaN operand at all) and gives each register the stretch wrote
    /// the default NaN (negated where the operation negates) if its value is a NaN.
    mutating func flushNaNChecks() {
        guard !nanChain.isEmpty else { return }
        let chain = nanChain
        nanChain = []
        // The sinks, two of a format per comparison (unordered: either is a NaN).
        var sinks: [NaNChainOp] = []
        for (i, op) in chain.enumerated() where !chain[(i + 1)...].contains(where: { $0.reads(op) }) {
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
        b.brcond(.eq, anyNaN, b.const32(0), done)
        var invalid: Value?
        for (i, op) in chain.enumerated() {
            let (x, y) = op.operands
            var flagged = b.xori(b.fsetcond(.uno, x, y), 1)
            for v in [x, y] where !chain[..<i].contains(where: { $0.produced(v) }) {
                flagged = b.or(flagged, isLegacySignalling(v, op.format))
            }
            flagged = b.and(flagged, b.fsetcond(.uno, op.raw, op.raw))
            invalid = invalid.map { b.or($0, flagged) } ?? flagged
        }
        markLegacyNaNPath(invalid: invalid ?? b.const32(0))
        for (i, op) in chain.enumerated() {
            guard let fd = op.fd, !chain[(i + 1)...].contains(where: { $0.fd == fd }) else { continue }
            let rules = NaNRules(double: op.format == .double, nan2008: false)
            let bits = rules.defaultNaN | (op.negated ? rules.signBit : 0)
            let nan = b.bitcast(op.format == .double ? b.const64(bits) : b.const32(UInt32(truncatingIfNeeded: bits)),
                                to: op.format.type)
            writeFPR(fd, op.format, b.select(b.fsetcond(.uno, op.raw, op.raw), nan, op.written))
        }
        b.label(done)
    }
}
