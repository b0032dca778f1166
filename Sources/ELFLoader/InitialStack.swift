// The initial process stack: argc, argv, envp, auxv and their strings, laid out as
// Linux's fs/exec.c and fs/binfmt_elf.c (create_elf_tables) do, without randomization.
//
// From the top down:
//   one zero word                      (exec.c starts below a pointer-sized slot)
//   execfn string                      (AT_EXECFN)
//   argv[0] ... argv[n-1] envp[0] ... envp[m-1] strings, ascending
//   -- align down to 16 --
//   platform string                    (AT_PLATFORM), if any
//   16 random bytes                    (AT_RANDOM)
//   padding so that sp is 16-aligned
//   auxv pairs ... AT_NULL 0
//   NULL, envp[m-1] ... envp[0]        (pointers, ascending from envp[0])
//   NULL, argv pointers
//   argc                               <- sp

import GuestMemory
import SystemPackage

/// Why the stack could not be built.
public enum InitialStackError: Error, CustomStringConvertible, Equatable {
    case invalidWordSize(Int)
    case invalidRandomBytes(count: Int)
    /// The stack range could not be mapped (in use, outside the space, ...).
    case mapFailed(bottom: GuestAddress, top: GuestAddress, errno: Errno)
    /// Arguments and environment need more than a quarter of the stack (Linux's E2BIG rule).
    case argumentsTooLarge(bytes: UInt64, limit: UInt64)

    public var description: String {
        switch self {
        case let .invalidWordSize(size): "stack word size \(size) is neither 4 nor 8"
        case let .invalidRandomBytes(count): "AT_RANDOM needs 16 random bytes, got \(count)"
        case let .mapFailed(bottom, top, errno): "cannot map the guest stack at \(bottom)..<\(top): \(errno)"
        case let .argumentsTooLarge(bytes, limit):
            "arguments and environment take \(bytes) bytes, more than the \(limit) a stack of this size allows (E2BIG); "
                + "pass fewer or shorter arguments, or a larger stack (-s)"
        }
    }
}

/// Addresses in the built stack.
public struct StackLayout: Hashable, Sendable {
    /// The initial stack pointer: the address of argc.
    public var stackPointer: GuestAddress
    public var argc: Int
    public var argv: GuestAddress
    public var envp: GuestAddress
    public var auxv: GuestAddress
    public var execFilename: GuestAddress
    public var platform: GuestAddress?
    public var random: GuestAddress
    /// The mapped stack: [bottom, top).
    public var bottom: GuestAddress
    public var top: GuestAddress
    /// The auxiliary vector as written (AT_NULL included).
    public var auxvEntries: [AuxvEntry]
}

/// A description of the initial stack; `build(in:)` maps and fills it.
public struct InitialStack: Sendable {
    /// One past the highest stack byte (the caller decides, e.g. just below 0xfffe0000 for a
    /// 32-bit guest); page-aligned.
    public var top: GuestAddress
    public var size: UInt64 = 8 << 20
    /// Guest pointer size: 4 or 8.
    public var wordSize: Int
    public var bigEndian: Bool
    /// Map the stack executable as well (PT_GNU_STACK with PF_X, or none).
    public var executable: Bool
    public var arguments: [[UInt8]]
    public var environment: [[UInt8]]
    /// The AT_EXECFN string: the program path as given to execve.
    public var execFilename: [UInt8]
    /// The AT_PLATFORM string ("v7l", "aarch64", ...); nil for none (AT_PLATFORM dropped).
    public var platform: [UInt8]?
    /// The 16 bytes AT_RANDOM points to (stack protector and pointer guard seeds).
    public var randomBytes: [UInt8]
    /// Entries in order; AT_RANDOM, AT_EXECFN and AT_PLATFORM values are replaced by the
    /// string addresses (and appended if missing); AT_NULL is added at the end.
    public var auxv: [AuxvEntry]

    public init(
        top: GuestAddress, size: UInt64 = 8 << 20, wordSize: Int, bigEndian: Bool, executable: Bool,
        arguments: [String], environment: [String], execFilename: String, platform: String?,
        randomBytes: [UInt8], auxv: [AuxvEntry]
    ) {
        self.top = top
        self.size = size
        self.wordSize = wordSize
        self.bigEndian = bigEndian
        self.executable = executable
        self.arguments = arguments.map { Array($0.utf8) }
        self.environment = environment.map { Array($0.utf8) }
        self.execFilename = Array(execFilename.utf8)
        self.platform = platform.map { Array($0.utf8) }
        self.randomBytes = randomBytes
        self.auxv = auxv
    }

    /// Maps [top - size, top) read/write (plus execute if `executable`) as "[stack]" and
    /// writes the layout described at the top of this file.
    public func build(in space: GuestAddressSpace) throws(InitialStackError) -> StackLayout {
        guard wordSize == 4 || wordSize == 8 else { throw .invalidWordSize(wordSize) }
        guard randomBytes.count == 16 else { throw .invalidRandomBytes(count: randomBytes.count) }
        let word = UInt64(wordSize)
        let strings = (arguments + environment).reduce(UInt64(execFilename.count + 1)) { $0 + UInt64($1.count + 1) }
        guard strings <= size / 4 else { throw .argumentsTooLarge(bytes: strings, limit: size / 4) }

        let bottom = top - size
        var protection: Protection = .readWrite
        if executable { protection.insert(.execute) }
        let mapped = space.map(
            at: bottom, length: size, protection: protection,
            flags: [.fixedNoReplace, .private, .anonymous, .growsDown], name: "[stack]")
        if case let .failure(errno) = mapped { throw .mapFailed(bottom: bottom, top: top, errno: errno) }

        guard let memory = space.pointer(to: bottom, length: size, access: .write) else {
            throw .mapFailed(bottom: bottom, top: top, errno: .badAddress)
        }
        var writer = StackWriter(memory: memory, bottom: bottom, cursor: top - word, bigEndian: bigEndian, word: word)
        let execFilenameAddress = writer.pushString(execFilename)
        let stringsStart = writer.cursor - (strings - UInt64(execFilename.count + 1))
        writer.cursor = stringsStart
        var argumentAddresses: [GuestAddress] = []
        var environmentAddresses: [GuestAddress] = []
        var cursor = stringsStart
        for argument in arguments {
            argumentAddresses.append(cursor)
            writer.writeString(argument, at: cursor)
            cursor += UInt64(argument.count + 1)
        }
        for variable in environment {
            environmentAddresses.append(cursor)
            writer.writeString(variable, at: cursor)
            cursor += UInt64(variable.count + 1)
        }
        writer.cursor = writer.cursor.roundedDown(to: 16)
        let platformAddress = platform.map { writer.pushString($0) }
        writer.cursor -= 16
        let randomAddress = writer.cursor
        writer.write(randomBytes, at: randomAddress)

        var entries = auxv.filter { $0.type != .null && ($0.type != .platform || platformAddress != nil) }
        func point(_ type: AuxvType, to address: GuestAddress) {
            if let index = entries.firstIndex(where: { $0.type == type }) {
                entries[index].value = address.rawValue
            } else {
                entries.append(AuxvEntry(type, address.rawValue))
            }
        }
        point(.random, to: randomAddress)
        point(.execFilename, to: execFilenameAddress)
        if let platformAddress { point(.platform, to: platformAddress) }
        entries.append(AuxvEntry(.null, 0))

        // create_elf_tables: room for the auxv words, then argc + argv + NULL + envp + NULL,
        // with the whole table starting on a 16-byte boundary.
        let items = UInt64(1 + arguments.count + 1 + environment.count + 1)
        let tableWords = items + 2 * UInt64(entries.count)
        let sp = (writer.cursor - tableWords * word).roundedDown(to: 16)
        guard sp >= bottom + 4096 else {
            throw .argumentsTooLarge(bytes: top - sp, limit: size - 4096)
        }
        var slot = sp
        writer.writeWord(UInt64(arguments.count), at: &slot)
        let argv = slot
        for address in argumentAddresses { writer.writeWord(address.rawValue, at: &slot) }
        writer.writeWord(0, at: &slot)
        let envp = slot
        for address in environmentAddresses { writer.writeWord(address.rawValue, at: &slot) }
        writer.writeWord(0, at: &slot)
        let auxvAddress = slot
        for entry in entries {
            writer.writeWord(entry.type.rawValue, at: &slot)
            writer.writeWord(entry.value, at: &slot)
        }
        return StackLayout(
            stackPointer: sp, argc: arguments.count, argv: argv, envp: envp, auxv: auxvAddress,
            execFilename: execFilenameAddress, platform: platformAddress, random: randomAddress,
            bottom: bottom, top: top, auxvEntries: entries)
    }
}

/// Writes downward into the freshly mapped stack through its host memory (`memory` is guest
/// address `bottom`): the stack was just mapped read/write, and every write lands inside it
/// (sizes were checked first), so no write needs the address space's checks.
private struct StackWriter {
    let memory: UnsafeMutableRawPointer
    let bottom: GuestAddress
    var cursor: GuestAddress
    let bigEndian: Bool
    let word: UInt64

    /// Pushes `bytes` and a NUL below the cursor; returns their address.
    mutating func pushString(_ bytes: [UInt8]) -> GuestAddress {
        cursor -= UInt64(bytes.count + 1)
        writeString(bytes, at: cursor)
        return cursor
    }

    /// `bytes` and a NUL at `address`.
    func writeString(_ bytes: [UInt8], at address: GuestAddress) {
        write(bytes, at: address)
        memory.storeBytes(of: 0, toByteOffset: Int(address - bottom) + bytes.count, as: UInt8.self)
    }

    func write(_ bytes: [UInt8], at address: GuestAddress) {
        let destination = memory + Int(address - bottom)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { destination.copyMemory(from: base, byteCount: source.count) }
        }
    }

    func writeWord(_ value: UInt64, at slot: inout GuestAddress) {
        let offset = Int(slot - bottom)
        if word == 4 {
            let value = UInt32(truncatingIfNeeded: value)
            memory.storeBytes(of: bigEndian ? value.bigEndian : value.littleEndian, toByteOffset: offset, as: UInt32.self)
        } else {
            memory.storeBytes(of: bigEndian ? value.bigEndian : value.littleEndian, toByteOffset: offset, as: UInt64.self)
        }
        slot += word
    }
}
