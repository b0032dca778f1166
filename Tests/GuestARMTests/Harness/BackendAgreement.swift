// One instruction sequence run on both backends from the same random start: registers, flags,
// Q and GE, FPSCR control bits, d0-d31 (special float values often), a 16 KiB scratch buffer
// at r11's base. After each run the whole 512-byte ARMState, the scratch buffer, how the run
// ended and the host MXCSR exception flags are compared; a difference is reported with the
// sequence, the start state, the fields that differ and the IR of the blocks, after the
// sequence was reduced to the fewest instructions that still disagree.

import Foundation
@testable import GuestARM
import IR
import Testing
import TestBackends
import TestTools

enum BackendAgreement {
    static let scratchBase = Int(GuestMachine.dataBase)
    static let scratchSize = 0x4000

    static let floats32: [UInt32] = [0, 0x8000_0000, 0x3f80_0000, 0xbf80_0000, 0x7f80_0000, 0xff80_0000, 0x7fc0_0000,
                                     0x7f80_0001, 0xffa0_0000, 0x0000_0001, 0x807f_ffff, 0x0080_0000, 0x7f7f_ffff,
                                     0x4f00_0000, 0xcf00_0000, 0x4f80_0000, 0x3f00_0000, 0x4020_0000, 0xc0b0_0000]
    static let floats64: [UInt64] = [0, 0x8000_0000_0000_0000, 0x3ff0_0000_0000_0000, 0x7ff0_0000_0000_0000,
                                     0xfff0_0000_0000_0000, 0x7ff8_0000_0000_0000, 0x7ff0_0000_0000_0001,
                                     0x0000_0000_0000_0001, 0x800f_ffff_ffff_ffff, 0x41e0_0000_0000_0000,
                                     0xc1e0_0000_0000_0000, 0x41f0_0000_0000_0000, 0x3fe0_0000_0000_0000,
                                     0x4004_0000_0000_0000, 0x3810_0000_0000_0000, 0x47ef_ffff_e000_0000]

    /// Sets the start state from `seed`.
    static func initialize(_ m: GuestMachine, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for r in ARMSequenceGenerator.general { m[r] = rng.word() }
        m[10] = UInt32(rng.fuzzBelow(64) * 4)
        m[11] = GuestMachine.dataBase + 0x2000
        m.nzcv = UInt32(rng.fuzzBelow(16))
        m.q = rng.fuzzChance(30)
        m.ge = UInt32(rng.fuzzBelow(16))
        m.state.fpscr = rng.fuzzChance(70) ? 0
            : ARMSequenceGenerator.roundingMode(&rng) << 22 | (rng.fuzzChance(40) ? 1 << 24 : 0)
                | (rng.fuzzChance(40) ? 1 << 25 : 0)
        m.setField(ARMState.bigEndian, rng.fuzzChance(10) ? 1 : 0)
        for n in 0..<32 {
            let v: UInt64 = switch rng.fuzzBelow(5) {
            case 0, 1: UInt64(rng.fuzzPick(floats32)) | UInt64(rng.fuzzPick(floats32)) << 32
            case 2, 3: rng.fuzzPick(floats64)
            default: rng.next()
            }
            m.setD(n, v)
        }
        for k in stride(from: 0, to: scratchSize, by: 8) { m.store64(UInt32(scratchBase + k), rng.next()) }
    }

    static func snapshot(_ m: GuestMachine, _ run: BackendRun) -> Snapshot {
        Snapshot(run: run, state: m.stateBytes, scratch: m.bytes(UInt32(scratchBase), scratchSize))
    }

    /// Runs `code` both ways from the start state of `seed`; the two snapshots and the
    /// interpreter's blocks.
    static func runBoth(_ code: [UInt8], thumb: Bool, seed: UInt64, maxInstructions: Int,
                        jit: JITRunner) -> (Snapshot, Snapshot, [Block]) {
        let m = GuestMachine(code: code, thumb: thumb)
        initialize(m, seed: seed)
        let state = m.stateBytes
        let scratch = m.bytes(UInt32(scratchBase), scratchSize)
        let reference = snapshot(m, m.run(on: .interpreter, jit: nil, maxInstructions: maxInstructions))
        let blocks = m.blocks
        state.withUnsafeBytes { m.state.raw.copyMemory(from: $0.baseAddress!, byteCount: ARMState.size) }
        m.setBytes(UInt32(scratchBase), scratch)
        let compiled = snapshot(m, m.run(on: .jit, jit: jit, maxInstructions: maxInstructions))
        return (reference, compiled, blocks)
    }

    /// nil when both backends agree on `lines`; else a report, made on the shortest sub-sequence
    /// (instructions removed one at a time) that still disagrees.
    static func check(_ lines: [String], code: [UInt8], thumb: Bool, seed: UInt64, maxInstructions: Int,
                      jit: JITRunner) -> String? {
        let (a, b, _) = runBoth(code, thumb: thumb, seed: seed, maxInstructions: maxInstructions, jit: jit)
        if Snapshot.agree(a, b) { return nil }
        let reduced = reducedSequence(lines) { candidate in
            guard let bytes = try? Assembler.assemble(candidate.joined(separator: "\n"), thumb: thumb) else { return false }
            let (x, y, _) = runBoth(bytes, thumb: thumb, seed: seed, maxInstructions: maxInstructions, jit: jit)
            return !Snapshot.agree(x, y)
        }
        let bytes = (try? Assembler.assemble(reduced.joined(separator: "\n"), thumb: thumb)) ?? code
        let (x, y, blocks) = runBoth(bytes, thumb: thumb, seed: seed, maxInstructions: maxInstructions, jit: jit)
        let shown = Snapshot.agree(x, y) ? (a, b) : (x, y)
        var out = "\(thumb ? "Thumb" : "A32") sequence disagrees (start-state seed 0x\(String(seed, radix: 16)), maxInstructions \(maxInstructions))\n"
        out += "reduced to:\n" + reduced.map { "  " + $0 }.joined(separator: "\n") + "\n"
        if reduced != lines { out += "from:\n" + lines.map { "  " + $0 }.joined(separator: "\n") + "\n" }
        out += "start state:\n" + describe(start: bytes, thumb: thumb, seed: seed)
        out += Snapshot.differences(shown.0, shown.1, scratchBase: scratchBase, fieldName: fieldName)
        out += "\nIR:\n" + blocks.map { $0.text() }.joined()
        return out
    }

    static func describe(start code: [UInt8], thumb: Bool, seed: UInt64) -> String {
        let m = GuestMachine(code: code, thumb: thumb)
        initialize(m, seed: seed)
        var out = "  " + (0..<15).map { "r\($0)=0x\(String(m[$0], radix: 16))" }.joined(separator: " ")
        out += "\n  nzcv=\(String(m.nzcv, radix: 2)) q=\(m.q) ge=\(m.ge) fpscr=0x\(String(m.state.fpscr, radix: 16)) be=\(m.field(ARMState.bigEndian))\n"
        out += "  " + (0..<32).map { "d\($0)=0x\(String(m.d($0), radix: 16))" }.joined(separator: " ") + "\n"
        return out
    }

    static func fieldName(_ offset: Int) -> String {
        switch offset {
        case 0..<64: "r\(offset / 4)"
        case ARMState.nf: "N"
        case ARMState.zf: "Z"
        case ARMState.cf: "C"
        case ARMState.vf: "V"
        case ARMState.qf: "Q"
        case ARMState.ge: "GE"
        case ARMState.thumb: "T"
        case ARMState.itState: "ITSTATE"
        case ARMState.bigEndian: "E"
        case ARMState.fpscr: "FPSCR"
        case ARMState.exclusiveAddress, ARMState.exclusiveAddress + 4: "exclusive address"
        case ARMState.exclusiveValue, ARMState.exclusiveValue + 4: "exclusive value"
        case 256..<512: "s\((offset - 256) / 4) (d\((offset - 256) / 8))"
        default: "state +\(offset)"
        }
    }
}
