// qemu-arm as an independent oracle for whole instruction sequences (A32 or Thumb): a static
// ARM program (cross gcc, no libc) reads records from stdin (which sequence, then r0-r12 and
// r14, the APSR, FPSCR, D0-D31, and the 16 KiB scratch buffer), loads them, runs that
// sequence, and writes the end state back to stdout in the same layout. One qemu-arm run
// answers a whole batch. The scratch buffer is linked at the guest address GuestMachine uses
// (0x20000), so r11-derived addresses are the same numbers in both runs and compare as they are.
//
// The program keeps sp for itself (sequences never use it): the loader points it at the
// record, the sequence's address sits at [sp, #-4], and the epilogue stores through it.
// Thumb sequences come back through BX PC. A sequence that left the data big-endian
// (SETEND BE) has its register words stored byte-swapped by that STM; the APSR word read
// next carries E (bit 9), so the reader swaps them back.

import Foundation
import Testing
import TestTools

enum SequenceOracle {
    static let qemu = Tools.find("qemu-arm")
    static let compiler = Tools.find(Assembler.toolPrefix + "gcc")
    static var available: Bool { qemu != nil && compiler != nil && Assembler.available }
    static let missing: Comment = "needs qemu-arm and arm-linux-gnueabihf-gcc: apt-get install qemu-user gcc-arm-linux-gnueabihf"

    static let scratchBase: UInt32 = GuestMachine.dataBase
    static let scratchSize = 0x4000
    /// r11 at the start: the middle of the buffer, so negative offsets stay inside.
    static let scratchStart: UInt32 = scratchBase + 0x2000

    /// Words before D0 in a record: the index, r0-r12 and r14, APSR, FPSCR.
    static let headerSize = 4 * 17 + 32 * 8
    static let recordSize = headerSize + scratchSize

    static func program(_ sequences: [[String]], thumb: Bool) -> String {
        var text = """
            .syntax unified
            .arch armv7-a
            .arch_extension idiv
            .arch_extension mp
            .fpu neon-vfpv4
            .section .scratch,"aw",%nobits
        scratch:
            .space \(scratchSize)
            .bss
            .align 3
        record:
            .space \(headerSize)
            .text
            .arm
            .global _start
        _start:
        next:
            ldr r5, =record
            mov r6, #\(headerSize)
            mov r8, #3
            bl transfer
            cmp r4, #\(headerSize)
            bne finish
            ldr r5, =scratch
            mov r6, #\(scratchSize)
            bl transfer
            ldr r0, =record
            ldr r4, [r0]
            ldr r3, =table
            ldr r4, [r3, r4, lsl #2]
            str r4, [r0], #4
            mov sp, r0
            clrex
            ldr r1, [r0, #56]
            msr APSR_nzcvqg, r1
            ldr r1, [r0, #60]
            vmsr fpscr, r1
            add r1, r0, #64
            vldmia r1!, {d0-d15}
            vldmia r1, {d16-d31}
            ldm r0, {r0-r12, r14}
            ldr pc, [sp, #-4]
        done:
            stmia sp, {r0-r12, r14}
            mrs r0, apsr
            setend le
            str r0, [sp, #56]
            vmrs r0, fpscr
            str r0, [sp, #60]
            add r0, sp, #64
            vstmia r0!, {d0-d15}
            vstmia r0, {d16-d31}
            ldr r5, =record
            mov r6, #\(headerSize)
            mov r8, #4
            bl transfer
            ldr r5, =scratch
            mov r6, #\(scratchSize)
            bl transfer
            b next
        finish:
            mov r0, #0
            mov r7, #1
            svc #0
        @ read (r8 = 3, fd 0) or write (r8 = 4, fd 1) r6 bytes at r5; r4 = bytes moved.
        transfer:
            mov r4, #0
        1:  cmp r8, #3
            moveq r0, #0
            movne r0, #1
            add r1, r5, r4
            sub r2, r6, r4
            mov r7, r8
            svc #0
            cmp r0, #0
            bxle lr
            add r4, r4, r0
            cmp r4, r6
            blt 1b
            bx lr
            .ltorg
        @ Thumb sequences end here: BX PC from a word-aligned address goes to the ARM code
        @ 4 bytes on, with no register or memory touched (a load could read big-endian).
            .thumb
            .align 2
        thumbDone:
            bx pc
            nop
            .arm
            b done

        """
        for (i, lines) in sequences.enumerated() {
            if thumb {
                text += "    .thumb\n    .thumb_func\ns\(i):\n"
                text += lines.map { "    \($0)\n" }.joined()
                text += "    b.w thumbDone\n    .arm\n    .align 2\n"
            } else {
                text += "s\(i):\n" + lines.map { "    \($0)\n" }.joined() + "    b done\n"
            }
        }
        text += "    .ltorg\n    .align 2\ntable:\n"
        for i in sequences.indices { text += "    .word s\(i)\n" }
        return text
    }

    /// Runs each record through qemu-arm on `sequences[record.index]`; the end states in the
    /// same order.
    static func run(_ sequences: [[String]], thumb: Bool, _ records: [(index: Int, state: ARMRecord)]) throws -> [ARMRecord] {
        guard let qemu, let compiler else { throw Assembler.Failure(description: "\(missing)") }
        // Kept when qemu-arm fails, for a look at the program and its input.
        let directory = try Tools.temporaryDirectory("GuestARMTests-sequence-oracle")
        var keep = false
        defer { if !keep { try? FileManager.default.removeItem(at: directory) } }
        let source = directory.appendingPathComponent("oracle.S").path
        let binary = directory.appendingPathComponent("oracle").path
        let input = directory.appendingPathComponent("input").path
        let output = directory.appendingPathComponent("output").path
        try program(sequences, thumb: thumb).write(toFile: source, atomically: true, encoding: .utf8)
        // The scratch buffer at GuestMachine's data address, the code well above it.
        _ = try Tools.run(compiler, ["-nostdlib", "-static", "-Wl,--section-start=.scratch=0x\(String(scratchBase, radix: 16))",
                                     "-Wl,-Ttext-segment=0x400000", "-o", binary, source])
        var bytes = Data(capacity: records.count * recordSize)
        for (index, state) in records { bytes.append(contentsOf: state.encoded(index: index)) }
        try bytes.write(to: URL(fileURLWithPath: input))
        do {
            _ = try Tools.run("/bin/sh", ["-c", "'\(qemu)' '\(binary)' < '\(input)' > '\(output)'"])
        } catch {
            keep = true
            throw error
        }
        let out = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
        guard out.count == records.count * recordSize else {
            throw Assembler.Failure(description: "qemu-arm wrote \(out.count) bytes for \(records.count) records")
        }
        return records.indices.map { ARMRecord(decoding: out[($0 * recordSize)..<(($0 + 1) * recordSize)]) }
    }
}
