// Every struct layout LinuxABI declares, checked number by number against layouts.c built by
// the guest's cross compiler (ARM, MIPS, MIPS little endian) and by the host compiler
// (StructLayouts.host).
import Foundation
import LinuxABI
import Testing
import TestTools

struct CStruct {
    var size: Int
    var alignment: Int
    /// name -> (offset, total size, element size, signed)
    var fields: [String: (offset: Int, size: Int, elementSize: Int, signed: Bool)] = [:]
}

func parseLayouts(_ text: String) -> [String: CStruct] {
    var structs: [String: CStruct] = [:]
    for line in text.split(separator: "\n") {
        let words = line.split(separator: " ").map(String.init)
        if words.count == 3, let size = Int(words[1]), let alignment = Int(words[2]) {
            structs[words[0]] = CStruct(size: size, alignment: alignment)
        } else if words.count == 5, let dot = words[0].firstIndex(of: "."),
                  let offset = Int(words[1]), let size = Int(words[2]), let element = Int(words[3]) {
            let structName = String(words[0][..<dot])
            let fieldName = String(words[0][words[0].index(after: dot)...])
            structs[structName]?.fields[fieldName] = (offset, size, element, words[4] == "1")
        }
    }
    return structs
}

/// Compares every layout both ways: each C struct and field has a Swift twin with equal numbers,
/// and each Swift layout and field appears in the C output.
func compare(_ layouts: StructLayouts, with output: String, arch: String) {
    let cStructs = parseLayouts(output)
    #expect(!cStructs.isEmpty, "no output from layouts.c for \(arch)")
    var swiftNames = Set<String>()
    for (_, layout) in layouts.all {
        let name = "\(layout.name)"
        swiftNames.insert(name)
        guard let c = cStructs[name] else {
            Issue.record("\(arch): \(name) is in the Swift tables but layouts.c does not print it")
            continue
        }
        #expect(layout.size == c.size, "\(arch) \(name) size")
        #expect(layout.alignment == c.alignment, "\(arch) \(name) alignment")
        var swiftFields = Set<String>()
        for field in layout.fields {
            let fieldName = "\(field.name)"
            swiftFields.insert(fieldName)
            guard let cf = c.fields[fieldName] else {
                Issue.record("\(arch): \(name).\(fieldName) is not printed by layouts.c")
                continue
            }
            #expect(field.offset == cf.offset, "\(arch) \(name).\(fieldName) offset")
            #expect(field.byteCount == cf.size, "\(arch) \(name).\(fieldName) size")
            #expect(field.size == cf.elementSize, "\(arch) \(name).\(fieldName) element size")
            #expect(field.signed == cf.signed, "\(arch) \(name).\(fieldName) signedness")
            #expect(field.offset + field.byteCount <= layout.size, "\(arch) \(name).\(fieldName) inside the struct")
        }
        for cField in c.fields.keys where !swiftFields.contains(cField) {
            Issue.record("\(arch): \(name).\(cField) printed by layouts.c is missing from the Swift layout")
        }
    }
    for cName in cStructs.keys where !swiftNames.contains(cName) {
        Issue.record("\(arch): struct \(cName) printed by layouts.c has no Swift layout")
    }
}

enum LayoutFacts {
    static let arm = Result {
        try CrossTools.runOnARM(source: CrossTools.layoutsSource("layouts.c"), name: "layouts")
            + CrossTools.runOnARM(source: CrossTools.layoutsSource("layouts_net.c"), name: "layouts_net")
    }
    static let host = Result { try CrossTools.runOnHost(source: CrossTools.layoutsSource("layouts.c"), name: "layouts") }
    static let mips = Result { try facts(CrossTools.mips) }
    static let mipsel = Result { try facts(CrossTools.mipsel) }

    static func facts(_ target: CrossTarget) throws -> String {
        try target.run(source: CrossTools.layoutsSource("layouts.c"), name: "layouts")
            + target.run(source: CrossTools.layoutsSource("layouts_net.c"), name: "layouts_net")
    }
}

@Test(.enabled(if: CrossTools.mips.available, CrossTools.mips.missing))
func mipsLayoutsMatchTheCrossCompiler() throws {
    compare(GuestABI.mips.layouts, with: try LayoutFacts.mips.get(), arch: "mips")
}

@Test(.enabled(if: CrossTools.mipsel.available, CrossTools.mipsel.missing))
func mipselLayoutsMatchTheCrossCompiler() throws {
    compare(GuestABI.mipsel.layouts, with: try LayoutFacts.mipsel.get(), arch: "mipsel")
}

@Test(.enabled(if: CrossTools.armAvailable, CrossTools.armMissing))
func armLayoutsMatchTheCrossCompiler() throws {
    compare(GuestABI.arm.layouts, with: try LayoutFacts.arm.get(), arch: "arm")
}

@Test(.enabled(if: CrossTools.hostAvailable, CrossTools.hostMissing))
func hostLayoutsMatchTheHostCompiler() throws {
    compare(StructLayouts.host, with: try LayoutFacts.host.get(), arch: "x86-64")
}

@Test func armHasTheLayoutsLinuxUserNeeds() {
    let needed: [StructKind] = [
        .stat64, .statx, .timespec, .kernelTimespec, .timeval, .timezone, .iovec, .utsname, .rlimit,
        .rlimit64, .termios, .winsize, .linuxDirent64, .sigaction, .sigset, .stack, .sysinfo, .tms,
        .pollfd, .epollEvent, .statfs64, .rusage, .flock, .flock64, .fOwnerEx,
    ]
    for kind in needed {
        #expect(GuestABI.arm.layouts[kind] != nil, "ARM layout for \(kind)")
    }
    // Spot checks that do not need a compiler (ARM EABI aligns long long to 8).
    #expect(GuestABI.arm.layouts[.stat64]?.size == 104)
    #expect(GuestABI.arm.layouts[.stat64]?.field(named: "st_size")?.offset == 48)
    #expect(GuestABI.arm.layouts[.epollEvent]?.field(named: "data")?.offset == 8)
    #expect(StructLayouts.host[.epollEvent]?.field(named: "data")?.offset == 4)
    #expect(GuestABI.arm.layouts[.statfs64]?.size == 84)
    #expect(GuestABI.arm.layouts[.sigaction]?.field(named: "sa_mask.sig")?.offset == 12)
}

@Test func mipsHasTheLayoutsLinuxUserNeeds() {
    let needed: [StructKind] = [
        .stat64, .statx, .timespec, .kernelTimespec, .timeval, .timezone, .iovec, .utsname, .rlimit,
        .rlimit64, .termios, .termio, .winsize, .linuxDirent64, .sigaction, .oldSigaction, .sigset, .stack,
        .siginfo, .sysinfo, .tms, .pollfd, .epollEvent, .statfs, .statfs64, .rusage, .flock, .flock64,
        .fOwnerEx, .msghdr, .mmsghdr, .cmsghdr, .signalfdSiginfo,
    ]
    for abi in [GuestABI.mips, .mipsel] {
        for kind in needed {
            #expect(abi.layouts[kind] != nil, "\(abi.arch) layout for \(kind)")
        }
        // The same tables in both byte orders.
        #expect(abi.layouts.all.map(\.layout.size) == GuestABI.mips.layouts.all.map(\.layout.size))
    }
    // Spot checks that do not need a compiler: where MIPS differs from ARM.
    let mips = GuestABI.mips.layouts
    #expect(mips[.stat64]?.size == 104)
    #expect(mips[.stat64]?.field(named: "st_size")?.offset == 56)
    #expect(mips[.stat64]?.field(named: "st_blocks")?.offset == 96)
    #expect(mips[.stat64]?.field(named: "st_dev")?.size == 4)
    #expect(mips[.sigaction]?.field(named: "sa_flags")?.offset == 0)
    #expect(mips[.sigaction]?.field(named: "sa_handler")?.offset == 4)
    #expect(mips[.sigaction]?.field(named: "sa_restorer") == nil)
    #expect(mips[.sigaction]?.field(named: "sa_mask.sig")?.count == 4)
    #expect(mips[.sigset]?.size == 16)
    #expect(mips[.stack]?.field(named: "ss_size")?.offset == 4)
    #expect(mips[.stack]?.field(named: "ss_flags")?.offset == 8)
    #expect(mips[.siginfo]?.field(named: "si_code")?.offset == 4)
    #expect(mips[.siginfo]?.field(named: "si_errno")?.offset == 8)
    #expect(GuestABI.arm.layouts[.siginfo]?.field(named: "si_code")?.offset == 8)
    #expect(mips[.statfs64]?.size == 96)
    #expect(mips[.statfs64]?.field(named: "f_type")?.size == 4)
    #expect(mips[.statfs64]?.field(named: "f_bavail")?.offset == 48)
    #expect(mips[.termios]?.size == 40)
    #expect(mips[.flock]?.size == 36)
    #expect(mips[.epollEvent]?.field(named: "data")?.offset == 8)
}
