// Every guest number in the ARM and MIPS ABIs' tables against constants.c built with each
// cross compiler, and every host number against the same file built natively.
import Foundation
import LinuxABI
import Testing
import TestTools

enum ConstantFacts {
    static let arm = Result {
        CrossTools.parseConstants(try CrossTools.runOnARM(source: CrossTools.layoutsSource("constants.c"), name: "constants"))
    }
    static let host = Result {
        CrossTools.parseConstants(try CrossTools.runOnHost(source: CrossTools.layoutsSource("constants.c"), name: "constants"))
    }
    static let mips = Result { try facts(CrossTools.mips) }
    static let mipsel = Result { try facts(CrossTools.mipsel) }

    static func facts(_ target: CrossTarget) throws -> [String: Int64] {
        CrossTools.parseConstants(try target.run(source: CrossTools.layoutsSource("constants.c"), name: "constants"))
    }
}

/// Every row of every table in `abi`, as (table, name, guest, host).
func allRows(_ abi: GuestABI) -> [(table: String, name: String, guest: UInt32, host: UInt32)] {
    var rows: [(String, String, UInt32, UInt32)] = []
    func add(_ table: String, _ entries: [some TranslatedConstant]) {
        for entry in entries { rows.append((table, "\(entry.name)", entry.guest, entry.host)) }
    }
    add("errnos", abi.errnos.entries)
    add("signals", abi.signals.named.entries)
    add("sigactionFlags", abi.sigactionFlags.entries)
    add("sigprocmaskHow", abi.sigprocmaskHow.entries)
    add("sigaltstackFlags", abi.sigaltstackFlags.entries)
    add("signalCodes", abi.signalCodes.entries)
    add("openFlags", abi.openFlags.entries)
    add("fcntlCommands", abi.fcntlCommands.entries)
    add("lockTypes", abi.lockTypes.entries)
    add("atFlags", abi.atFlags.entries)
    add("protFlags", abi.protFlags.entries)
    add("mapFlags", abi.mapFlags.entries)
    add("mremapFlags", abi.mremapFlags.entries)
    add("clockIDs", abi.clockIDs.entries)
    add("ioctls", abi.ioctls.entries)
    add("termios.inputFlags", abi.termios.inputFlags.entries)
    add("termios.outputFlags", abi.termios.outputFlags.entries)
    add("termios.controlFlags", abi.termios.controlFlags.entries)
    add("termios.localFlags", abi.termios.localFlags.entries)
    add("termios.controlCharacters", abi.termios.controlCharacters.entries)
    add("termios.modemLines", abi.termios.modemLines.entries)
    add("pollEvents", abi.pollEvents.entries)
    add("rlimitResources", abi.rlimitResources.entries)
    return rows
}

/// A printed value as the 32-bit pattern a table row holds (si_code's negative values too).
func bits(_ value: Int64) -> UInt32 { UInt32(truncatingIfNeeded: value) }

/// c_iflag, c_oflag and c_cflag bits: no rows (the words cross unchanged on ARM and MIPS), so
/// the test checks instead that each guest's value is the host's.
let termiosBitsSameAsHost: Set<String> = [
    "IGNBRK", "BRKINT", "IGNPAR", "PARMRK", "INPCK", "ISTRIP", "INLCR", "IGNCR", "ICRNL", "IUCLC", "IXON",
    "IXANY", "IXOFF", "IMAXBEL", "IUTF8", "OPOST", "OLCUC", "ONLCR", "OCRNL", "ONOCR", "ONLRET", "OFILL",
    "OFDEL", "NLDLY", "CRDLY", "TABDLY", "BSDLY", "VTDLY", "FFDLY", "CBAUD", "CSIZE", "CSTOPB", "CREAD",
    "PARENB", "PARODD", "HUPCL", "CLOCAL", "CBAUDEX", "CIBAUD", "CMSPAR", "CRTSCTS", "ADDRB",
]

/// Both ways: every row's guest number is the kernel's, and every constant the program prints
/// is in some table (or checked separately).
func compareGuestNumbers(_ abi: GuestABI, _ facts: [String: Int64], host: [String: Int64]) {
    let label = abi.arch.rawValue
    var named = Set<String>()
    for row in allRows(abi) {
        named.insert(row.name)
        guard let value = facts[row.name] else {
            Issue.record("\(row.table).\(row.name): not printed by constants.c for \(label)")
            continue
        }
        #expect(row.guest == bits(value), "\(label) \(row.table).\(row.name)")
    }
    #expect(facts["AT_FDCWD"] == Int64(abi.atFDCWD))
    #expect(facts["SIGRTMIN"] == Int64(abi.signals.guestRealtime.lowerBound))
    #expect(facts["RLIM_INFINITY"] == Int64(bitPattern: abi.rlimitInfinity))
    for name in termiosBitsSameAsHost {
        #expect(facts[name] != nil && facts[name] == host[name], "\(label) \(name) is the host's")
    }
    let checkedElsewhere = termiosBitsSameAsHost.union(["AT_FDCWD", "SIGRTMIN", "RLIM_INFINITY"])
    for name in facts.keys where !named.contains(name) && !checkedElsewhere.contains(name) {
        Issue.record("constants.c prints \(name) but no \(label) table has it")
    }
}

@Test(.enabled(if: CrossTools.armAvailable && CrossTools.hostAvailable, CrossTools.armMissing))
func armGuestNumbersMatchTheKernelHeaders() throws {
    compareGuestNumbers(.arm, try ConstantFacts.arm.get(), host: try ConstantFacts.host.get())
}

@Test(.enabled(if: CrossTools.mips.available && CrossTools.hostAvailable, CrossTools.mips.missing))
func mipsGuestNumbersMatchTheKernelHeaders() throws {
    compareGuestNumbers(.mips, try ConstantFacts.mips.get(), host: try ConstantFacts.host.get())
}

@Test(.enabled(if: CrossTools.mipsel.available && CrossTools.hostAvailable, CrossTools.mipsel.missing))
func mipselGuestNumbersMatchTheKernelHeaders() throws {
    compareGuestNumbers(.mipsel, try ConstantFacts.mipsel.get(), host: try ConstantFacts.host.get())
}

/// Rows whose host column is deliberately not the host's constant of the same name.
let remappedOnHost: [String: String] = [
    "F_GETLK64": "F_GETLK", "F_SETLK64": "F_SETLK", "F_SETLKW64": "F_SETLKW", "EDEADLOCK": "EDEADLK",
]
/// Guest constants the host does not define at all (their host column is 0: dropped).
let absentOnHost: Set<String> = ["SA_THIRTYTWO"]

@Test(.enabled(if: CrossTools.hostAvailable, CrossTools.hostMissing))
func hostNumbersMatchTheHostKernelHeaders() throws {
    let facts = try ConstantFacts.host.get()
    for abi in [GuestABI.arm, .mips] {
        for row in allRows(abi) {
            if absentOnHost.contains(row.name) {
                #expect(facts[row.name] == nil && row.host == 0, "\(row.name) has no host equivalent")
                continue
            }
            let hostName = remappedOnHost[row.name] ?? row.name
            guard let value = facts[hostName] else {
                Issue.record("\(row.table).\(row.name): host constant \(hostName) not printed by constants.c")
                continue
            }
            #expect(row.host == bits(value), "host \(abi.arch) \(row.table).\(row.name)")
        }
    }
    #expect(facts["AT_FDCWD"] == -100)
}
