// The architectural state an instruction sequence reads and writes, as the sequence oracle
// (SequenceOracle) and Mirage (GuestMachine) both see it: r0-r12 and r14, the APSR (N Z C V
// Q in bits 31-27, GE in 19-16, E in 9), FPSCR with its cumulative flags, D0-D31 and the
// scratch buffer. Random start states, the wire format of the qemu program, loading into and
// reading back from a GuestMachine, and the fields two end states differ in.

@testable import GuestARM
import TestBackends
import TestTools

struct ARMRecord: Equatable {
    /// r0-r15; r13 and r15 are not part of the record (zero).
    var r = [UInt32](repeating: 0, count: 16)
    var apsr: UInt32 = 0
    var fpscr: UInt32 = 0
    var d = [UInt64](repeating: 0, count: 32)
    var scratch = [UInt8](repeating: 0, count: SequenceOracle.scratchSize)

    static let registers = Array(0...12) + [14]
    static let fz16: UInt32 = 1 << 19
    /// The APSR bits a record carries: NZCVQ, GE, E.
    static let apsrMask: UInt32 = 0xf80f_0200

    // MARK: Random start states

    /// A start state from `seed`: random registers (r10 a small index, r11 the scratch
    /// middle), flags, FPSCR (NZCV, QC, DN, FZ, RMode and cumulative flags; AHP now and then),
    /// D registers often holding special floats, and random memory. (`gaps` is for a gap that
    /// restricts start states; none does now.)
    static func random(seed: UInt64, allowing gaps: MirageGaps = []) -> ARMRecord {
        var rng = SplitMix64(seed: seed)
        var s = ARMRecord()
        for n in ARMSequenceGenerator.general { s.r[n] = rng.word() }
        s.r[10] = UInt32(rng.fuzzBelow(64) * 4)
        s.r[11] = SequenceOracle.scratchStart
        s.apsr = UInt32(truncatingIfNeeded: rng.next()) & 0xf80f_0000
        var fpscr = UInt32(truncatingIfNeeded: rng.next()) & 0xf800_009f
        if rng.fuzzChance(50) { fpscr &= ~0x9f }  // often no cumulative flags yet
        if rng.fuzzChance(60) {
            fpscr |= ARMSequenceGenerator.roundingMode(&rng) << 22 | (rng.fuzzChance(40) ? 1 << 24 : 0)
                | (rng.fuzzChance(40) ? 1 << 25 : 0) | (rng.fuzzChance(10) ? 1 << 26 : 0)
        }
        s.fpscr = fpscr
        for n in 0..<32 {
            s.d[n] = switch rng.fuzzBelow(5) {
            case 0, 1: UInt64(rng.fuzzPick(BackendAgreement.floats32)) | UInt64(rng.fuzzPick(BackendAgreement.floats32)) << 32
            case 2, 3: rng.fuzzPick(BackendAgreement.floats64)
            default: rng.next()
            }
        }
        for k in 0..<s.scratch.count { s.scratch[k] = UInt8(truncatingIfNeeded: rng.next()) }
        return s
    }

    // MARK: The oracle's wire format (little-endian words)

    func encoded(index: Int) -> [UInt8] {
        var words: [UInt32] = [UInt32(index)] + Self.registers.map { r[$0] } + [apsr, fpscr]
        for v in d { words += [UInt32(truncatingIfNeeded: v), UInt32(truncatingIfNeeded: v >> 32)] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(SequenceOracle.recordSize)
        for w in words { bytes += [UInt8(w & 0xff), UInt8(w >> 8 & 0xff), UInt8(w >> 16 & 0xff), UInt8(w >> 24)] }
        return bytes + scratch
    }

    /// A record the program wrote back: its index word holds the sequence's address, and its
    /// registers were stored with the data endianness the sequence left (APSR.E).
    init(decoding bytes: ArraySlice<UInt8>) {
        let b = Array(bytes)
        func word(_ at: Int) -> UInt32 { b.load32(at) }
        apsr = word(60)
        fpscr = word(64)
        for (k, n) in Self.registers.enumerated() {
            let w = word(4 + 4 * k)
            r[n] = apsr & 1 << 9 != 0 ? w.byteSwapped : w
        }
        for n in 0..<32 { d[n] = UInt64(word(68 + 8 * n)) | UInt64(word(72 + 8 * n)) << 32 }
        scratch = Array(b[SequenceOracle.headerSize...])
    }

    init() {}

    // MARK: Mirage

    /// Gives `m` this state (the rest of its state as a fresh machine has it).
    func load(into m: GuestMachine) {
        for n in Self.registers { m[n] = r[n] }
        m.nzcv = apsr >> 28
        m.q = apsr & 1 << 27 != 0
        m.ge = apsr >> 16 & 0xf
        m.setField(ARMState.bigEndian, apsr >> 9 & 1)
        m.state.fpscr = fpscr
        for n in 0..<32 { m.setD(n, d[n]) }
        m.setBytes(SequenceOracle.scratchBase, scratch)
    }

    /// `m`'s state after a run that ended with host MXCSR `mxcsr` (its exception flags are
    /// FPSCR's cumulative flags not yet folded into the state).
    init(_ m: GuestMachine, mxcsr: UInt32) {
        for n in Self.registers { r[n] = m[n] }
        apsr = m.nzcv << 28 | (m.q ? 1 << 27 : 0) | m.ge << 16 | (m.field(ARMState.bigEndian) & 1) << 9
        fpscr = m.state.fpscr | ARMHelpers.cumulativeFlags(mxcsr)
        for n in 0..<32 { d[n] = m.d(n) }
        scratch = m.bytes(SequenceOracle.scratchBase, SequenceOracle.scratchSize)
    }

    // MARK: Differences


    static func same32(_ a: UInt32, _ b: UInt32, _ gaps: MirageGaps) -> Bool { a == b }
    static func same64(_ a: UInt64, _ b: UInt64, _ gaps: MirageGaps) -> Bool { a == b }

    /// The fields in which `self` (Mirage's) and `other` (qemu's) differ beyond `gaps`, one per
    /// line; at most eight memory words.
    func differences(from other: ARMRecord, allowing gaps: MirageGaps = []) -> [String] {
        func hex<T: BinaryInteger>(_ v: T) -> String { "0x" + String(v, radix: 16) }
        var out: [String] = []
        for n in Self.registers where !Self.same32(r[n], other.r[n], gaps) { out.append("r\(n): mirage \(hex(r[n])) qemu \(hex(other.r[n]))") }
        let names: [(String, UInt32)] = [("N", 1 << 31), ("Z", 1 << 30), ("C", 1 << 29), ("V", 1 << 28), ("Q", 1 << 27),
                                         ("GE", 0xf << 16), ("E", 1 << 9)]
        for (name, mask) in names where apsr & mask != other.apsr & mask {
            out.append("APSR.\(name): mirage \(hex(apsr & mask)) qemu \(hex(other.apsr & mask))")
        }
        // FPSCR bit 19 is reserved in ARMv7 (A2.5.3) and reads as zero in Mirage; qemu-arm's
        // ARMv8.2 CPU keeps it (FZ16). Generated FPSCR writes leave it clear, but a reduced
        // sequence may write a random start register (QEMUFindingsTests.fpscrWriteKeepsTheDefinedBits).
        if fpscr & ~Self.fz16 != other.fpscr & ~Self.fz16 {
            out.append("FPSCR: mirage \(hex(fpscr)) qemu \(hex(other.fpscr)) (differ in \(hex(fpscr ^ other.fpscr)))")
        }
        for n in 0..<32 where !Self.same64(d[n], other.d[n], gaps) { out.append("d\(n): mirage \(hex(d[n])) qemu \(hex(other.d[n]))") }
        var shown = 0
        for k in stride(from: 0, to: scratch.count, by: 4) where !Self.same32(scratch.load32(k), other.scratch.load32(k), gaps) {
            if shown == 8 { out.append("memory: more words differ"); break }
            let address = SequenceOracle.scratchBase + UInt32(k)
            out.append("memory \(hex(address)): mirage \(hex(scratch.load32(k))) qemu \(hex(other.scratch.load32(k)))")
            shown += 1
        }
        return out
    }

    /// Registers, flags, FPSCR and D registers, for a report (memory is random and large).
    var summary: String {
        func hex<T: BinaryInteger>(_ v: T) -> String { "0x" + String(v, radix: 16) }
        var out = "  " + Self.registers.map { "r\($0)=\(hex(r[$0]))" }.joined(separator: " ")
        out += "\n  apsr=\(hex(apsr)) fpscr=\(hex(fpscr))\n  "
        out += (0..<32).map { "d\($0)=\(hex(d[$0]))" }.joined(separator: " ")
        return out
    }
}
