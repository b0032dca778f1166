// One instruction sequence run on both backends from the same random start: GPRs, HI/LO,
// FCSR, the FPRs (special float values often), the mode bits besides the byte order, and a
// 16 KiB scratch buffer at $20's base. After each run the whole 512-byte MIPSState, the scratch
// buffer, how the run ended and the host MXCSR exception flags are compared; a difference is
// reported with the sequence, the start state, the fields that differ and the IR of the blocks,
// after the sequence was reduced to the fewest instructions that still disagree.

import Foundation
@testable import GuestMIPS
import IR
import Testing
import TestBackends
import TestTools

enum BackendAgreement {
    static let scratchBase = Int(GuestMachine.dataBase)
    static let scratchSize = 0x4000

    static let floats32: [UInt32] = [0, 0x8000_0000, 0x3f80_0000, 0xbf80_0000, 0x7f80_0000, 0xff80_0000, 0x7fc0_0000,
                                     0x7fbf_ffff, 0x7f80_0001, 0xffa0_0000, 0x0000_0001, 0x807f_ffff, 0x0080_0000,
                                     0x7f7f_ffff, 0x4f00_0000, 0xcf00_0000, 0x4f80_0000, 0x3f00_0000, 0x4020_0000, 0xc0b0_0000]
    static let floats64: [UInt64] = [0, 0x8000_0000_0000_0000, 0x3ff0_0000_0000_0000, 0x7ff0_0000_0000_0000,
                                     0xfff0_0000_0000_0000, 0x7ff8_0000_0000_0000, 0x7ff7_ffff_ffff_ffff,
                                     0x7ff0_0000_0000_0001, 0x0000_0000_0000_0001, 0x800f_ffff_ffff_ffff,
                                     0x41e0_0000_0000_0000, 0xc1e0_0000_0000_0000, 0x41f0_0000_0000_0000,
                                     0x3fe0_0000_0000_0000, 0x4004_0000_0000_0000, 0x3810_0000_0000_0000,
                                     0x47ef_ffff_e000_0000, 0x43e0_0000_0000_0000, 0xc3e0_0000_0000_0000]

    /// Sets the start state from `seed` (the byte order stays the machine's).
    static func initialize(_ m: GuestMachine, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for r in MIPSSequenceGenerator.general { m[r] = rng.word() }
        m[20] = GuestMachine.dataBase
        m[21] = UInt32(rng.below(64) * 4)
        m.hi = rng.word()
        m.lo = rng.word()
        var mode: MIPSMode = m.state.mode.intersection(.bigEndian)
        if rng.chance(50) { mode.insert(.fr) }
        if rng.chance(30) { mode.insert(.nan2008) }
        if rng.chance(20) { mode.insert(.strictAlignment) }
        m.state.mode = mode
        m.setField(MIPSState.fcsr, rng.chance(60) ? 0 : UInt32(rng.below(4)) | (rng.chance(30) ? 1 << 24 : 0))
        m.setField(MIPSState.fcc, UInt32(rng.below(256)))
        for n in 0..<32 {
            let v: UInt64 = switch rng.below(5) {
            case 0, 1: UInt64(rng.pick(floats32)) | UInt64(rng.pick(floats32)) << 32
            case 2, 3: rng.pick(floats64)
            default: rng.next()
            }
            m.state.raw.storeBytes(of: v, toByteOffset: MIPSState.fprBase + 8 * n, as: UInt64.self)
        }
        for k in stride(from: 0, to: scratchSize, by: 8) { m.store64(UInt32(scratchBase + k), rng.next()) }
    }

    static func snapshot(_ m: GuestMachine, _ run: BackendRun) -> Snapshot {
        Snapshot(run: run, state: m.stateBytes, scratch: m.bytes(UInt32(scratchBase), scratchSize))
    }

    /// Runs `code` both ways from the start state of `seed`; the two snapshots and the
    /// interpreter's blocks.
    static func runBoth(_ code: [UInt8], bigEndian: Bool, seed: UInt64, maxInstructions: Int,
                        jit: JITRunner) -> (Snapshot, Snapshot, [Block]) {
        let m = GuestMachine(code: code, mode: bigEndian ? .bigEndian : [])
        initialize(m, seed: seed)
        let state = m.stateBytes
        let scratch = m.bytes(UInt32(scratchBase), scratchSize)
        // Both run the optimized IR, as the engine does (the passes drop FP ops whose results
        // are dead, and their exception flags with them).
        let reference = snapshot(m, m.run(on: .interpreter, maxInstructions: maxInstructions, optimize: true))
        let blocks = m.blocks
        state.withUnsafeBytes { m.state.raw.copyMemory(from: $0.baseAddress!, byteCount: MIPSState.size) }
        m.setBytes(UInt32(scratchBase), scratch)
        let compiled = snapshot(m, m.run(on: .jit, jit: jit, maxInstructions: maxInstructions, optimize: true))
        return (reference, compiled, blocks)
    }

    /// How the interpreter's run ended, and nil when both backends agree on `lines`, else a
    /// report, made on the shortest sub-sequence (instructions removed one at a time) that still
    /// disagrees.
    static func check(_ lines: [String], code: [UInt8], bigEndian: Bool, seed: UInt64, maxInstructions: Int,
                      jit: JITRunner) -> (end: RunEnd, report: String?) {
        let (a, b, _) = runBoth(code, bigEndian: bigEndian, seed: seed, maxInstructions: maxInstructions, jit: jit)
        if Snapshot.agree(a, b) { return (a.run.end, nil) }
        let reduced = reducedSequence(lines, keepingLast: 1) { candidate in
            guard let bytes = try? Assembler.assemble(candidate.joined(separator: "\n"), bigEndian: bigEndian) else { return false }
            let (x, y, _) = runBoth(bytes, bigEndian: bigEndian, seed: seed, maxInstructions: maxInstructions, jit: jit)
            return !Snapshot.agree(x, y)
        }
        let bytes = (try? Assembler.assemble(reduced.joined(separator: "\n"), bigEndian: bigEndian)) ?? code
        let (x, y, blocks) = runBoth(bytes, bigEndian: bigEndian, seed: seed, maxInstructions: maxInstructions, jit: jit)
        let shown = Snapshot.agree(x, y) ? (a, b) : (x, y)
        var out = "\(bigEndian ? "big" : "little")-endian sequence disagrees (start-state seed 0x\(String(seed, radix: 16)), maxInstructions \(maxInstructions))\n"
        out += "reduced to:\n" + reduced.map { "  " + $0 }.joined(separator: "\n") + "\n"
        if reduced != lines { out += "from:\n" + lines.map { "  " + $0 }.joined(separator: "\n") + "\n" }
        out += "start state:\n" + describe(start: bytes, bigEndian: bigEndian, seed: seed)
        out += Snapshot.differences(shown.0, shown.1, scratchBase: scratchBase, fieldName: fieldName)
        out += "\nIR:\n" + blocks.map { $0.text() }.joined()
        return (a.run.end, out)
    }

    static func describe(start code: [UInt8], bigEndian: Bool, seed: UInt64) -> String {
        let m = GuestMachine(code: code, mode: bigEndian ? .bigEndian : [])
        initialize(m, seed: seed)
        var out = "  " + (1..<32).map { "$\($0)=0x\(String(m[$0], radix: 16))" }.joined(separator: " ")
        out += "\n  hi=0x\(String(m.hi, radix: 16)) lo=0x\(String(m.lo, radix: 16)) mode=\(m.state.mode.rawValue) fcsr=0x\(String(m.field(MIPSState.fcsr), radix: 16)) fcc=0x\(String(m.field(MIPSState.fcc), radix: 16))\n"
        out += "  " + (0..<32).map { "f\($0)=0x\(String(m.state.raw.load(fromByteOffset: MIPSState.fprBase + 8 * $0, as: UInt64.self), radix: 16))" }.joined(separator: " ") + "\n"
        return out
    }

    static func fieldName(_ offset: Int) -> String {
        switch offset {
        case 0..<128: "$\(offset / 4)"
        case MIPSState.pc: "pc"
        case MIPSState.hi: "HI"
        case MIPSState.lo: "LO"
        case MIPSState.fcsr: "FCSR"
        case MIPSState.fcc: "FCC"
        case MIPSState.llAddress, MIPSState.llAddress + 4: "LL address"
        case MIPSState.llValue, MIPSState.llValue + 4: "LL value"
        case 256..<512: "fpr bytes +\(offset - 256)"
        default: "state +\(offset)"
        }
    }
}
