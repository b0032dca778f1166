// One NaN check for a stretch of FP operations (legacy NaN encoding). A MIPS FPU with legacy
// NaNs gives its default NaN for every NaN result, where SSE propagates an operand's NaN or
// gives its own; checking each result (ucomisd + jp on the FP dependency chain) halved the
// speed of FP loops. A NaN result propagates: an operation that reads a NaN gives a NaN (so
// does a negation). So for a stretch of ADD/SUB/MUL/DIV.fmt and MADD/MSUB/NMADD/NMSUB.fmt
// (with integer instructions between them that can neither exit nor touch the FPU) only the
// results no later operation of the stretch reads (its sinks) need checking: a NaN anywhere
// (a MADD's product included) flows into one of them.
//
// The stretch computes on SSE into IR values and writes no FPR until its check
// (`flushNaNChecks`, before any other instruction, every block exit, and a delay slot's branch
// completing). No NaN: the FPRs get those values. A NaN (rare): the FPRs still hold what they
// held before the stretch, so the NaN path runs the stretch again one instruction at a time,
// each with its own exact NaN handling (Translator+FPU.swift fixNaN: the MIPS result and
// invalid flag). Running an operation twice raises no flag the first run did not (the same
// operands, or NaN operands, which raise nothing but the invalid the NaN path settles), so the
// flags are a one-at-a-time run's. Keeping the NaN path to the FPRs (not the stretch's values)
// is what keeps a long stretch cheap: its intermediate results die on the fast path instead of
// staying alive, and in host registers, until the check. Where the stretch ends at an
// instruction that is not a delay slot, the NaN path goes after the block's end and leaves
// the block for that instruction: the fast path is then straight code (inline, it took a
// branch past the NaN path, and the loop's speed swung by half with where the JIT placed it).

import IR

/// An instruction of the pending stretch: what it is, its registers, the value it computed for
/// fd (negated for NMADD/NMSUB), the SSE result to check (the sum, before any negation), and
/// the values it read.
struct NaNChainOp {
    enum Kind {
        /// ADD, SUB, MUL, DIV.fmt: fd = fs op ft.
        case binary(Opcode)
        /// MADD, MSUB, NMADD, NMSUB.fmt: fd = +/-(fs * ft +/- fr).
        case multiplyAdd(fr: UInt32, subtract: Bool, negate: Bool)
    }
    var kind: Kind
    var fd: UInt32, fs: UInt32, ft: UInt32
    var format: FPFormat
    var raw: Value
    var written: Value
    var operands: [Value]
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

    /// ADD, SUB, MUL, DIV.fmt under legacy NaNs: the SSE result, for fd at the stretch's check.
    mutating func chainedArithmetic(_ op: Opcode, fd: UInt32, fs: UInt32, ft: UInt32, _ format: FPFormat) {
        openNaNChainSlot(for: [fs, ft, fd], format)
        let x = chainOperand(fs, format), y = chainOperand(ft, format)
        let r = b.binary(op, x, y)
        nanChain.append(NaNChainOp(kind: .binary(op), fd: fd, fs: fs, ft: ft, format: format, raw: r, written: r,
                                   operands: [x, y]))
    }

    /// MADD, MSUB, NMADD, NMSUB.fmt under legacy NaNs: the product, then the sum (negated for
    /// NMADD and NMSUB), for fd at the stretch's check, which checks the sum (a NaN product
    /// gives a NaN sum).
    mutating func chainedMultiplyAdd(fd: UInt32, fr rr: UInt32, fs: UInt32, ft: UInt32, _ format: FPFormat,
                                     subtract: Bool, negate: Bool) {
        openNaNChainSlot(for: [fs, ft, rr, fd], format)
        let x = chainOperand(fs, format), y = chainOperand(ft, format), z = chainOperand(rr, format)
        let sum = b.binary(subtract ? .fsub : .fadd, b.binary(.fmul, x, y), z)
        nanChain.append(NaNChainOp(kind: .multiplyAdd(fr: rr, subtract: subtract, negate: negate), fd: fd, fs: fs,
                                   ft: ft, format: format, raw: sum, written: negate ? b.unary(.fneg, sum) : sum,
                                   operands: [x, y, z]))
    }

    /// Closes the stretch first when it has grown long, or when one of `registers` as `format`
    /// overlaps a register the stretch wrote in another width (FR=0 pairs, FR=1 halves).
    mutating func openNaNChainSlot(for registers: [UInt32], _ format: FPFormat) {
        if nanChain.count >= 16 || registers.contains(where: { conflictsWithNaNChain($0, format) }) {
            flushNaNChecks()
        }
    }

    /// FPR n as an operand inside the stretch: the value the stretch last computed for it, else
    /// the register.
    mutating func chainOperand(_ n: UInt32, _ format: FPFormat) -> Value {
        nanChain.last { $0.fd == n }?.written ?? readFPR(n, format)
    }

    /// Whether FPR n as `format` overlaps a register the stretch wrote without being it.
    func conflictsWithNaNChain(_ n: UInt32, _ format: FPFormat) -> Bool {
        let offset = fprOffset(n, format), size = format.is64 ? 8 : 4
        return nanChain.contains {
            let o = fprOffset($0.fd, $0.format), s = $0.format.is64 ? 8 : 4
            return o < offset + size && offset < o + s && (o != offset || s != size)
        }
    }

    /// Closes the pending stretch: when none of its sinks is a NaN, writes each FPR the value
    /// the stretch computed last for it; otherwise runs the stretch again from the FPRs, each
    /// instruction with its own NaN check. With `resumeAt` (the instruction about to be
    /// translated, not a delay slot's), the NaN path is placed after the block's end and
    /// leaves the block for that instruction, so the fast path is straight code that takes no
    /// branch; without, it is placed here and the fast path branches past it.
    mutating func flushNaNChecks(resumeAt resume: UInt32? = nil) {
        guard !nanChain.isEmpty else { return }
        let chain = nanChain
        nanChain = []
        // The sinks, two of a format per comparison (unordered: either is a NaN).
        var pairs: [(Value, Value)] = []
        for format in [FPFormat.single, .double] {
            let values = chain.indices.filter { i in
                chain[i].format == format && !chain[(i + 1)...].contains { $0.operands.contains(chain[i].written) }
            }.map { chain[$0].raw }
            for k in stride(from: 0, to: values.count, by: 2) {
                pairs.append((values[k], values[min(k + 1, values.count - 1)]))
            }
        }
        // One branch per comparison (the JIT makes each fsetcond + brcond one ucomis and jcc).
        let nanPath = b.newLabel()
        if let resume {
            for (x, y) in pairs { b.brcond(.ne, b.fsetcond(.uno, x, y), b.const32(0), nanPath) }
            writeNaNChainResults(chain)
            deferredNaNPaths.append((nanPath, chain, resume))
            return
        }
        // In line: the last branch goes past the NaN path, so the fast path takes one branch.
        // (The NaN path placed after the fast path's writes, which then jump past it, measured
        // slower in matmul's loop.)
        let fastPath = b.newLabel(), done = b.newLabel()
        for (k, (x, y)) in pairs.enumerated() {
            let last = k == pairs.count - 1
            b.brcond(last ? .eq : .ne, b.fsetcond(.uno, x, y), b.const32(0), last ? fastPath : nanPath)
        }
        b.label(nanPath)
        runNaNChainExactly(chain)
        b.br(done)
        b.label(fastPath)
        writeNaNChainResults(chain)
        b.label(done)
    }

    /// The fast path's end: each FPR the stretch wrote gets the value it computed last for it.
    mutating func writeNaNChainResults(_ chain: [NaNChainOp]) {
        for (i, op) in chain.enumerated() where !chain[(i + 1)...].contains(where: { $0.fd == op.fd }) {
            writeFPR(op.fd, op.format, op.written)
        }
    }

    /// The NaN path: the stretch again from the FPRs, one instruction at a time.
    mutating func runNaNChainExactly(_ chain: [NaNChainOp]) {
        for op in chain {
            switch op.kind {
            case .binary(let opcode):
                exactArithmetic(opcode, fd: op.fd, fs: op.fs, ft: op.ft, op.format)
            case .multiplyAdd(let fr, let subtract, let negate):
                exactMultiplyAdd(fd: op.fd, fr: fr, fs: op.fs, ft: op.ft, op.format, subtract: subtract, negate: negate)
            }
        }
    }

    /// The NaN paths placed after the block's end: each runs its stretch exactly, then leaves
    /// for the instruction after the stretch (a new block there: the rare path gives up the
    /// rest of this one).
    mutating func emitDeferredNaNPaths() {
        for path in deferredNaNPaths {
            b.label(path.label)
            runNaNChainExactly(path.chain)
            let next = b.const32(path.resume)
            b.storeState(MIPSState.pc, next)
            b.lookupAndGoto(pc: next, flags: b.const32(keyFlags))
        }
        deferredNaNPaths = []
    }
}
