// The socket and descriptor-flag tables (Sockets.swift, Sockets+MIPS.swift, DescriptorFlags.swift)
// against net_constants.c built with the ARM and MIPS cross compilers (guest column) and natively
// (host column), both ways: every row is printed, every printed name has a row.
import Foundation
import LinuxABI
import Testing
import TestTools

enum NetConstantFacts {
    static let arm = Result {
        CrossTools.parseConstants(try CrossTools.runOnARM(source: CrossTools.layoutsSource("net_constants.c"), name: "net_constants"))
    }
    static let host = Result {
        CrossTools.parseConstants(try CrossTools.runOnHost(source: CrossTools.layoutsSource("net_constants.c"), name: "net_constants"))
    }
    static let mips = Result { try facts(CrossTools.mips) }
    static let mipsel = Result { try facts(CrossTools.mipsel) }

    static func facts(_ target: CrossTarget) throws -> [String: Int64] {
        CrossTools.parseConstants(try target.run(source: CrossTools.layoutsSource("net_constants.c"), name: "net_constants"))
    }
}

/// Every row of the socket and descriptor-flag tables of `abi`.
func netRows(_ abi: GuestABI) -> [(table: String, name: String, guest: UInt32, host: UInt32)] {
    var rows: [(String, String, UInt32, UInt32)] = []
    func add(_ table: String, _ entries: [some TranslatedConstant]) {
        for entry in entries { rows.append((table, "\(entry.name)", entry.guest, entry.host)) }
    }
    if let sockets = abi.sockets {
        add("types", sockets.types.entries)
        add("typeFlags", sockets.typeFlags.entries)
        add("level", [sockets.socketLevel])
        add("options", sockets.options.entries)
        add("controlMessages", sockets.controlMessages.entries)
    }
    let flags = abi.descriptorFlags
    add("epollCreate", flags.epollCreate.entries)
    add("eventfd", flags.eventfd.entries)
    add("timerfd", flags.timerfd.entries)
    add("signalfd", flags.signalfd.entries)
    add("inotify", flags.inotify.entries)
    return rows
}

func compareNetRows(_ facts: [String: Int64], guestColumn: Bool, label: String, abi: GuestABI = .arm) {
    var named = Set<String>()
    for row in netRows(abi) {
        named.insert(row.name)
        guard let value = facts[row.name] else {
            Issue.record("\(row.table).\(row.name): not printed by net_constants.c for \(label)")
            continue
        }
        #expect(Int64(guestColumn ? row.guest : row.host) == value, "\(label) \(row.table).\(row.name)")
    }
    for name in facts.keys where !named.contains(name) {
        Issue.record("net_constants.c prints \(name) but no table has it")
    }
}

@Test(.enabled(if: CrossTools.armAvailable, CrossTools.armMissing))
func armSocketNumbersMatchTheKernelHeaders() throws {
    #expect(GuestABI.arm.sockets != nil)
    compareNetRows(try NetConstantFacts.arm.get(), guestColumn: true, label: "ARM")
}

@Test(.enabled(if: CrossTools.mips.available, CrossTools.mips.missing))
func mipsSocketNumbersMatchTheKernelHeaders() throws {
    #expect(GuestABI.mips.sockets != nil)
    compareNetRows(try NetConstantFacts.mips.get(), guestColumn: true, label: "mips", abi: .mips)
}

@Test(.enabled(if: CrossTools.mipsel.available, CrossTools.mipsel.missing))
func mipselSocketNumbersMatchTheKernelHeaders() throws {
    compareNetRows(try NetConstantFacts.mipsel.get(), guestColumn: true, label: "mipsel", abi: .mipsel)
}

@Test(.enabled(if: CrossTools.hostAvailable, CrossTools.hostMissing))
func hostSocketNumbersMatchTheKernelHeaders() throws {
    compareNetRows(try NetConstantFacts.host.get(), guestColumn: false, label: "x86-64")
    compareNetRows(try NetConstantFacts.host.get(), guestColumn: false, label: "x86-64 (MIPS rows)", abi: .mips)
}

@Test func mipsSocketTypesAndLevel() throws {
    let sockets = try #require(GuestABI.mips.sockets)
    // socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK|SOCK_CLOEXEC, 0) as a MIPS program passes it.
    let hostStreamNonblockCloexec: UInt32 = 1 | 0o4000 | 0o2000000
    #expect(sockets.translateType(2 | 0x80 | 0o2000000) == hostStreamNonblockCloexec)
    #expect(sockets.translateType(1) == UInt32(2), "SOCK_DGRAM")
    #expect(sockets.translateType(2 | 0o4000) == nil, "x86-64's SOCK_NONBLOCK bit means nothing to MIPS")
    #expect(sockets.translateLevel(0xffff) == 1)
    #expect(sockets.untranslateLevel(1) == 0xffff)
    #expect(sockets.options.entry(guest: 0x1008)?.host == 3, "SO_TYPE")
    #expect(sockets.options.entry(guest: 0x1006)?.value == .timeval, "SO_RCVTIMEO_OLD")
    #expect(sockets.options.untranslate(31) == 30, "host SO_PEERSEC")
    // getsockopt(SO_TYPE) of a datagram socket: the host's SOCK_DGRAM (2) is MIPS's 1.
    #expect(sockets.options.entry(guest: 0x1008)?.value == .socketType)
    #expect(sockets.optionValueToGuest(.socketType, [2, 0, 0, 0], order: .big, wordSize: 4) == [0, 0, 0, 1])
    #expect(sockets.optionValueToGuest(.int, [2, 0, 0, 0], order: .big, wordSize: 4) == [0, 0, 0, 2])
}

@Test func socketTypesTranslateWithTheirFlags() throws {
    let sockets = try #require(GuestABI.arm.sockets)
    let streamNonblockCloexec: UInt32 = 1 | 0o4000 | 0o2000000
    #expect(sockets.translateType(streamNonblockCloexec) == streamNonblockCloexec)
    #expect(sockets.translateType(2) == UInt32(2))
    #expect(sockets.translateType(9) == nil, "no socket type 9")
    #expect(sockets.translateType(1 | 0x100) == nil, "unknown flag bit")
    #expect(sockets.translateLevel(1) == 1)
    #expect(sockets.translateLevel(6) == 6, "IPPROTO_TCP passes through")
}

/// A big-endian guest's sockaddr: the family and the machine-order fields swap, ports and
/// addresses (network order) do not.
@Test func socketAddressesSwapMachineOrderFieldsOnly() {
    // sockaddr_in6 as a big-endian guest writes it: family 10, port 0x1234, scope id 7.
    var in6 = [UInt8](repeating: 0, count: 28)
    in6[0] = 0; in6[1] = 10
    in6[2] = 0x12; in6[3] = 0x34
    in6[27] = 7
    in6.withUnsafeMutableBytes { SocketAddress.convert($0, from: .big, to: .little) }
    #expect(in6[0] == 10 && in6[1] == 0)
    #expect(in6[2] == 0x12 && in6[3] == 0x34, "the port stays in network order")
    #expect(in6[24] == 7 && in6[27] == 0, "sin6_scope_id is in the machine's order")

    // sockaddr_nl back to a big-endian guest: nl_pid 0x01020304.
    var nl = [UInt8](repeating: 0, count: 12)
    nl[0] = 16
    nl[4] = 4; nl[5] = 3; nl[6] = 2; nl[7] = 1
    nl.withUnsafeMutableBytes { SocketAddress.convert($0, from: .little, to: .big) }
    #expect(nl[0] == 0 && nl[1] == 16)
    #expect(Array(nl[4..<8]) == [1, 2, 3, 4])

    // Same byte order: untouched.
    var un = [UInt8]([1, 0, 0x2f, 0x74])
    un.withUnsafeMutableBytes { SocketAddress.convert($0, from: .little, to: .little) }
    #expect(un == [1, 0, 0x2f, 0x74])
    un.withUnsafeBytes { #expect(SocketAddress.family($0, order: .little) == 1) }
}
