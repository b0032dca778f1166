// Mirage's binfmt_misc lines obey the kernel's format, and each arch's entry claims exactly
// that arch's programs: real ones built by the cross compilers, and synthetic headers for the
// arches without one here.

import Binfmt
import Foundation
import LinuxABI
import Testing

struct RegistrationTests {
    static let interpreter = "/usr/local/bin/mirage-arm"

    @Test(arguments: GuestArch.allCases)
    func lineFollowsTheKernelsRules(arch: GuestArch) throws {
        for letters in ["", "F", "P", "FP", "OC", "FPOC"] {
            let flags = try #require(BinfmtFlags(letters: letters))
            let entry = BinfmtEntry(target: .forArch(arch), interpreter: "/opt/mirage/bin/mirage-\(arch.rawValue)", flags: flags)
            let parsed = try KernelRules.parse(entry.registerLine)
            #expect(parsed.name == "mirage-\(arch.rawValue)")
            #expect(parsed.type == "M")
            #expect(parsed.offset == 0)
            #expect(parsed.magic == entry.target.magic)
            #expect(parsed.mask == entry.target.mask)
            #expect(parsed.interpreter == "/opt/mirage/bin/mirage-\(arch.rawValue)")
            #expect(Set(parsed.flags) == Set(letters))
            // The magic must not ask for bits the mask ignores (the kernel would never match
            // them as written).
            for i in entry.target.magic.indices { #expect(entry.target.magic[i] & ~entry.target.mask[i] == 0) }
        }
    }

    @Test func flagLetters() {
        #expect(BinfmtFlags(letters: "fpco") == [.fixBinary, .preserveArgv0, .credentials, .openBinary])
        #expect(BinfmtFlags(letters: "PF")?.letters == "FP")
        #expect(BinfmtFlags(letters: "") == [])
        #expect(BinfmtFlags(letters: "X") == nil)
    }

    @Test func systemdFileIsTheLine() throws {
        let entry = BinfmtEntry(target: .forArch(.arm), interpreter: Self.interpreter, flags: [.fixBinary, .preserveArgv0])
        let lines = entry.systemdFile.split(separator: "\n")
        // systemd-binfmt skips comment lines and writes the others to the register file.
        let registered = lines.filter { !$0.hasPrefix("#") && !$0.hasPrefix(";") }
        #expect(registered == [Substring(entry.registerLine)])
        _ = try KernelRules.parse(String(registered[0]))
    }

    @Test func debianFileFields() {
        let entry = BinfmtEntry(target: .forArch(.arm), interpreter: Self.interpreter,
                                flags: [.fixBinary, .preserveArgv0, .credentials, .openBinary])
        var fields: [String: String] = [:]
        for line in entry.debianFile.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            fields[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        #expect(fields["package"] == "mirage")
        #expect(fields["interpreter"] == Self.interpreter)
        #expect(fields["credentials"] == "yes")
        #expect(fields["preserve"] == "yes")
        #expect(fields["fix_binary"] == "yes")
        #expect(fields["offset"] == "0")
        #expect(fields["magic"].map { (try? KernelRules.unescape(Array($0.utf8))) ?? [] } == entry.target.magic)
        #expect(fields["mask"].map { (try? KernelRules.unescape(Array($0.utf8))) ?? [] } == entry.target.mask)
        let plain = BinfmtEntry(target: .forArch(.arm), interpreter: Self.interpreter, flags: [])
        #expect(!plain.debianFile.contains("yes"))
    }

    /// An ELF header: e_ident, e_type, e_machine, and e_flags at the class's offset.
    static func header(elfClass: UInt8, bigEndian: Bool, type: UInt16, machine: UInt16, flags: UInt32 = 0, osabi: UInt8 = 0) -> [UInt8] {
        var h = [UInt8](repeating: 0, count: 64)
        h[0...3] = [0x7f, 0x45, 0x4c, 0x46]
        h[4] = elfClass
        h[5] = bigEndian ? 2 : 1
        h[6] = 1
        h[7] = osabi
        func put16(_ v: UInt16, _ at: Int) {
            h[at] = UInt8(bigEndian ? v >> 8 : v & 0xff)
            h[at + 1] = UInt8(bigEndian ? v & 0xff : v >> 8)
        }
        put16(type, 16)
        put16(machine, 18)
        let flagsAt = elfClass == 1 ? 36 : 48
        for i in 0..<4 {
            let byte = UInt8(truncatingIfNeeded: flags >> (8 * i))
            h[flagsAt + (bigEndian ? 3 - i : i)] = byte
        }
        return h
    }

    /// Synthetic headers of every kind, and which entry must take each (nil: none).
    static let synthetic: [(String, [UInt8], GuestArch?)] = [
        ("arm exec", header(elfClass: 1, bigEndian: false, type: 2, machine: 40, flags: 0x0500_0400), .arm),
        ("arm pie", header(elfClass: 1, bigEndian: false, type: 3, machine: 40), .arm),
        ("arm gnu osabi", header(elfClass: 1, bigEndian: false, type: 2, machine: 40, osabi: 3), .arm),
        ("arm relocatable", header(elfClass: 1, bigEndian: false, type: 1, machine: 40), nil),
        ("arm core", header(elfClass: 1, bigEndian: false, type: 4, machine: 40), nil),
        ("armeb", header(elfClass: 1, bigEndian: true, type: 2, machine: 40), nil),
        ("aarch64", header(elfClass: 2, bigEndian: false, type: 3, machine: 183), .aarch64),
        ("aarch64 as elf32", header(elfClass: 1, bigEndian: false, type: 3, machine: 183), nil),
        ("mips o32", header(elfClass: 1, bigEndian: true, type: 2, machine: 8, flags: 0x7000_1007), .mips),
        ("mips n32", header(elfClass: 1, bigEndian: true, type: 2, machine: 8, flags: 0x8000_0027), nil),
        ("mipsel o32", header(elfClass: 1, bigEndian: false, type: 3, machine: 8, flags: 0x7000_1007), .mipsel),
        ("mipsel n32", header(elfClass: 1, bigEndian: false, type: 3, machine: 8, flags: 0x20), nil),
        ("mips64", header(elfClass: 2, bigEndian: true, type: 2, machine: 8), nil),
        ("ppc", header(elfClass: 1, bigEndian: true, type: 2, machine: 20), .ppc),
        ("ppc64", header(elfClass: 2, bigEndian: true, type: 2, machine: 21), nil),
        ("x86-64", header(elfClass: 2, bigEndian: false, type: 3, machine: 62), nil),
        ("i386", header(elfClass: 1, bigEndian: false, type: 2, machine: 3), nil),
    ]

    @Test func eachEntryClaimsItsOwnHeaders() throws {
        for (what, bytes, owner) in Self.synthetic {
            for arch in GuestArch.allCases {
                let entry = BinfmtEntry(target: .forArch(arch), interpreter: Self.interpreter, flags: [])
                let parsed = try KernelRules.parse(entry.registerLine)
                #expect(KernelRules.matches(parsed, bytes) == (owner == arch), "\(what) vs \(arch)")
                #expect(entry.target.matches(bytes) == (owner == arch), "\(what) vs \(arch)")
            }
        }
    }
}
