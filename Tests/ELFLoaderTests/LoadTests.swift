// load(): segments, bss, protections, bias and brk, on synthetic images of every class and
// byte order and on real ARM programs built by the cross compiler.

import ELFLoader
import Foundation
import GuestMemory
import Testing

@Suite struct LoadTests {
    @Test func loadsSegmentsZeroesBssAndSetsBrk() throws {
        let bytes = armExecutable().bytes()
        let file = try ELFFile.parse(bytes: bytes, name: "prog")
        let space = try makeSpace()
        let image = try load(file, into: space, loadBias: nil)
        #expect(image.entry == 0x10080)
        #expect(image.loadBias == 0)
        #expect(image.programHeaders == 0x10034)  // first PT_LOAD maps file offset 0 at 0x10000
        #expect(image.programHeaderEntrySize == 32)
        #expect(image.programHeaderCount == 2)
        #expect(image.lowestAddress == 0x10000)
        #expect(image.highestAddress == 0x13200)
        #expect(space.brk(0) == 0x14000)
        #expect(space.read(at: 0x10000, count: 0x200) == Array(bytes[0..<0x200]))
        #expect(space.read(at: 0x11200, count: 0x100) == Array(bytes[0x200..<0x300]))
        #expect(space.read(at: 0x11300, count: 0x1f00) == [UInt8](repeating: 0, count: 0x1f00))
        #expect(space.protection(at: 0x10000) == [.read, .execute])
        #expect(space.protection(at: 0x11000) == .readWrite)
        #expect(space.protection(at: 0x13000) == .readWrite)
        #expect(space.protection(at: 0x14000) == nil)
        #expect(space.mappings().first?.name == "prog")
    }

    @Test func partialPageAfterFileDataIsZeroEvenWhenReadOnly() throws {
        var elf = armExecutable()
        elf.segments[1].flags = 4  // read-only data with a bss tail
        elf.segments[1].fileSize = 0x80
        let bytes = elf.bytes { _ in 0xee }  // the file continues with non-zero bytes
        let space = try makeSpace()
        _ = try load(try ELFFile.parse(bytes: bytes, name: "ro"), into: space, loadBias: nil)
        #expect(space.protection(at: 0x11200) == .read)
        #expect(space.read(at: 0x11200, count: 0x80) == [UInt8](repeating: 0xee, count: 0x80))
        #expect(space.read(at: 0x11280, count: 0x1000 - 0x280) == [UInt8](repeating: 0, count: 0x1000 - 0x280))
        #expect(space.read(at: 0x11000, count: 0x200) == [UInt8](repeating: 0, count: 0x200))
    }

    @Test func bigEndianELF32() throws {
        // PowerPC, MSB: one PT_LOAD covering the whole file, plus bss.
        let elf = SyntheticELF(
            bigEndian: true, machine: 20, entry: 0x1000_0100,
            segments: [SyntheticSegment(flags: 7, offset: 0, vaddr: 0x1000_0000, fileSize: 0x180, memorySize: 0x1400)],
            size: 0x180)
        var bytes = elf.bytes()
        bytes.replaceSubrange(0x100..<0x104, with: [0x38, 0x60, 0x00, 0x2a])  // li r3, 42
        let file = try ELFFile.parse(bytes: bytes, name: "ppc")
        #expect(file.byteOrder == .big)
        #expect(file.machine == .ppc)
        #expect(file.entry == 0x1000_0100)
        #expect(file.programHeaders.first?.memorySize == 0x1400)
        let space = try makeSpace()
        let image = try load(file, into: space, loadBias: nil)
        #expect(space.load(UInt32.self, at: image.entry, bigEndian: true) == 0x3860_002a)
        #expect(space.load(UInt16.self, at: 0x1000_0010, bigEndian: true) == 2)  // e_type, as stored
        #expect(space.protection(at: 0x1000_0000) == [.read, .write, .execute])
        #expect(space.read(at: 0x1000_0180, count: 0x1280) == [UInt8](repeating: 0, count: 0x1280))
        #expect(space.brk(0) == 0x1000_2000)
    }

    @Test func elf64IntoALargeSpace() throws {
        let elf = SyntheticELF(
            is64: true, machine: 183, entry: 0x40_0100,
            segments: [
                SyntheticSegment(flags: 5, offset: 0, vaddr: 0x40_0000, fileSize: 0x200, memorySize: 0x200),
                SyntheticSegment(flags: 6, offset: 0x200, vaddr: 0x41_0200, fileSize: 0x10, memorySize: 0x20),
            ],
            size: 0x210)
        let bytes = elf.bytes()
        let file = try ELFFile.parse(bytes: bytes, name: "a64")
        #expect(file.elfClass == .elf64)
        #expect(file.machine == .aarch64)
        let space = try GuestAddressSpace(addressBits: 40)
        let image = try load(file, into: space, loadBias: nil)
        #expect(image.programHeaders == 0x40_0040)
        #expect(image.programHeaderEntrySize == 56)
        #expect(space.read(at: 0x41_0200, count: 0x10) == Array(bytes[0x200..<0x210]))
        #expect(space.load(UInt64.self, at: 0x41_0210, bigEndian: false) == 0)
    }

    @Test func sharedObjectsGoAtABias() throws {
        var elf = armExecutable()
        elf.type = 3
        elf.entry = 0x80
        elf.segments[0].vaddr = 0
        elf.segments[1].vaddr = 0x1200
        let file = try ELFFile.parse(bytes: elf.bytes(), name: "pie")
        #expect(file.type == .sharedObject)

        let space = try makeSpace()
        let image = try load(file, into: space, loadBias: nil)
        #expect(image.loadBias == 0x40_0000)
        #expect(image.entry == 0x40_0080)
        #expect(image.programHeaders == 0x40_0034)
        #expect(space.protection(at: 0x40_1000) == .readWrite)
        // The default place is taken now: a second copy goes elsewhere.
        let second = try load(file, into: space, loadBias: nil)
        #expect(second.loadBias != 0x40_0000)
        #expect(space.protection(at: GuestAddress(second.loadBias)) == [.read, .execute])
        // An explicit bias is obeyed, and must be page aligned.
        let third = try load(file, into: space, loadBias: 0x2000_0000)
        #expect(third.entry == 0x2000_0080)
        #expect(throws: ELFError.self) { try load(file, into: space, loadBias: 0x3000_0010) }
    }

    @Test func collisionsAreLoadErrors() throws {
        let file = try ELFFile.parse(bytes: armExecutable().bytes(), name: "prog")
        let space = try makeSpace()
        _ = try space.map(at: 0x11000, length: 0x1000, protection: .read, flags: [.fixed, .private, .anonymous]).get()
        do {
            _ = try load(file, into: space, loadBias: nil)
            Issue.record("loaded over an existing mapping")
        } catch {
            #expect(error.description.contains("already in use"))
        }
    }

    @Test func segmentsSharingAPage() throws {
        // Text ends mid-page and data starts on the same page (as some linkers lay it out).
        let elf = SyntheticELF(
            entry: 0x10010,
            segments: [
                SyntheticSegment(flags: 5, offset: 0, vaddr: 0x10000, fileSize: 0x300, memorySize: 0x300),
                SyntheticSegment(flags: 6, offset: 0x300, vaddr: 0x10300, fileSize: 0x40, memorySize: 0x1100),
            ],
            size: 0x340)
        let bytes = elf.bytes()
        let space = try makeSpace()
        _ = try load(try ELFFile.parse(bytes: bytes, name: "shared"), into: space, loadBias: nil)
        #expect(space.read(at: 0x10000, count: 0x340) == Array(bytes[0..<0x340]))
        #expect(space.read(at: 0x10340, count: 0x10c0) == [UInt8](repeating: 0, count: 0x10c0))
        #expect(space.protection(at: 0x10000) == [.read, .write, .execute])
        #expect(space.protection(at: 0x11000) == .readWrite)
    }
}

/// PT_LOAD facts as binutils readelf reports them: the independent reading.
struct ReadelfSegment: Equatable {
    var offset, vaddr, fileSize, memorySize: UInt64
    var flags: String
}

func readelfFacts(_ path: String) throws -> (entry: UInt64, loads: [ReadelfSegment], interpreter: String?) {
    let text = try run(readelf, ["-lhW", path])
    var entry: UInt64 = 0
    var loads: [ReadelfSegment] = []
    var interpreter: String?
    func number(_ token: Substring) -> UInt64 { UInt64(token.dropFirst(2), radix: 16) ?? .max }
    for line in text.split(separator: "\n") {
        let fields = line.split(separator: " ")
        if line.contains("Entry point address:"), let last = fields.last { entry = number(last) }
        if fields.first == "LOAD" {
            loads.append(ReadelfSegment(
                offset: number(fields[1]), vaddr: number(fields[2]), fileSize: number(fields[4]),
                memorySize: number(fields[5]), flags: fields[6..<(fields.count - 1)].joined()))
        }
        if line.contains("[Requesting program interpreter: "), let path = line.split(separator: ": ").last {
            interpreter = String(path.dropLast())
        }
    }
    return (entry, loads, interpreter)
}

@Suite(.enabled(if: haveCrossCompiler && FileManager.default.isExecutableFile(atPath: readelf),
                "arm-linux-gnueabihf-gcc or readelf is not installed (apt-get install gcc-arm-linux-gnueabihf)"))
struct RealProgramTests {
    enum Kind: String, CaseIterable, Sendable {
        case thumbStatic, armStatic, staticPIE, dynamic
    }

    func build(_ kind: Kind, in directory: URL) throws -> String {
        switch kind {
        case .thumbStatic: try compileARM(helloSource, name: "thumb", flags: ["-static", "-mthumb"], in: directory)
        case .armStatic: try compileARM(helloSource, name: "arm", flags: ["-static", "-marm"], in: directory)
        case .staticPIE:
            try compileARM(pieSource, name: "pie", flags: ["-static-pie", "-nostdlib", "-fPIE", "-Wl,--no-dynamic-linker"], in: directory)
        case .dynamic: try compileARM(helloSource, name: "dynamic", flags: [], in: directory)
        }
    }

    @Test(arguments: Kind.allCases)
    func loadsLikeReadelfSays(kind: Kind) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try build(kind, in: directory)
        let bytes = try fileBytes(path)
        let facts = try readelfFacts(path)
        let file = try ELFFile.open(path: path)
        #expect(file.machine == .arm && file.elfClass == .elf32 && file.byteOrder == .little)
        #expect(file.flags & 0xff00_0000 == 0x0500_0000)  // EABI version 5
        #expect(file.entry == facts.entry)
        #expect(file.interpreter == facts.interpreter)
        #expect(file.type == (kind == .staticPIE || kind == .dynamic ? .sharedObject : .executable))
        let loads = file.loadSegments.map { segment in
            ReadelfSegment(
                offset: segment.offset, vaddr: segment.virtualAddress, fileSize: segment.fileSize,
                memorySize: segment.memorySize,
                flags: (segment.flags & 4 != 0 ? "R" : "") + (segment.flags & 2 != 0 ? "W" : "") + (segment.flags & 1 != 0 ? "E" : ""))
        }
        #expect(loads == facts.loads)

        let space = try makeSpace()
        let image = try load(file, into: space, loadBias: nil)
        let bias = image.loadBias
        #expect(bias == (file.type == .executable ? 0 : 0x40_0000))
        #expect(image.entry.rawValue == facts.entry + bias)
        #expect(image.interpreter == facts.interpreter)
        #expect(!image.executableStack)
        for segment in facts.loads {
            let start = GuestAddress(segment.vaddr + bias)
            #expect(space.read(at: start, count: Int(segment.fileSize))
                == Array(bytes[Int(segment.offset)..<Int(segment.offset + segment.fileSize)]))
            let bss = Int(segment.memorySize - segment.fileSize)
            #expect(space.read(at: start + segment.fileSize, count: bss) == [UInt8](repeating: 0, count: bss))
            let expected: Protection = segment.flags == "RE" ? [.read, .execute] : segment.flags == "RW" ? .readWrite : .read
            #expect(space.protection(at: start) == expected)
        }
        // AT_PHDR: the table as the guest sees it equals the file's.
        let table = space.read(at: image.programHeaders, count: 32 * image.programHeaderCount)
        #expect(table == Array(bytes[52..<(52 + 32 * image.programHeaderCount)]))
        let end = facts.loads.map { $0.vaddr + $0.memorySize + bias }.max() ?? 0
        #expect(image.highestAddress.rawValue == end)
        #expect(space.brk(0).rawValue == (end + 0xfff) & ~0xfff)
    }

    @Test func loadsTheDynamicLinkerBesideAProgram() throws {
        let linker = "/usr/arm-linux-gnueabihf/lib/ld-linux-armhf.so.3"
        guard FileManager.default.fileExists(atPath: linker) else { return }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let space = try makeSpace()
        let program = try load(try ELFFile.open(path: try build(.dynamic, in: directory)), into: space, loadBias: nil)
        #expect(program.interpreter == "/lib/ld-linux-armhf.so.3")
        let interpreter = try ELFFile.open(path: linker)
        #expect(interpreter.type == .sharedObject)
        #expect(interpreter.interpreter == nil)
        let loaded = try load(interpreter, into: space, loadBias: nil)
        #expect(loaded.loadBias != program.loadBias)
        #expect(space.protection(at: loaded.entry) != nil)
        #expect(space.isAccessible(loaded.entry, length: 2, .execute))
    }
}
