// Labels: forward and backward branches, the rel8/rel32 choice, several references to one
// label, RIP-relative operands (whose displacement must skip a trailing immediate), and the
// errors `finish()` reports.

import Testing
@testable import X64Assembler

@Suite struct LabelTests {
    @Test func forwardJumpIsRel32AndPatched() {
        var a = Assembler()
        let done = a.makeLabel()
        a.jmp(done)                     // 0: e9 rel32, ends at 5
        a.nop()                         // 5
        a.bind(done)                    // 6
        a.ret()
        #expect(a.finish() == nil)
        #expect(hex(a.bytes) == "e9 01 00 00 00 90 c3")
    }

    @Test func forwardShortJumpWhenAsked() {
        var a = Assembler()
        let done = a.makeLabel()
        a.jcc(.ne, done, short: true)   // 0: 75 rel8, ends at 2
        a.inc(.eax)                     // 2: ff c0
        a.bind(done)                    // 4
        #expect(a.finish() == nil)
        #expect(hex(a.bytes) == "75 02 ff c0")
    }

    @Test func backwardJumpPicksTheShortestThatReaches() {
        var a = Assembler()
        let top = a.makeBoundLabel()    // 0
        a.dec(.ecx)                     // 0: ff c9
        a.jcc(.ne, top)                 // 2: 75 fc (0 - 4)
        #expect(hex(a.bytes) == "ff c9 75 fc")

        var far = Assembler()
        let start = far.makeBoundLabel()
        far.nop(length: 200)
        far.jmp(start)                  // 200: e9 rel32 = 0 - 205
        far.jcc(.l, start)              // 205: 0f 8c rel32 = 0 - 211
        #expect(hex(Array(far.bytes[200...])) == "e9 33 ff ff ff 0f 8c 2d ff ff ff")

        var edge = Assembler()
        let head = edge.makeBoundLabel()
        edge.nop(length: 126)
        edge.jmp(head)                  // 126: eb 80 (0 - 128): the farthest rel8
        edge.jmp(head)                  // 128: e9, 0 - 133
        #expect(hex(Array(edge.bytes[126...])) == "eb 80 e9 7b ff ff ff")
    }

    @Test func manyReferencesToOneLabel() {
        var a = Assembler()
        let exit = a.makeLabel()
        a.jcc(.e, exit)                 // 0: 0f 84 rel32, ends at 6
        a.jcc(.o, exit, short: true)    // 6: 70 rel8, ends at 8
        a.call(exit)                    // 8: e8 rel32, ends at 13
        a.jmp(exit)                     // 13: e9 rel32, ends at 18
        a.bind(exit)                    // 18
        #expect(a.finish() == nil)
        #expect(hex(a.bytes) == "0f 84 0c 00 00 00 70 0a e8 05 00 00 00 e9 00 00 00 00")
        #expect(a.offset(of: exit) == 18)
    }

    @Test func ripRelativeLabelSkipsTheImmediate() {
        var a = Assembler()
        let constant = a.makeLabel()
        a.cmp(.dword(.rip(constant)), imm8: 1)      // 0: 83 3d disp32 01, ends at 7
        a.mov(.qword(.rip(constant, 4)), imm32: 2)  // 7: 48 c7 05 disp32 imm32, ends at 18
        a.lea(.rax, .rip(constant))                 // 18: 48 8d 05 disp32, ends at 25
        a.bind(constant)                            // 25
        a.buffer.emit32(0xDEAD_BEEF)
        a.movss(.xmm0, .dword(.rip(constant)))      // 29: f3 0f 10 05 disp32, ends at 37
        #expect(a.finish() == nil)
        #expect(hex(a.bytes) == "83 3d 12 00 00 00 01 "
            + "48 c7 05 0b 00 00 00 02 00 00 00 "
            + "48 8d 05 00 00 00 00 "
            + "ef be ad de "
            + "f3 0f 10 05 f4 ff ff ff")
    }

    @Test func shortForwardJumpOutOfReachIsReported() {
        var a = Assembler()
        let far = a.makeLabel()
        a.jmp(far, short: true)         // ends at 2
        a.nop(length: 128)              // the label lands at 130: 128 past the end
        a.bind(far)
        #expect(a.finish() == .shortBranchOutOfRange(far))

        var fits = Assembler()
        let near = fits.makeLabel()
        fits.jmp(near, short: true)
        fits.nop(length: 127)
        fits.bind(near)
        #expect(fits.finish() == nil)
        #expect(fits.bytes[1] == 0x7F)
    }

    @Test func unboundLabelIsReported() {
        var a = Assembler()
        let never = a.makeLabel()
        let unused = a.makeLabel()
        a.jmp(never)
        #expect(a.finish() == .unboundLabel(never))
        #expect(a.offset(of: unused) == nil)
    }

    @Test func resetForgetsLabels() {
        var a = Assembler()
        let label = a.makeLabel()
        a.jmp(label)
        a.reset()
        #expect(a.finish() == nil && a.position == 0)
        let again = a.makeLabel()
        a.bind(again)
        a.jmp(again)
        #expect(hex(a.bytes) == "eb fe")
    }
}
