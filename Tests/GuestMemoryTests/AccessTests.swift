// Checked accessors: EFAULT cases across mapping boundaries, strings, byte order, page flags.

import GuestMemory
import Testing

@Suite struct AccessTests {
    @Test func pointerChecksAcrossMappings() throws {
        let space = try makeSpace()
        let a = try space.map(at: 0x100_0000, length: page, protection: .readWrite, flags: [.fixed, .private, .anonymous]).get()
        _ = try space.map(at: a + page, length: page, protection: .read, flags: [.fixed, .private, .anonymous]).get()
        #expect(space.pointer(to: a + 100, length: page, access: .read) == space.base + Int(a.rawValue) + 100)
        #expect(space.pointer(to: a + 100, length: page, access: .write) == nil)
        #expect(space.pointer(to: a + 100, length: page - 100, access: .write) != nil)
        #expect(space.pointer(to: a + page + 100, length: page, access: .read) == nil)  // runs into unmapped
        #expect(space.pointer(to: a - 1, length: 2, access: .read) == nil)
        #expect(space.pointer(to: a, length: 0, access: .write) != nil)
        #expect(space.pointer(to: 0x2_0000_0000, length: 0, access: .read) == nil)
        #expect(space.pointer(to: 0xffff_ffff, length: 2, access: .read) == nil)
        #expect(space.pointer(to: 0xffff_ffff_ffff_fff0, length: 0x20, access: .read) == nil)
        #expect(space.read(at: a + page - 2, count: 4) == [0, 0, 0, 0])
        #expect(space.read(at: a + 2 * page - 2, count: 4) == nil)
        #expect(space.read(at: a, count: -1) == nil)
        #expect(!space.write([1, 2, 3, 4], at: a + page - 2))
        #expect(space.read(at: a + page - 2, count: 2) == [0, 0])  // a refused write writes nothing
    }

    @Test func cStrings() throws {
        let space = try makeSpace()
        let a = try space.map(at: 0x100_0000, length: 2 * page, protection: .readWrite, flags: [.fixed, .private, .anonymous]).get()
        let text = Array("hello".utf8)
        #expect(space.write(text + [0], at: a + page - 3))  // crosses the page boundary
        #expect(space.readCString(at: a + page - 3, maxLength: 100) == text)
        #expect(space.readCString(at: a + page - 3, maxLength: 3) == Array("hel".utf8))
        #expect(space.readCString(at: a + page - 3, maxLength: 0) == [])
        #expect(space.write([UInt8](repeating: 0x41, count: 16), at: a + 2 * page - 16))
        #expect(space.readCString(at: a + 2 * page - 16, maxLength: 100) == nil)  // runs off the mapping
        #expect(space.readCString(at: a + 2 * page - 16, maxLength: 16)?.count == 16)
        #expect(space.readCString(at: 0x50, maxLength: 10) == nil)
    }

    @Test func typedAccessorsHonourByteOrder() throws {
        let space = try makeSpace()
        let a = try space.map(at: 0x100_0000, length: page, protection: .readWrite, flags: [.fixed, .private, .anonymous]).get()
        #expect(space.store(UInt32(0x1122_3344), at: a + 1, bigEndian: true))
        #expect(space.read(at: a + 1, count: 4) == [0x11, 0x22, 0x33, 0x44])
        #expect(space.load(UInt32.self, at: a + 1, bigEndian: true) == 0x1122_3344)
        #expect(space.load(UInt32.self, at: a + 1, bigEndian: false) == 0x4433_2211)
        #expect(space.store(Int16(-2), at: a + 8, bigEndian: false))
        #expect(space.read(at: a + 8, count: 2) == [0xfe, 0xff])
        #expect(space.load(Int16.self, at: a + 8, bigEndian: false) == -2)
        #expect(space.store(UInt64(0x0102_0304_0506_0708), at: a + 16, bigEndian: false))
        #expect(space.load(UInt64.self, at: a + 16, bigEndian: true) == 0x0807_0605_0403_0201)
        #expect(space.load(UInt32.self, at: a + page - 2, bigEndian: false) == nil)
        #expect(!space.store(UInt32(0), at: a + page - 2, bigEndian: false))
    }

    @Test func translatedBit() throws {
        let space = try makeSpace()
        let a = try space.map(at: 0x100_0000, length: 2 * page, protection: [.read, .execute], flags: [.fixed, .private, .anonymous]).get()
        #expect(!space.isTranslated(a))
        space.markTranslated(a + 5)
        #expect(space.isTranslated(a))
        #expect(!space.isTranslated(a + page))
        #expect(space.protect(a, length: page, .read).value != nil)
        #expect(space.isTranslated(a))  // mprotect keeps it: the engine decides what to drop
        #expect(space.clearTranslated(a, length: 2 * page))
        #expect(!space.clearTranslated(a, length: 2 * page))
        space.markTranslated(a + page)
        #expect(space.unmap(a, length: 2 * page).value != nil)
        #expect(!space.isTranslated(a + page))
        space.markTranslated(a)  // unmapped pages cannot be marked
        #expect(!space.isTranslated(a))
    }
}
