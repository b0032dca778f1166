// InitialStack: the layout of create_elf_tables, checked by reading the raw stack bytes
// back independently of the builder.

import ELFLoader
import GuestMemory
import Testing

/// Reads words and strings out of raw stack bytes, knowing nothing of the builder.
struct RawStack {
    let bytes: [UInt8]
    let base: UInt64  // guest address of bytes[0]
    let word: Int
    let bigEndian: Bool

    func word(at address: UInt64) -> UInt64 {
        let start = Int(address - base)
        var value: UInt64 = 0
        for index in 0..<word {
            let byte = UInt64(bytes[start + (bigEndian ? index : word - 1 - index)])
            value = value << 8 | byte
        }
        return value
    }

    func string(at address: UInt64) -> String {
        let start = Int(address - base)
        let end = bytes[start...].firstIndex(of: 0) ?? bytes.count
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

@Suite struct StackTests {
    static let random: [UInt8] = Array(0x10..<0x20)

    func stack(word: Int, bigEndian: Bool, platform: String?) -> InitialStack {
        InitialStack(
            top: 0xbf00_0000, wordSize: word, bigEndian: bigEndian, executable: false,
            arguments: ["/bin/prog", "-x", "ünï"], environment: ["HOME=/root", "A=1"],
            execFilename: "/usr/bin/prog", platform: platform, randomBytes: Self.random,
            auxv: [
                AuxvEntry(.hwcap, 0x1234), AuxvEntry(.pageSize, 4096), AuxvEntry(.phdr, 0x10034),
                AuxvEntry(.random, 0), AuxvEntry(.hwcap2, 0x10), AuxvEntry(.execFilename, 0),
                AuxvEntry(.platform, 0),
            ])
    }

    @Test(arguments: [(4, false), (8, true), (4, true), (8, false)])
    func layoutMatchesLinux(word: Int, bigEndian: Bool) throws {
        let space = try makeSpace()
        let description = stack(word: word, bigEndian: bigEndian, platform: "v7l")
        let layout = try description.build(in: space)
        let top: UInt64 = 0xbf00_0000
        #expect(layout.top == 0xbf00_0000)
        #expect(layout.bottom.rawValue == top - (8 << 20))
        #expect(space.protection(at: layout.bottom) == .readWrite)
        #expect(space.mappings().last?.name == "[stack]")

        let sp = layout.stackPointer.rawValue
        #expect(sp % 16 == 0)
        let raw = RawStack(
            bytes: space.read(at: layout.stackPointer, count: Int(top - sp)) ?? [], base: sp, word: word,
            bigEndian: bigEndian)
        let w = UInt64(word)

        // Top: a zero word, then execfn just below it.
        #expect(raw.word(at: top - w) == 0)
        let execfn = top - w - UInt64("/usr/bin/prog".utf8.count + 1)
        #expect(raw.string(at: execfn) == "/usr/bin/prog")
        #expect(layout.execFilename.rawValue == execfn)

        // argc, argv, NULL, envp, NULL.
        #expect(raw.word(at: sp) == 3)
        #expect(layout.argv.rawValue == sp + w)
        let argv = (0..<3).map { raw.word(at: sp + w * UInt64(1 + $0)) }
        #expect(argv.map { raw.string(at: $0) } == ["/bin/prog", "-x", "ünï"])
        #expect(raw.word(at: sp + 4 * w) == 0)
        #expect(layout.envp.rawValue == sp + 5 * w)
        let envp = (0..<2).map { raw.word(at: sp + w * UInt64(5 + $0)) }
        #expect(envp.map { raw.string(at: $0) } == ["HOME=/root", "A=1"])
        #expect(raw.word(at: sp + 7 * w) == 0)

        // The strings are contiguous and ascending, argv then envp, ending at execfn.
        var expected = argv[0]
        for (address, text) in zip(argv + envp, ["/bin/prog", "-x", "ünï", "HOME=/root", "A=1"]) {
            #expect(address == expected)
            expected += UInt64(text.utf8.count + 1)
        }
        #expect(expected == execfn)

        // auxv pairs in the caller's order, with the string addresses filled in.
        #expect(layout.auxv.rawValue == sp + 8 * w)
        var pairs: [(UInt64, UInt64)] = []
        var cursor = sp + 8 * w
        while true {
            let pair = (raw.word(at: cursor), raw.word(at: cursor + w))
            pairs.append(pair)
            cursor += 2 * w
            if pair.0 == 0 { break }
        }
        #expect(pairs.map(\.0) == [16, 6, 3, 25, 26, 31, 15, 0])
        let values = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        #expect(values[16] == 0x1234 && values[6] == 4096 && values[3] == 0x10034 && values[26] == 0x10)
        #expect(values[0] == 0)
        #expect(values[31] == execfn)
        #expect(layout.auxvEntries.count == pairs.count)

        // Below the strings (aligned down to 16): the platform string, then the 16 random bytes.
        let platform = (argv[0] & ~15) - 4
        #expect(values[15] == platform)
        #expect(raw.string(at: platform) == "v7l")
        let random = platform - 16
        #expect(values[25] == random)
        #expect(layout.random.rawValue == random)
        #expect(Array(raw.bytes[Int(random - sp)..<Int(random - sp) + 16]) == Self.random)

        // The table ends at most 15 bytes of padding below the random bytes.
        #expect(cursor <= random && random - cursor < 16)
    }

    @Test func withoutPlatformTheEntryIsDropped() throws {
        let space = try makeSpace()
        let layout = try stack(word: 4, bigEndian: false, platform: nil).build(in: space)
        #expect(layout.platform == nil)
        #expect(!layout.auxvEntries.contains { $0.type == .platform })
        #expect(layout.auxvEntries.last == AuxvEntry(.null, 0))
        // AT_RANDOM right below the 16-aligned strings.
        let argv0 = space.load(UInt32.self, at: layout.argv, bigEndian: false) ?? 0
        #expect(layout.random.rawValue == UInt64(argv0 & ~15) - 16)
    }

    @Test func missingStringEntriesAreAppended() throws {
        let space = try makeSpace()
        var description = stack(word: 4, bigEndian: false, platform: "v7l")
        description.auxv = [AuxvEntry(.pageSize, 4096)]
        let layout = try description.build(in: space)
        #expect(layout.auxvEntries.map(\.type) == [.pageSize, .random, .execFilename, .platform, .null])
    }

    @Test func executableStackAndErrors() throws {
        let space = try makeSpace()
        var description = stack(word: 4, bigEndian: false, platform: nil)
        description.executable = true
        let layout = try description.build(in: space)
        #expect(space.protection(at: layout.stackPointer) == [.read, .write, .execute])
        // The same range again: taken.
        #expect(throws: InitialStackError.self) { try description.build(in: space) }
        description.top = 0x8000_0000
        description.wordSize = 2
        #expect(throws: InitialStackError.invalidWordSize(2)) { try description.build(in: space) }
        description.wordSize = 4
        description.randomBytes = [1]
        #expect(throws: InitialStackError.invalidRandomBytes(count: 1)) { try description.build(in: space) }
        description.randomBytes = Self.random
        description.size = 64 * 1024
        description.environment = [[UInt8](repeating: 0x41, count: 20000)]
        #expect(throws: InitialStackError.argumentsTooLarge(bytes: 10 + 3 + 6 + 20001 + 14, limit: 16384)) {
            try description.build(in: space)
        }
    }

    @Test func standardAuxvFollowsLinuxOrder() {
        let image = LoadedImage(
            entry: 0x10375, programHeaders: 0x10034, programHeaderEntrySize: 32, programHeaderCount: 6,
            loadBias: 0, lowestAddress: 0x10000, highestAddress: 0x70ca8, interpreter: nil, executableStack: false)
        let entries = InitialStack.standardAuxv(
            image: image, interpreterBase: nil, pageSize: 4096, hwcap: 0x1, hwcap2: 0x2,
            uid: 1000, euid: 1000, gid: 100, egid: 100, minSignalStackSize: 2048)
        #expect(entries.map(\.type.rawValue) == [16, 6, 17, 3, 4, 5, 7, 8, 9, 11, 12, 13, 14, 23, 25, 26, 31, 15, 51])
        #expect(entries.first { $0.type == .entry }?.value == 0x10375)
        #expect(entries.first { $0.type == .phnum }?.value == 6)
        #expect(entries.first { $0.type == .clockTicks }?.value == 100)
    }
}
