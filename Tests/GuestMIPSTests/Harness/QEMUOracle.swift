// qemu-mips and qemu-mipsel as an independent oracle for single instructions on registers: a
// static MIPS program (built with the cross gcc, no libc) reads records from stdin (an
// instruction index, FCSR, HI, LO, $2-$15 and the 32 FPR slots), loads them, runs that
// instruction, and writes the registers back to stdout. One qemu run answers every record of
// a batch. The three configurations are the ones qemu picks a CPU for by the ELF flags:
// legacy NaNs with FR=0 (a 24Kf) in both byte orders, and NaN2008 with FR=1 (a P5600).
// Tests that need it are skipped when qemu or the cross compilers are missing.

import Foundation
@testable import GuestMIPS
import Testing
import TestTools
import TestBackends

enum QEMUOracle {
    static func qemu(bigEndian: Bool) -> String? { Tools.find(bigEndian ? "qemu-mips" : "qemu-mipsel") }
    static func compiler(bigEndian: Bool) -> String? { Tools.find(Assembler.prefix(bigEndian: bigEndian) + "gcc") }
    static var available: Bool {
        [true, false].allSatisfy { qemu(bigEndian: $0) != nil && compiler(bigEndian: $0) != nil } && Assembler.available
    }
    static let missing: Comment = "needs qemu-mips, qemu-mipsel and the MIPS cross gcc: apt-get install qemu-user gcc-mips-linux-gnu gcc-mipsel-linux-gnu"

    /// A configuration qemu emulates: byte order and FPU mode.
    struct Configuration: Sendable, CustomStringConvertible {
        var mode: MIPSMode
        var bigEndian: Bool { mode.contains(.bigEndian) }
        var fr: Bool { mode.contains(.fr) }
        var description: String {
            (bigEndian ? "mips" : "mipsel") + (mode.contains(.nan2008) ? " nan2008" : " legacy") + (fr ? " FR=1" : " FR=0")
        }
        var flags: [String] {
            ["-mips32r2", fr ? "-mfp64" : "-mfp32", mode.contains(.nan2008) ? "-mnan=2008" : "-mnan=legacy"]
        }
    }

    static let configurations = [Configuration(mode: .bigEndian), Configuration(mode: []), Configuration(mode: [.fr, .nan2008])]

    /// One input or output record: words in the guest's byte order on the wire.
    struct Record: Equatable {
        var index: UInt32
        var fcsr: UInt32
        var hi: UInt32
        var lo: UInt32
        /// $2-$15.
        var gpr: [UInt32]
        /// FR=1: FPR n; FR=0: slot n (n even) is the pair n+1:n, odd slots unused (zero).
        var fpr: [UInt64]
    }
    static let recordSize = 16 + 14 * 4 + 32 * 8
    static let fprOffset = 72

    static func program(_ instructions: [String], fr: Bool) -> String {
        let registers = fr ? Array(0..<32) : Array(stride(from: 0, to: 32, by: 2))
        var text = """
                .set noreorder
                .set noat
                .text
                .globl __start
            __start:
            next:
                li $2, 4003
                li $4, 0
                la $5, record
                li $6, \(recordSize)
                syscall
                li $16, \(recordSize)
                bne $2, $16, finish
                nop
                la $16, record
                lw $17, 4($16)
                ctc1 $17, $31
                lw $17, 8($16)
                mthi $17
                lw $17, 12($16)
                mtlo $17

            """
        for n in registers { text += "    ldc1 $f\(n), \(fprOffset + 8 * n)($16)\n" }
        for r in 2...15 { text += "    lw $\(r), \(16 + 4 * (r - 2))($16)\n" }
        text += """
                lw $17, 0($16)
                sll $17, $17, 2
                la $18, table
                addu $18, $18, $17
                lw $18, 0($18)
                jr $18
                nop
            done:
                la $16, record
                cfc1 $17, $31
                sw $17, 4($16)
                mfhi $17
                sw $17, 8($16)
                mflo $17
                sw $17, 12($16)

            """
        for n in registers { text += "    sdc1 $f\(n), \(fprOffset + 8 * n)($16)\n" }
        for r in 2...15 { text += "    sw $\(r), \(16 + 4 * (r - 2))($16)\n" }
        text += """
                li $2, 4004
                li $4, 1
                la $5, record
                li $6, \(recordSize)
                syscall
                b next
                nop
            finish:
                li $2, 4001
                li $4, 0
                syscall

            """
        for (i, instruction) in instructions.enumerated() {
            text += "i\(i):\n    \(instruction)\n    b done\n    nop\n"
        }
        text += "    .data\n    .align 2\ntable:\n"
        for i in instructions.indices { text += "    .word i\(i)\n" }
        text += "    .align 3\nrecord:\n    .space \(recordSize)\n"
        return text
    }

    static func encode(_ records: [Record], bigEndian: Bool) -> Data {
        var bytes = Data()
        func put32(_ w: UInt32) { withUnsafeBytes(of: bigEndian ? w.bigEndian : w.littleEndian) { bytes.append(contentsOf: $0) } }
        for r in records {
            put32(r.index); put32(r.fcsr); put32(r.hi); put32(r.lo)
            r.gpr.forEach(put32)
            for v in r.fpr { withUnsafeBytes(of: bigEndian ? v.bigEndian : v.littleEndian) { bytes.append(contentsOf: $0) } }
        }
        return bytes
    }

    static func decode(_ out: [UInt8], count: Int, bigEndian: Bool) -> [Record] {
        func word(_ at: Int) -> UInt32 {
            let v = (0..<4).reduce(UInt32(0)) { $0 | UInt32(out[at + $1]) << UInt32(8 * $1) }
            return bigEndian ? v.byteSwapped : v
        }
        func double(_ at: Int) -> UInt64 {
            let v = (0..<8).reduce(UInt64(0)) { $0 | UInt64(out[at + $1]) << UInt64(8 * $1) }
            return bigEndian ? v.byteSwapped : v
        }
        return (0..<count).map { k in
            let base = k * recordSize
            return Record(index: word(base), fcsr: word(base + 4), hi: word(base + 8), lo: word(base + 12),
                          gpr: (0..<14).map { word(base + 16 + 4 * $0) },
                          fpr: (0..<32).map { double(base + fprOffset + 8 * $0) })
        }
    }

    /// Runs `records` through qemu for `instructions`; the outputs in the same order.
    static func run(_ instructions: [String], _ records: [Record], _ configuration: Configuration) throws -> [Record] {
        let bigEndian = configuration.bigEndian
        guard let qemu = qemu(bigEndian: bigEndian), let compiler = compiler(bigEndian: bigEndian) else {
            throw Assembler.Failure(description: "\(missing)")
        }
        let directory = try Tools.temporaryDirectory("GuestMIPSTests-qemu")
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("oracle.S").path
        let binary = directory.appendingPathComponent("oracle").path
        let input = directory.appendingPathComponent("input").path
        let output = directory.appendingPathComponent("output").path
        try program(instructions, fr: configuration.fr).write(toFile: source, atomically: true, encoding: .utf8)
        _ = try Tools.run(compiler, ["-nostdlib", "-static", "-mno-abicalls", "-fno-pic"] + configuration.flags + ["-o", binary, source])
        try encode(records, bigEndian: bigEndian).write(to: URL(fileURLWithPath: input))
        _ = try Tools.run("/bin/sh", ["-c", "'\(qemu)' '\(binary)' < '\(input)' > '\(output)'"])
        let out = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
        guard out.count == records.count * recordSize else {
            throw Assembler.Failure(description: "qemu wrote \(out.count) bytes for \(records.count) records")
        }
        return decode(out, count: records.count, bigEndian: bigEndian)
    }

    /// The same record run through Mirage: `instruction` alone on `backend`.
    static func mirage(_ instruction: String, _ record: Record, _ configuration: Configuration, backend: Backend) throws -> Record {
        let m = try GuestMachine(instruction, mode: configuration.mode)
        m.state.fcsr = record.fcsr
        m.hi = record.hi
        m.lo = record.lo
        for r in 2...15 { m[r] = record.gpr[r - 2] }
        for n in 0..<32 where configuration.fr || n % 2 == 0 { m.state[fpr64: n] = record.fpr[n] }
        let run = m.run(on: backend)
        guard run.end == .left else { throw Assembler.Failure(description: "\(instruction) ended with \(run.end)") }
        // The host flags of the run are the guest's: fold them in as the oracle's cfc1 does.
        let flags = MIPSHelpers.flags(fromMXCSR: run.mxcsr)
        var fcsr = m.state.fcsr
        if flags != 0 { fcsr = fcsr & ~(0x3f << 12) | flags | flags << 10 }
        var out = Record(index: record.index, fcsr: fcsr, hi: m.hi, lo: m.lo, gpr: (2...15).map { m[$0] }, fpr: [])
        // FR=0: the oracle writes the pairs back; the odd slots keep what was sent.
        out.fpr = (0..<32).map { configuration.fr || $0 % 2 == 0 ? m.state[fpr64: $0] : record.fpr[$0] }
        return out
    }
}
