// ELFFile.open/parse: what is accepted, and the one-line error for each refusal.

import CLibElf
import ELFLoader
import Foundation
import GuestMemory
import Testing

/// A valid little-endian ARM ET_EXEC: text at 0x10000 (R+X), data+bss at 0x11000 (R+W).
func armExecutable() -> SyntheticELF {
    SyntheticELF(
        entry: 0x10080,
        segments: [
            SyntheticSegment(flags: 5, offset: 0, vaddr: 0x10000, fileSize: 0x200, memorySize: 0x200),
            SyntheticSegment(flags: 6, offset: 0x200, vaddr: 0x11200, fileSize: 0x100, memorySize: 0x2000),
        ],
        size: 0x300)
}

@Suite struct ParseTests {
    @Test func acceptsAValidImage() throws {
        let file = try ELFFile.parse(bytes: armExecutable().bytes(), name: "synthetic")
        #expect(file.elfClass == .elf32)
        #expect(file.byteOrder == .little)
        #expect(file.machine == .arm)
        #expect(file.machineRawValue == 40)
        #expect(file.type == .executable)
        #expect(file.entry == 0x10080)
        #expect(file.programHeaders.count == 2)
        #expect(file.loadSegments[1].protection == .readWrite)
        #expect(file.interpreter == nil)
        #expect(file.stackFlags == nil)
        #expect(file.executableStack)
    }

    @Test func refusesTheHostsOwnPrograms() throws {
        #expect(throws: ELFError.self) { try ELFFile.open(path: "/bin/true") }
        do {
            _ = try ELFFile.open(path: "/bin/true")
        } catch {
            #expect(error.description == "/bin/true: x86-64 program: run it directly, not under mirage")
        }
    }

    @Test func fileSystemErrors() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: ELFError.notFound(path: "/nonexistent/prog")) { try ELFFile.open(path: "/nonexistent/prog") }
        #expect(throws: ELFError.isDirectory(path: directory.path)) { try ELFFile.open(path: directory.path) }
        let empty = directory.appendingPathComponent("empty").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(throws: ELFError.emptyFile(path: empty)) { try ELFFile.open(path: empty) }
        let fifo = directory.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: ELFError.notRegularFile(path: fifo)) { try ELFFile.open(path: fifo) }
        let script = directory.appendingPathComponent("script").path
        FileManager.default.createFile(atPath: script, contents: Data("#!/bin/sh\necho hi\n".utf8))
        do {
            _ = try ELFFile.open(path: script)
            Issue.record("a script was accepted")
        } catch {
            #expect(error.description.contains("not an ELF file"))
            #expect(error.description.contains("#!"))
        }
        let locked = directory.appendingPathComponent("locked").path
        FileManager.default.createFile(atPath: locked, contents: Data(armExecutable().bytes()))
        #expect(chmod(locked, 0) == 0)
        if geteuid() != 0 {  // root reads anything
            #expect(throws: ELFError.permissionDenied(path: locked)) { try ELFFile.open(path: locked) }
        }
        #expect(chmod(locked, 0o644) == 0)
        #expect(try ELFFile.open(path: locked).entry == 0x10080)
    }

    @Test func headerErrors() throws {
        var bytes = armExecutable().bytes()
        #expect(throws: ELFError.emptyFile(path: "x")) { try ELFFile.parse(bytes: [], name: "x") }
        #expect(throws: ELFError.notELF(path: "x", detail: "bad magic bytes 7f 45 4c 47, expected 7f 45 4c 46")) {
            try ELFFile.parse(bytes: [0x7f, 0x45, 0x4c, 0x47] + bytes[4...], name: "x")
        }
        #expect(throws: ELFError.self) { try ELFFile.parse(bytes: [0x7f, 0x45], name: "x") }
        bytes[4] = 3
        #expect(throws: ELFError.unsupportedClass(path: "x", value: 3)) { try ELFFile.parse(bytes: bytes, name: "x") }
        bytes[4] = 1
        bytes[5] = 0
        #expect(throws: ELFError.unsupportedByteOrder(path: "x", value: 0)) { try ELFFile.parse(bytes: bytes, name: "x") }
        var relocatable = armExecutable()
        relocatable.type = 1
        #expect(throws: ELFError.unsupportedType(path: "x", value: 1)) { try ELFFile.parse(bytes: relocatable.bytes(), name: "x") }
        var sparc = armExecutable()
        sparc.machine = 2
        do {
            _ = try ELFFile.parse(bytes: sparc.bytes(), name: "x")
        } catch {
            #expect(error == .unsupportedMachine(path: "x", machine: .other(2), elfClass: .elf32))
            #expect(error.description.contains("SPARC"))
        }
        var mips64 = armExecutable()
        mips64.machine = 8
        mips64.is64 = true
        mips64.size = 0x400
        #expect(throws: ELFError.unsupportedMachine(path: "x", machine: .mips, elfClass: .elf64)) {
            try ELFFile.parse(bytes: mips64.bytes(), name: "x")
        }
    }

    /// Ways to damage `armExecutable()`, each with the words its error must contain.
    enum Damage: CaseIterable, Sendable {
        case fileSizeOverMemorySize, dataOutsideFile, unsorted, overlapping, noLoad, entryInData, entryNowhere
        case incongruentOffset, addressWrap, noHeaders, badInterpreter

        var expected: String {
            switch self {
            case .fileSizeOverMemorySize: "larger than p_memsz"
            case .dataOutsideFile: "outside the file"
            case .unsorted: "ascending"
            case .overlapping: "overlap"
            case .noLoad: "no PT_LOAD"
            case .entryInData, .entryNowhere: "entry point"
            case .incongruentOffset: "modulo the page size"
            case .addressWrap: "past the end"
            case .noHeaders: "e_phnum is 0"
            case .badInterpreter: "PT_INTERP"
            }
        }

        func apply(_ elf: inout SyntheticELF) {
            switch self {
            case .fileSizeOverMemorySize: elf.segments[1].fileSize = 0x3000
            case .dataOutsideFile: elf.segments[1].offset = 0x1200
            case .unsorted: elf.segments[1].vaddr = 0x8200
            case .overlapping: (elf.segments[1].offset, elf.segments[1].vaddr) = (0x1f0, 0x101f0)
            case .noLoad: elf.segments = [SyntheticSegment(type: 4, offset: 0, vaddr: 0, fileSize: 0, memorySize: 0)]
            case .entryInData: elf.entry = 0x11210
            case .entryNowhere: elf.entry = 0x5000
            case .incongruentOffset: elf.segments[1].offset = 0x1f8
            case .addressWrap: elf.segments[1].memorySize = 0xffff_f000
            case .noHeaders: elf.segments = []
            case .badInterpreter:
                elf.segments.append(SyntheticSegment(type: 3, flags: 4, offset: 0x2f0, vaddr: 0x102f0, fileSize: 0x20, memorySize: 0x20))
            }
        }
    }

    @Test(arguments: Damage.allCases)
    func corruptProgramHeaders(damage: Damage) throws {
        var elf = armExecutable()
        damage.apply(&elf)
        do {
            _ = try ELFFile.parse(bytes: elf.bytes(), name: "bad")
            Issue.record("\(damage): accepted")
        } catch {
            #expect(error.description.contains(damage.expected), "\(damage): \(error)")
            #expect(error.description.hasPrefix("bad: "))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func absurdProgramHeaderCounts() throws {
        var bytes = armExecutable().bytes()
        bytes[44] = 0xff  // e_phnum = 0xffff
        bytes[45] = 0xff
        #expect(throws: ELFError.self) { try ELFFile.parse(bytes: bytes, name: "x") }
        bytes[44] = 0x10  // 16 headers: the table runs past the end of the file
        bytes[45] = 0x00
        do {
            _ = try ELFFile.parse(bytes: Array(bytes[0..<0x100]), name: "x")
        } catch {
            #expect(error.description.contains("truncated"))
        }
        var wrongSize = armExecutable().bytes()
        wrongSize[42] = 40  // e_phentsize
        #expect(throws: ELFError.self) { try ELFFile.parse(bytes: wrongSize, name: "x") }
    }

    @Test func interpreterAndStackFlags() throws {
        var elf = armExecutable()
        elf.size = 0x400
        elf.segments.insert(SyntheticSegment(type: 3, flags: 4, offset: 0x300, vaddr: 0x10300, fileSize: 5, memorySize: 5), at: 0)
        elf.segments.append(SyntheticSegment(type: 0x6474_e551, flags: 6, offset: 0, vaddr: 0, fileSize: 0, memorySize: 0))
        var bytes = elf.bytes()
        bytes.replaceSubrange(0x300..<0x305, with: Array("/ld\0\0".utf8))
        bytes[0x303] = 0x41
        bytes[0x304] = 0
        let file = try ELFFile.parse(bytes: bytes, name: "x")
        #expect(file.interpreter == "/ldA")
        #expect(file.stackFlags == 6)
        #expect(!file.executableStack)
    }

    @Test func sectionHeadersAreIgnored() throws {
        // The kernel never reads section headers; garbage there must not matter.
        var bytes = armExecutable().bytes()
        bytes.replaceSubrange(32..<36, with: [0xff, 0xff, 0xff, 0x7f])  // e_shoff
        bytes.replaceSubrange(46..<52, with: [40, 0, 0xff, 0xff, 0x34, 0x12])  // e_shentsize, e_shnum, e_shstrndx
        #expect(try ELFFile.parse(bytes: bytes, name: "x").entry == 0x10080)
    }

    @Test func constantsMatchElfH() {
        #expect(Machine.arm.rawValue == UInt16(EM_ARM))
        #expect(Machine.aarch64.rawValue == UInt16(EM_AARCH64))
        #expect(Machine.mips.rawValue == UInt16(EM_MIPS))
        #expect(Machine.ppc.rawValue == UInt16(EM_PPC))
        #expect(Machine.x86_64.rawValue == UInt16(EM_X86_64))
        #expect(ProgramHeader.load == UInt32(PT_LOAD))
        #expect(ProgramHeader.interp == UInt32(PT_INTERP))
        #expect(ProgramHeader.phdr == UInt32(PT_PHDR))
        #expect(ProgramHeader.gnuStack == UInt32(PT_GNU_STACK))
        #expect(ProgramHeader.executeFlag == UInt32(PF_X))
        #expect(ProgramHeader.writeFlag == UInt32(PF_W))
        #expect(ProgramHeader.readFlag == UInt32(PF_R))
        let auxv: [(AuxvType, Int32)] = [
            (.null, AT_NULL), (.phdr, AT_PHDR), (.phent, AT_PHENT), (.phnum, AT_PHNUM), (.pageSize, AT_PAGESZ),
            (.base, AT_BASE), (.flags, AT_FLAGS), (.entry, AT_ENTRY), (.uid, AT_UID), (.euid, AT_EUID),
            (.gid, AT_GID), (.egid, AT_EGID), (.platform, AT_PLATFORM), (.hwcap, AT_HWCAP),
            (.clockTicks, AT_CLKTCK), (.secure, AT_SECURE), (.basePlatform, AT_BASE_PLATFORM),
            (.random, AT_RANDOM), (.hwcap2, AT_HWCAP2), (.execFilename, AT_EXECFN),
            (.sysinfoEHdr, AT_SYSINFO_EHDR), (.minSignalStackSize, AT_MINSIGSTKSZ),
        ]
        for (type, value) in auxv { #expect(type.rawValue == UInt64(value)) }
    }
}
