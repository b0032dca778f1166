// The code buffer: an owned one grows and keeps its bytes; a fixed one stops storing at its
// end, counts on, and the assembler reports it; patching and reading stay inside what was
// stored.

import Testing
@testable import X64Assembler

@Suite struct CodeBufferTests {
    @Test func ownedBufferGrows() {
        var buffer = CodeBuffer(capacity: 1)
        for value in 0..<1000 { buffer.emit8(UInt8(truncatingIfNeeded: value)) }
        buffer.emit16(0x0201)
        buffer.emit32(0x0605_0403)
        buffer.emit64(0x0E0D_0C0B_0A09_0807)
        #expect(buffer.position == 1014 && buffer.capacity >= 1014 && !buffer.hasOverflowed)
        let bytes = buffer.bytes
        #expect(bytes[999] == 0xE7)
        #expect(Array(bytes[1000...]) == Array(1...14))
        buffer.reset()
        #expect(buffer.position == 0 && buffer.bytes.isEmpty)
    }

    @Test func fixedBufferOverflowsWithoutWritingPastItsEnd() {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: 16, alignment: 16)
        defer { memory.deallocate() }
        memory.initializeMemory(as: UInt8.self, repeating: 0xAA)
        let inner = UnsafeMutableRawBufferPointer(rebasing: memory[0..<8])
        var a = Assembler(buffer: CodeBuffer(memory: inner))
        a.mov(.rax, imm64: 0x1122_3344_5566_7788)   // 10 bytes into 8
        a.ret()
        #expect(a.position == 11)
        let overflowed = a.buffer.hasOverflowed
        #expect(overflowed)
        #expect(a.finish() == .bufferFull)
        #expect(a.bytes.count == 8)
        #expect(Array(memory[8..<16]) == Array(repeating: 0xAA, count: 8), "nothing past the end")
        a.reset()
        a.ret()
        #expect(a.finish() == nil && hex(a.bytes) == "c3")
    }

    @Test func emptyFixedBuffer() {
        var a = Assembler(buffer: CodeBuffer(memory: UnsafeMutableRawBufferPointer(start: nil, count: 0)))
        a.ret()
        #expect(a.finish() == .bufferFull && a.bytes.isEmpty)
    }

    @Test func patchingStaysInside() {
        var buffer = CodeBuffer(capacity: 16)
        buffer.emit32(0)
        buffer.patch32(at: 0, 0x0403_0201)
        buffer.patch32(at: 1, 0xFFFF_FFFF)          // would run past position: ignored
        buffer.patch8(at: 4, 0xFF)                   // at position: ignored
        #expect(buffer.bytes == [1, 2, 3, 4])
        #expect(buffer.load32(at: 0) == 0x0403_0201 && buffer.load32(at: 1) == 0 && buffer.load8(at: 3) == 4)
        let seen = buffer.withUnsafeBytes { Array($0) }
        #expect(seen == [1, 2, 3, 4])
    }
}
