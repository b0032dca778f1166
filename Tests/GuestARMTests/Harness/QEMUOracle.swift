// qemu-arm as an independent oracle for instructions that touch only D0-D15 and FPSCR: a
// static ARM program (built with the cross gcc, no libc) reads records from stdin — an
// instruction index, FPSCR and D0-D15 — loads them, runs that instruction, and writes
// FPSCR and D0-D15 back to stdout. One qemu-arm run answers every record of a batch.
// Tests that need it are skipped when qemu-arm or the cross compiler is missing.

import Foundation
import Testing
import TestTools

enum QEMUOracle {
    static let qemu = Tools.find("qemu-arm")
    static let compiler = Tools.find(Assembler.toolPrefix + "gcc")
    static var available: Bool { qemu != nil && compiler != nil && Assembler.available }
    static let missing: Comment = "needs qemu-arm and arm-linux-gnueabihf-gcc: apt-get install qemu-user gcc-arm-linux-gnueabihf"

    /// One input or output record.
    struct Record: Equatable {
        var index: UInt32
        var fpscr: UInt32
        var d: [UInt64]
    }
    static let recordSize = 8 + 16 * 8

    static func program(_ instructions: [String]) -> String {
        var text = """
            .syntax unified
            .arch armv7-a
            .fpu neon-vfpv4
            .arm
            .text
            .global _start
            _start:
            next:
                mov r0, #0
                ldr r1, =record
                mov r2, #\(recordSize)
                mov r7, #3
                svc #0
                cmp r0, #\(recordSize)
                bne finish
                ldr r1, =record
                ldr r4, [r1], #4
                ldr r2, [r1], #4
                vmsr fpscr, r2
                vldmia r1, {d0-d15}
                ldr r3, =table
                ldr pc, [r3, r4, lsl #2]
            done:
                vmrs r2, fpscr
                ldr r1, =record
                str r2, [r1, #4]
                add r1, r1, #8
                vstmia r1, {d0-d15}
                mov r0, #1
                ldr r1, =record
                mov r2, #\(recordSize)
                mov r7, #4
                svc #0
                b next
            finish:
                mov r0, #0
                mov r7, #1
                svc #0

            """
        for (i, instruction) in instructions.enumerated() {
            text += "i\(i):\n    \(instruction)\n    b done\n"
        }
        text += "    .ltorg\n    .align 2\ntable:\n"
        for i in instructions.indices { text += "    .word i\(i)\n" }
        text += "    .bss\n    .align 3\nrecord:\n    .space \(recordSize)\n"
        return text
    }

    /// Runs `records` through qemu-arm for `instructions`; the outputs in the same order.
    static func run(_ instructions: [String], _ records: [Record]) throws -> [Record] {
        guard let qemu, let compiler else { throw Assembler.Failure(description: "\(missing)") }
        let directory = try Tools.temporaryDirectory("GuestARMTests-qemu")
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("oracle.S").path
        let binary = directory.appendingPathComponent("oracle").path
        let input = directory.appendingPathComponent("input").path
        let output = directory.appendingPathComponent("output").path
        try program(instructions).write(toFile: source, atomically: true, encoding: .utf8)
        _ = try Tools.run(compiler, ["-nostdlib", "-static", "-o", binary, source])
        var bytes = Data()
        for r in records {
            var words: [UInt32] = [r.index, r.fpscr]
            for v in r.d { words += [UInt32(truncatingIfNeeded: v), UInt32(truncatingIfNeeded: v >> 32)] }
            for w in words { withUnsafeBytes(of: w.littleEndian) { bytes.append(contentsOf: $0) } }
        }
        try bytes.write(to: URL(fileURLWithPath: input))
        _ = try Tools.run("/bin/sh", ["-c", "'\(qemu)' '\(binary)' < '\(input)' > '\(output)'"])
        let out = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
        guard out.count == records.count * recordSize else {
            throw Assembler.Failure(description: "qemu-arm wrote \(out.count) bytes for \(records.count) records")
        }
        func word(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(out[at + $1]) << UInt32(8 * $1) } }
        return records.indices.map { k in
            let base = k * recordSize
            let d = (0..<16).map { UInt64(word(base + 8 + 8 * $0)) | UInt64(word(base + 12 + 8 * $0)) << 32 }
            return Record(index: word(base), fpscr: word(base + 4), d: d)
        }
    }
}
