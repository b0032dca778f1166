// ARMSyscalls and MIPSSyscalls against each C library's own idea of the numbers: every SYS_xxx
// macro of <sys/syscall.h> (glibc's list, made from the kernel headers independently of our
// table) and the ARM private __ARM_NR_xxx calls, compiled and printed with the cross compiler.
import Foundation
import LinuxABI
import Testing
import TestTools

func syscallByName(_ name: String) -> Syscall? {
    Syscall.allCases.first { "\($0.name)" == name }
}

@Test(.enabled(if: CrossTools.armAvailable, CrossTools.armMissing))
func armNumbersMatchTheCLibrary() throws {
    guard let compiler = CrossTools.armCompiler else { return }
    // All SYS_ names the ARM C library defines, and ARM's private calls.
    let facts = try cLibrarySyscallNumbers(
        compiler: compiler, privateCalls: ["breakpoint", "cacheflush", "usr26", "usr32", "set_tls", "get_tls"],
        prefix: "__ARM_NR_") { try CrossTools.runOnARM(source: $0, name: "syscall-numbers") }
    #expect(facts.count > 350, "expected the full ARM syscall list, got \(facts.count) numbers")

    var checked = 0
    for (name, number) in facts {
        // glibc's SYS_sync_file_range2 is an alias of arm_sync_file_range; the table keeps one name.
        guard let call = syscallByName(name) else {
            if name == "sync_file_range2" {
                #expect(ARMSyscalls.syscall(number: UInt32(number)) == syscallByName("arm_sync_file_range"))
            } else {
                Issue.record("the C library knows syscall \(name) (\(number)) but Syscall has no case for it")
            }
            continue
        }
        #expect(ARMSyscalls.number(of: call).map(Int64.init) == number, "ARM number of \(name)")
        #expect(ARMSyscalls.syscall(number: UInt32(number)) == call, "ARM syscall \(number)")
        checked += 1
    }
    // Every call in our table that the C library also names was checked; the rest are reported.
    let unchecked = Syscall.allCases.filter { ARMSyscalls.number(of: $0) != nil && facts["\($0.name)"] == nil }
    #expect(unchecked.count < 10, "calls in arm.tbl the C library does not name: \(unchecked.map { "\($0.name)" })")
    #expect(checked > 350)
}

@Test func armNumberMapsAreInverses() {
    var found = 0
    for number in UInt32(0)..<1024 {
        if let call = ARMSyscalls.syscall(number: number) {
            #expect(ARMSyscalls.number(of: call) == number)
            found += 1
        }
    }
    for number in UInt32(0x0f0000)...0x0f0010 {
        if let call = ARMSyscalls.syscall(number: number) {
            #expect(ARMSyscalls.number(of: call) == number)
            found += 1
        }
    }
    let mapped = Syscall.allCases.filter { ARMSyscalls.number(of: $0) != nil }
    #expect(found == mapped.count)
    #expect(ARMSyscalls.number(of: .read) == 3)
    #expect(ARMSyscalls.number(of: .set_tls) == 0x0f0005)
    #expect(ARMSyscalls.syscall(number: 0x0f0002) == .cacheflush)
    #expect(ARMSyscalls.syscall(number: 7) == nil)  // waitpid: not in EABI
    #expect(GuestABI.arm.syscall(number: 4) == .write)
    #expect(GuestABI.arm.number(of: .exit_group) == 248)
}

/// The number of each SYS_ name the guest's C library defines (and of each of `privateCalls`,
/// the arch's own `prefix`ed macros), printed by a program built with the guest's compiler.
func cLibrarySyscallNumbers(compiler: String, privateCalls: [String] = [], prefix: String = "",
                            run: (String) throws -> String) throws -> [String: Int64] {
    let header = CrossTools.temporaryPath("syscall-names-\(UUID().uuidString).c")
    try "#include <sys/syscall.h>\n".write(toFile: header, atomically: true, encoding: .utf8)
    let macros = try Tools.run(compiler, ["-E", "-dM", header])
    let names = macros.split(separator: "\n").compactMap { line -> String? in
        let words = line.split(separator: " ")
        guard words.count >= 2, words[0] == "#define", words[1].hasPrefix("SYS_") else { return nil }
        return String(words[1].dropFirst(4))
    }
    var program = "#include <stdio.h>\n#include <sys/syscall.h>\nint main(void) {\n"
    for name in names { program += "    printf(\"\(name) %ld\\n\", (long)SYS_\(name));\n" }
    for name in privateCalls { program += "    printf(\"\(name) %ld\\n\", (long)\(prefix)\(name));\n" }
    program += "    return 0;\n}\n"
    let source = CrossTools.temporaryPath("syscall-numbers-\(UUID().uuidString).c")
    try program.write(toFile: source, atomically: true, encoding: .utf8)
    return CrossTools.parseConstants(try run(source))
}

/// Every number the MIPS C library knows is in MIPSSyscalls under the same name, and back.
func checkMIPSNumbers(_ target: CrossTarget) throws {
    guard let compiler = target.compiler else { return }
    let facts = try cLibrarySyscallNumbers(compiler: compiler) { try target.run(source: $0, name: "syscall-numbers") }
    #expect(facts.count > 400, "expected the full o32 syscall list, got \(facts.count) SYS_ macros")
    for (name, number) in facts {
        guard let call = syscallByName(name) else {
            Issue.record("the C library knows syscall \(name) (\(number)) but Syscall has no case for it")
            continue
        }
        #expect(MIPSSyscalls.number(of: call).map(Int64.init) == number, "MIPS number of \(name)")
        #expect(MIPSSyscalls.syscall(number: UInt32(number)) == call, "MIPS syscall \(number)")
    }
    let unchecked = Syscall.allCases.filter { MIPSSyscalls.number(of: $0) != nil && facts["\($0.name)"] == nil }
    #expect(unchecked.isEmpty, "calls in mips-o32.tbl the C library does not name: \(unchecked.map { "\($0.name)" })")
}

@Test(.enabled(if: CrossTools.mips.available, CrossTools.mips.missing))
func mipsNumbersMatchTheCLibrary() throws {
    try checkMIPSNumbers(CrossTools.mips)
}

@Test(.enabled(if: CrossTools.mipsel.available, CrossTools.mipsel.missing))
func mipselNumbersMatchTheCLibrary() throws {
    try checkMIPSNumbers(CrossTools.mipsel)
}

@Test func mipsNumberMapsAreInverses() {
    var found = 0
    for number in UInt32(0)..<6000 {
        if let call = MIPSSyscalls.syscall(number: number) {
            #expect(MIPSSyscalls.number(of: call) == number)
            #expect((4000...4999).contains(number), "o32 numbers start at 4000")
            found += 1
        }
    }
    let mapped = Syscall.allCases.filter { MIPSSyscalls.number(of: $0) != nil }
    #expect(found == mapped.count)
    #expect(found == 416)
    #expect(MIPSSyscalls.number(of: .read) == 4003)
    #expect(MIPSSyscalls.number(of: .exit_group) == 4246)
    #expect(MIPSSyscalls.number(of: .set_thread_area) == 4283)
    #expect(MIPSSyscalls.number(of: .cacheflush) == 4147)
    #expect(MIPSSyscalls.number(of: .sysmips) == 4149)
    #expect(MIPSSyscalls.number(of: .pipe) == 4042)
    #expect(MIPSSyscalls.number(of: .syscall) == 4000)
    #expect(MIPSSyscalls.number(of: .mmap2) == 4210)
    #expect(MIPSSyscalls.syscall(number: 4018) == nil, "unused18: ENOSYS")
    #expect(MIPSSyscalls.number(of: .set_tls) == nil, "ARM's private call")
    #expect(ARMSyscalls.number(of: .sysmips) == nil)
    for abi in [GuestABI.mips, .mipsel] {
        #expect(abi.syscall(number: 4004) == .write)
        #expect(abi.number(of: .rt_sigreturn) == 4193)
        #expect(abi.syscall(number: 4) == nil)
    }
}
