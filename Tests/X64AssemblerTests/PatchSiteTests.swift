// Patch sites: the rel32 field is 4-byte aligned whatever came before, the branch initially
// falls through (or goes to its label), and it can be re-pointed inside the buffer or in
// placed code.

import Testing
@testable import X64Assembler

@Suite struct PatchSiteTests {
    @Test(arguments: 0..<8)
    func fieldsAreAligned(padding: Int) {
        var a = Assembler()
        a.nop(length: padding)
        let jump = a.jmpPatchSite()
        let branch = a.jccPatchSite(.ne)
        let call = a.callPatchSite()
        for site in [jump, branch, call] {
            #expect(site.offset % 4 == 0)
            #expect(a.buffer.load32(at: site.offset) == 0, "falls through until patched")
        }
        #expect(a.bytes[jump.offset - 1] == 0xE9)
        #expect(Array(a.bytes[branch.offset - 2 ..< branch.offset]) == [0x0F, 0x85])
        #expect(a.bytes[call.offset - 1] == 0xE8)
        #expect(a.finish() == nil)
    }

    @Test func siteToALabelAndRetargeted() {
        var a = Assembler()
        let exit = a.makeLabel()
        let site = a.jmpPatchSite(to: exit)     // 0-2: nop(3), 3: e9, field at 4
        #expect(site.offset == 4)
        a.int3()                                // 8
        a.bind(exit)                            // 9
        a.ret()
        #expect(a.buffer.load32(at: 4) == 1)
        a.setTarget(of: site, toOffset: 0)
        #expect(a.buffer.load32(at: 4) == UInt32(bitPattern: -8))
        #expect(hex(a.bytes) == "0f 1f 00 e9 f8 ff ff ff cc c3")
    }

    @Test func writingPlacedCode() {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: 64, alignment: 16)
        defer { memory.deallocate() }
        var a = Assembler(buffer: CodeBuffer(memory: memory))
        let site = a.jmpPatchSite()
        #expect(a.finish() == nil)
        let field = memory.baseAddress! + site.offset
        #expect(PatchSite.write(field: field, target: memory.baseAddress! + 40))
        #expect(memory.load(fromByteOffset: site.offset, as: Int32.self) == Int32(40 - (site.offset + 4)))
        #expect(!PatchSite.write(field: field + 1, target: memory.baseAddress!), "misaligned")
        #expect(PatchSite.displacement(field: 0x1000, target: 0x1000 + 4 + 0x7FFF_FFFF) == Int32.max)
        #expect(PatchSite.displacement(field: 0x1000, target: 0x1000 + 4 + 0x8000_0000) == nil)
        #expect(PatchSite.displacement(field: 0x8000_1000, target: 0x1004) == Int32.min)
    }
}
