// Guest mmap/munmap/mprotect: placement, Linux error cases, and the host effects.

import Glibc
import GuestMemory
import Host
import SystemPackage
import Testing

let page: UInt64 = 4096
let anonymous: MapFlags = [.private, .anonymous]

func makeSpace(bits: Int = 32) throws -> GuestAddressSpace {
    try GuestAddressSpace(addressBits: bits)
}

extension Result {
    var error: Failure? { if case let .failure(error) = self { return error } else { return nil } }
    var value: Success? { if case let .success(value) = self { return value } else { return nil } }
}

@Suite struct MapTests {
    @Test func reservationCoversTheWholeSpace() throws {
        let space = try makeSpace()
        #expect(space.size == 1 << 32)
        #expect(space.pageSize == 4096)
        #expect(space.protection(at: 0x10000) == nil)
        #expect(space.mappings().isEmpty)
    }

    @Test func nonFixedMappingsGoTopDownBelowMmapTop() throws {
        let space = try makeSpace()
        #expect(space.mmapTop == 0xb600_0000)
        let first = try space.map(at: nil, length: 1, protection: .readWrite, flags: anonymous).get()
        #expect(first == 0xb5ff_f000)
        let second = try space.map(at: nil, length: 3 * page, protection: .readWrite, flags: anonymous).get()
        #expect(second == 0xb5ff_c000)
        space.mmapTop = 0x4000_0000
        let third = try space.map(at: nil, length: page, protection: .read, flags: anonymous).get()
        #expect(third == 0x3fff_f000)
    }

    @Test func freeHintIsUsedAndRoundedUpTakenHintIsNot() throws {
        let space = try makeSpace()
        let atHint = try space.map(at: 0x1234_5001, length: page, protection: .readWrite, flags: anonymous).get()
        #expect(atHint == 0x1234_6000)
        let again = try space.map(at: 0x1234_6000, length: page, protection: .readWrite, flags: anonymous).get()
        #expect(again == 0xb5ff_f000)
    }

    @Test func lengthRoundsUpToPages() throws {
        let space = try makeSpace()
        let address = try space.map(at: 0x10_0000, length: 1, protection: .readWrite, flags: anonymous).get()
        #expect(space.isAccessible(address, length: page, .readWrite))
        #expect(!space.isAccessible(address, length: page + 1, .read))
    }

    @Test func invalidArguments() throws {
        let space = try makeSpace()
        #expect(space.map(at: nil, length: 0, protection: .read, flags: anonymous).error == .invalidArgument)
        #expect(space.map(at: 0x10_0001, length: page, protection: .read, flags: [.fixed, .private, .anonymous]).error
            == .invalidArgument)
        #expect(space.map(at: 0x10_0001, length: page, protection: .read, flags: [.fixedNoReplace, .private, .anonymous]).error
            == .invalidArgument)
        #expect(space.map(at: nil, length: page, protection: .read, flags: [.anonymous]).error == .invalidArgument)
        #expect(space.map(at: nil, length: page, protection: .read, flags: [.anonymous, .shared, .private]).error
            == .invalidArgument)
        #expect(space.map(at: nil, length: page, protection: .read, flags: [.private], file: (fd: 0, offset: 100)).error
            == .invalidArgument)
        #expect(space.map(at: nil, length: page, protection: .read, flags: [.private]).error == .badFileDescriptor)
    }

    @Test func noRoomIsENOMEM() throws {
        let space = try makeSpace()
        #expect(space.map(at: nil, length: 1 << 33, protection: .read, flags: anonymous).error == .noMemory)
        #expect(space.map(at: nil, length: UInt64.max, protection: .read, flags: anonymous).error == .noMemory)
        #expect(space.map(at: 0xffff_f000, length: 2 * page, protection: .read, flags: [.fixed, .private, .anonymous]).error
            == .noMemory)
        // A small space fills up.
        let small = try makeSpace(bits: 20)
        small.mmapMinAddress = 0
        let all = try small.map(at: nil, length: 1 << 20, protection: .read, flags: anonymous).get()
        #expect(all == 0)
        #expect(small.map(at: nil, length: page, protection: .read, flags: anonymous).error == .noMemory)
    }

    @Test func searchFallsBackAboveMmapTop() throws {
        let space = try makeSpace(bits: 24)
        space.mmapTop = 0x20_0000
        let below = try space.map(at: nil, length: 0x1f_0000, protection: .read, flags: anonymous).get()
        #expect(below == 0x1_0000)
        let above = try space.map(at: nil, length: page, protection: .read, flags: anonymous).get()
        #expect(above == 0x20_0000)
    }

    @Test func fixedBelowMinimumIsEPERM() throws {
        let space = try makeSpace()
        #expect(space.map(at: 0x1000, length: page, protection: .read, flags: [.fixed, .private, .anonymous]).error
            == .notPermitted)
        #expect(space.map(at: nil, length: page, protection: .read, flags: [.fixed, .private, .anonymous]).error
            == .notPermitted)
    }

    @Test func fixedReplacesAndNoReplaceRefuses() throws {
        let space = try makeSpace()
        let address = try space.map(at: 0x40_0000, length: 4 * page, protection: .readWrite, flags: [.fixed, .private, .anonymous]).get()
        #expect(space.store(UInt32(0xdead_beef), at: address + page, bigEndian: false))
        #expect(space.map(at: address + 2 * page, length: 4 * page, protection: .read, flags: [.fixedNoReplace, .private, .anonymous]).error
            == .fileExists)
        // Nothing changed by the refusal.
        #expect(space.protection(at: address + 5 * page) == nil)
        let replaced = try space.map(at: address + page, length: page, protection: .read, flags: [.fixed, .private, .anonymous]).get()
        #expect(replaced == address + page)
        #expect(space.load(UInt32.self, at: address + page, bigEndian: false) == 0)
        #expect(space.protection(at: address) == .readWrite)
        #expect(space.protection(at: address + page) == .read)
        #expect(space.protection(at: address + 2 * page) == .readWrite)
        // NOREPLACE on a free range works.
        let free = try space.map(at: address + 8 * page, length: page, protection: .read, flags: [.fixedNoReplace, .private, .anonymous]).get()
        #expect(free == address + 8 * page)
    }

    @Test func anonymousMemoryIsZeroedAndHostBacked() throws {
        let space = try makeSpace()
        let address = try space.map(at: nil, length: 2 * page, protection: .readWrite, flags: anonymous).get()
        let host = space.base + Int(address.rawValue)
        #expect(host.load(fromByteOffset: 104, as: UInt64.self) == 0)
        host.storeBytes(of: 0x42, toByteOffset: 4097, as: UInt8.self)
        #expect(space.read(at: address + 4097, count: 1) == [0x42])
    }

    @Test func unmapErrorsAndEffect() throws {
        let space = try makeSpace()
        let address = try space.map(at: 0x50_0000, length: 3 * page, protection: .readWrite, flags: [.fixed, .private, .anonymous]).get()
        #expect(space.unmap(address + 1, length: page).error == .invalidArgument)
        #expect(space.unmap(address, length: 0).error == .invalidArgument)
        #expect(space.unmap(0xffff_f000, length: 2 * page).error == .invalidArgument)
        #expect(space.unmap(0x7000_0000, length: page).value != nil)  // nothing there: fine
        #expect(space.unmap(address + page, length: 1).value != nil)
        #expect(space.protection(at: address) == .readWrite)
        #expect(space.protection(at: address + page) == nil)
        #expect(space.protection(at: address + 2 * page) == .readWrite)
        #expect(space.pointer(to: address + page, length: 1, access: .read) == nil)
        // The page is free again: a NOREPLACE map fits exactly there, and it is zeroed.
        #expect(space.store(UInt8(7), at: address + 2 * page, bigEndian: false))
        #expect(space.map(at: address + page, length: page, protection: .read, flags: [.fixedNoReplace, .private, .anonymous]).value
            == address + page)
    }

    @Test func protectErrorsAndEffect() throws {
        let space = try makeSpace()
        let address = try space.map(at: 0x60_0000, length: 2 * page, protection: .readWrite, flags: [.fixed, .private, .anonymous]).get()
        #expect(space.protect(address + 1, length: page, .read).error == .invalidArgument)
        #expect(space.protect(address, length: 0, .read).value != nil)
        #expect(space.protect(address, length: 3 * page, .read).error == .noMemory)
        #expect(space.protection(at: address) == .readWrite)  // the failure changed nothing
        #expect(space.protect(0xffff_f000, length: 2 * page, .read).error == .noMemory)
        #expect(space.protect(address, length: page + 1, .read).value != nil)
        #expect(space.protection(at: address + page) == .read)
        #expect(!space.isAccessible(address, length: 4, .write))
        #expect(!space.store(UInt32(1), at: address, bigEndian: false))
    }

    @Test func executeOnlyIsRecordedButHostReadable() throws {
        let space = try makeSpace()
        let address = try space.map(at: 0x70_0000, length: page, protection: .readWrite, flags: [.fixed, .private, .anonymous]).get()
        #expect(space.store(UInt32(0xe12f_ff1e), at: address, bigEndian: false))
        #expect(space.protect(address, length: page, .execute).value != nil)
        #expect(space.protection(at: address) == .execute)
        #expect(space.isAccessible(address, length: 4, .execute))
        #expect(!space.isAccessible(address, length: 4, .read))
        // The translator fetches through the host pointer: this must not fault.
        #expect((space.base + Int(address.rawValue)).load(as: UInt32.self) == 0xe12f_ff1e)
    }

    @Test func fileMappingsShareTheDescriptor() throws {
        let path = "/tmp/mirage-guestmemory-\(getpid()).bin"
        var bytes = [UInt8](repeating: 0xaa, count: 8192)
        bytes[4096] = 0x5a
        let fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        defer { close(fd); unlink(path) }
        #expect(bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == 8192)
        let readOnly = try Host.open(path, flags: O_RDONLY)
        defer { try? Host.close(readOnly) }

        let space = try makeSpace()
        let address = try space.map(at: nil, length: 100, protection: .read, flags: [.private],
                                     file: (fd: readOnly, offset: 4096), name: path).get()
        #expect(space.read(at: address, count: 2) == [0x5a, 0xaa])
        #expect(space.mappings() == [GuestMapping(start: address, end: address + page, protection: .read, shared: false, name: path)])
        #expect(space.map(at: nil, length: page, protection: .readWrite, flags: [.shared], file: (fd: readOnly, offset: 0)).error
            == .permissionDenied)
        #expect(space.map(at: nil, length: page, protection: .read, flags: [.private], file: (fd: 9999, offset: 0)).error
            == .badFileDescriptor)
        // A shared writable mapping writes through to the file.
        let shared = try space.map(at: nil, length: page, protection: .readWrite, flags: [.shared], file: (fd: fd, offset: 0)).get()
        #expect(space.isShared(at: shared))
        #expect(space.write([1, 2, 3], at: shared))
        var check = [UInt8](repeating: 0, count: 3)
        #expect(check.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 3, 0) } == 3)
        #expect(check == [1, 2, 3])
    }

    @Test func mappingsCoalesceAndSplit() throws {
        let space = try makeSpace()
        let a = try space.map(at: 0x80_0000, length: 2 * page, protection: .readWrite, flags: [.fixed, .private, .anonymous]).get()
        _ = try space.map(at: a + 2 * page, length: page, protection: .readWrite, flags: [.fixed, .private, .anonymous]).get()
        _ = try space.map(at: a + 3 * page, length: page, protection: .read, flags: [.fixed, .private, .anonymous], name: "lib").get()
        #expect(space.mappings() == [
            GuestMapping(start: a, end: a + 3 * page, protection: .readWrite, shared: false, name: ""),
            GuestMapping(start: a + 3 * page, end: a + 4 * page, protection: .read, shared: false, name: "lib"),
        ])
    }

    @Test func largeSpacesWork() throws {
        let space = try makeSpace(bits: 40)
        #expect(space.size == 1 << 40)
        let address = try space.map(at: nil, length: page, protection: .readWrite, flags: anonymous).get()
        #expect(address.rawValue > 1 << 32)
        #expect(space.store(UInt64(0x1122_3344_5566_7788), at: address, bigEndian: true))
        #expect(space.read(at: address, count: 2) == [0x11, 0x22])
        let high = try space.map(at: 0xff_ffff_f000, length: page, protection: .read, flags: [.fixed, .private, .anonymous]).get()
        #expect(space.protection(at: high) == .read)
    }

    @Test func geometryIsValidated() {
        #expect(throws: GuestMemoryError.unsupportedGeometry(addressBits: 64, pageSize: 4096)) {
            try GuestAddressSpace(addressBits: 64)
        }
        #expect(throws: GuestMemoryError.self) { try GuestAddressSpace(addressBits: 32, pageSize: 1000) }
    }

    @Test func reservationFailureNamesTheLimit() {
        let error = GuestMemoryError.reservationFailed(
            bytes: (1 << 32) + 65536, errno: .noMemory, limit: Host.ResourceLimit(soft: 1 << 30, hard: nil))
        #expect(error.description.contains("ulimit -v"))
        #expect(error.description.contains("RLIMIT_AS"))
        #expect(error.description.contains("1048576 KiB"))
        #expect(!error.description.contains("\n"))
    }
}
