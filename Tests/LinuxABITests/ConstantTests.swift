// Every guest number in the ARM ABI's tables against constants.c built with the ARM cross
// compiler, and every host number against the same file built natively.
import Foundation
import LinuxABI
import Testing

enum ConstantFacts {
    static let arm = Result {
        CrossTools.parseConstants(try CrossTools.runOnARM(source: CrossTools.layoutsSource("constants.c"), name: "constants"))
    }
    static let host = Result {
        CrossTools.parseConstants(try CrossTools.runOnHost(source: CrossTools.layoutsSource("constants.c"), name: "constants"))
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
    add("openFlags", abi.openFlags.entries)
    add("fcntlCommands", abi.fcntlCommands.entries)
    add("lockTypes", abi.lockTypes.entries)
    add("atFlags", abi.atFlags.entries)
    add("protFlags", abi.protFlags.entries)
    add("mapFlags", abi.mapFlags.entries)
    add("mremapFlags", abi.mremapFlags.entries)
    add("clockIDs", abi.clockIDs.entries)
    add("ioctls", abi.ioctls.entries)
    add("rlimitResources", abi.rlimitResources.entries)
    return rows
}

@Test(.enabled(if: CrossTools.armAvailable, CrossTools.armMissing))
func armGuestNumbersMatchTheKernelHeaders() throws {
    let facts = try ConstantFacts.arm.get()
    let abi = GuestABI.arm
    var named = Set<String>()
    for row in allRows(abi) {
        named.insert(row.name)
        guard let value = facts[row.name] else {
            Issue.record("\(row.table).\(row.name): not printed by constants.c for ARM")
            continue
        }
        #expect(Int64(row.guest) == value, "ARM \(row.table).\(row.name)")
    }
    #expect(facts["AT_FDCWD"] == Int64(abi.atFDCWD))
    #expect(facts["SIGRTMIN"] == Int64(abi.signals.guestRealtime.lowerBound))
    #expect(facts["RLIM_INFINITY"] == Int64(bitPattern: abi.rlimitInfinity))
    let checkedElsewhere: Set<String> = ["AT_FDCWD", "SIGRTMIN", "RLIM_INFINITY"]
    for name in facts.keys where !named.contains(name) && !checkedElsewhere.contains(name) {
        Issue.record("constants.c prints \(name) but no ARM table has it")
    }
}

/// Rows whose host column is deliberately not the host's constant of the same name.
let remappedOnHost: [String: String] = [
    "F_GETLK64": "F_GETLK", "F_SETLK64": "F_SETLK", "F_SETLKW64": "F_SETLKW",
]
/// Guest constants the host does not define at all (their host column is 0: dropped).
let absentOnHost: Set<String> = ["SA_THIRTYTWO"]

@Test(.enabled(if: CrossTools.hostAvailable, CrossTools.hostMissing))
func hostNumbersMatchTheHostKernelHeaders() throws {
    let facts = try ConstantFacts.host.get()
    for row in allRows(GuestABI.arm) {
        if absentOnHost.contains(row.name) {
            #expect(facts[row.name] == nil && row.host == 0, "\(row.name) has no host equivalent")
            continue
        }
        let hostName = remappedOnHost[row.name] ?? row.name
        guard let value = facts[hostName] else {
            Issue.record("\(row.table).\(row.name): host constant \(hostName) not printed by constants.c")
            continue
        }
        #expect(Int64(row.host) == value & 0xffff_ffff, "host \(row.table).\(row.name)")
    }
    #expect(facts["AT_FDCWD"] == -100)
}
