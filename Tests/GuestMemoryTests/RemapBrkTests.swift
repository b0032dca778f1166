// Guest mremap and brk.

import GuestMemory
import SystemPackage
import Testing

@Suite struct RemapTests {
    @Test func shrinkInPlace() throws {
        let space = try makeSpace()
        let a = try space.map(at: 0x100_0000, length: 4 * page, protection: .readWrite, flags: [.fixed, .private, .anonymous]).get()
        #expect(space.remap(a, oldLength: 4 * page, newLength: page + 1, flags: []).value == a)
        #expect(space.protection(at: a + page) == .readWrite)
        #expect(space.protection(at: a + 2 * page) == nil)
    }

    @Test func growInPlaceKeepsContents() throws {
        let space = try makeSpace()
        let a = try space.map(at: 0x100_0000, length: page, protection: .readWrite, flags: [.fixed, .private, .anonymous], name: "x").get()
        #expect(space.store(UInt32(0x1234_5678), at: a + 8, bigEndian: false))
        #expect(space.remap(a, oldLength: page, newLength: 3 * page, flags: []).value == a)
        #expect(space.load(UInt32.self, at: a + 8, bigEndian: false) == 0x1234_5678)
        #expect(space.protection(at: a + 2 * page) == .readWrite)
        #expect(space.store(UInt8(1), at: a + 3 * page - 1, bigEndian: false))
        #expect(space.mappings() == [GuestMapping(start: a, end: a + 3 * page, protection: .readWrite, shared: false, name: "x")])
    }

    @Test func blockedGrowthMovesOnlyWhenAllowed() throws {
        let space = try makeSpace()
        let a = try space.map(at: 0x100_0000, length: page, protection: .readWrite, flags: [.fixed, .private, .anonymous]).get()
        _ = try space.map(at: a + page, length: page, protection: .read, flags: [.fixed, .private, .anonymous]).get()
        #expect(space.store(UInt32(0xcafe_f00d), at: a, bigEndian: false))
        #expect(space.remap(a, oldLength: page, newLength: 2 * page, flags: []).error == .noMemory)
        let moved = try space.remap(a, oldLength: page, newLength: 2 * page, flags: .mayMove).get()
        #expect(moved != a)
        #expect(space.load(UInt32.self, at: moved, bigEndian: false) == 0xcafe_f00d)
        #expect(space.protection(at: moved + page) == .readWrite)
        #expect(space.protection(at: a) == nil)
        #expect(space.protection(at: a + page) == .read)
        // The old range is reserved again, not a hole: a fixed map there works.
        #expect(space.map(at: a, length: page, protection: .read, flags: [.fixedNoReplace, .private, .anonymous]).value == a)
    }

    @Test func fixedMoves() throws {
        let space = try makeSpace()
        let a = try space.map(at: 0x100_0000, length: 2 * page, protection: .readWrite, flags: [.fixed, .private, .anonymous]).get()
        let b = try space.map(at: 0x200_0000, length: page, protection: .read, flags: [.fixed, .private, .anonymous]).get()
        #expect(space.store(UInt16(0xbeef), at: a + page, bigEndian: true))
        #expect(space.remap(a, oldLength: 2 * page, newLength: 2 * page, flags: .fixed, newAddress: b).error == .invalidArgument)
        #expect(space.remap(a, oldLength: 2 * page, newLength: 2 * page, flags: [.fixed, .mayMove], newAddress: b + 1).error
            == .invalidArgument)
        #expect(space.remap(a, oldLength: 2 * page, newLength: 2 * page, flags: [.fixed, .mayMove], newAddress: a + page).error
            == .invalidArgument)
        let moved = try space.remap(a, oldLength: 2 * page, newLength: 2 * page, flags: [.fixed, .mayMove], newAddress: b).get()
        #expect(moved == b)
        #expect(space.load(UInt16.self, at: b + page, bigEndian: true) == 0xbeef)
        #expect(space.protection(at: b) == .readWrite)
        #expect(space.protection(at: a) == nil)
    }

    @Test func errors() throws {
        let space = try makeSpace()
        let a = try space.map(at: 0x100_0000, length: page, protection: .readWrite, flags: [.fixed, .private, .anonymous]).get()
        #expect(space.remap(a + 1, oldLength: page, newLength: 2 * page, flags: .mayMove).error == .invalidArgument)
        #expect(space.remap(a, oldLength: page, newLength: 0, flags: .mayMove).error == .invalidArgument)
        #expect(space.remap(a, oldLength: 2 * page, newLength: 3 * page, flags: .mayMove).error == .badAddress)
        #expect(space.remap(0x300_0000, oldLength: page, newLength: 2 * page, flags: .mayMove).error == .badAddress)
    }
}

@Suite struct BrkTests {
    @Test func growShrinkAndRefuse() throws {
        let space = try makeSpace()
        space.setBrk(start: 0x10_0123)
        #expect(space.brk(0) == 0x10_1000)
        #expect(space.brkStart == 0x10_1000)
        #expect(space.brk(0x10_0000) == 0x10_1000)  // below the start: unchanged
        #expect(space.brk(0x10_3010) == 0x10_3010)
        #expect(space.protection(at: 0x10_3000) == .readWrite)
        #expect(space.protection(at: 0x10_4000) == nil)
        #expect(space.read(at: 0x10_1000, count: 8) == [UInt8](repeating: 0, count: 8))
        #expect(space.store(UInt8(9), at: 0x10_3fff, bigEndian: false))
        #expect(space.mappings().last?.name == "[heap]")
        // Shrink: whole pages above the new break go away.
        #expect(space.brk(0x10_2001) == 0x10_2001)
        #expect(space.protection(at: 0x10_2000) == .readWrite)
        #expect(space.protection(at: 0x10_3000) == nil)
        // Growing again gives fresh zero pages.
        #expect(space.brk(0x10_4000) == 0x10_4000)
        #expect(space.load(UInt8.self, at: 0x10_3fff, bigEndian: false) == 0)
        // Refuse to grow into another mapping; the break stays.
        _ = try space.map(at: 0x10_6000, length: page, protection: .read, flags: [.fixed, .private, .anonymous]).get()
        #expect(space.brk(0x10_8000) == 0x10_4000)
        #expect(space.protection(at: 0x10_5000) == nil)
        #expect(space.brk(0x10_6000) == 0x10_6000)  // up to the mapping is fine
        #expect(space.brk(0x1_0000_0000) == 0x10_6000)
        #expect(space.brk(0xffff_ffff_ffff_ffff) == 0x10_6000)
    }
}
