// What /proc/self shows about the guest that only start-up knew: the auxiliary vector as the
// loader wrote it, where argv and envp strings lie, the image's code and data ranges, the
// initial stack pointer (the fields the kernel keeps in mm_struct and saved_auxv), and the
// file-backed ranges of guest memory, kept current by mmap, munmap and mremap.

import ELFLoader
import Glibc
import Host
import GuestMemory

/// The kernel's mm_struct facts for the guest image (fs/binfmt_elf.c: load_elf_binary and
/// create_elf_tables), in guest addresses.
struct StartupFacts: Sendable {
    /// saved_auxv: the pairs in the guest's word size and byte order, AT_NULL included.
    var auxv: [UInt8] = []
    /// [argStart, argEnd) holds the argv strings, [envStart, envEnd) the environment's;
    /// envStart == argEnd, as the kernel sets them.
    var argStart: UInt64 = 0, argEnd: UInt64 = 0
    var envStart: UInt64 = 0, envEnd: UInt64 = 0
    /// Lowest p_vaddr and highest p_vaddr + p_filesz of executable segments; highest p_vaddr
    /// and highest p_vaddr + p_filesz of any segment (the kernel's start_data/end_data).
    var startCode: UInt64 = 0, endCode: UInt64 = 0
    var startData: UInt64 = 0, endData: UInt64 = 0
    /// The initial stack pointer (the address of argc).
    var startStack: UInt64 = 0
}

final class ProcState: Sendable {
    let startup: StartupFacts
    /// The sysroot as given and resolved: paths under it are shown without it.
    let sysrootPrefixes: [String]
    let fileMappings = HostMutex(FileMappingTable())

    init(startup: StartupFacts = StartupFacts(), sysroot: String? = nil) {
        self.startup = startup
        var prefixes: [String] = []
        if let sysroot, !sysroot.isEmpty {
            var trimmed = sysroot
            while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
            if trimmed != "/" {
                prefixes.append(trimmed)
                if let resolved = realpath(trimmed, nil) {
                    let r = String(cString: resolved)
                    free(resolved)
                    if r != trimmed && r != "/" { prefixes.append(r) }
                }
            }
        }
        sysrootPrefixes = prefixes
    }

    /// A host path as the guest sees it: a path inside the sysroot loses the sysroot prefix.
    func guestView(ofHostPath path: String) -> String {
        for prefix in sysrootPrefixes where path.hasPrefix(prefix + "/") {
            return String(path.dropFirst(prefix.count))
        }
        return path
    }

    /// Records the PT_LOAD file ranges of a loaded image: the pages each segment's file bytes
    /// cover, at the segment's page-aligned file offset. The bss beyond them stays anonymous.
    func recordImage(_ file: ELFFile, bias: UInt64, hostPath: String, pageSize: UInt64) {
        let (device, inode) = Self.identity(ofPath: hostPath)
        let path = guestView(ofHostPath: hostPath)
        fileMappings.withLock { table in
            for segment in file.loadSegments where segment.fileSize > 0 {
                let start = (segment.virtualAddress &+ bias) & ~(pageSize - 1)
                let fileEnd = segment.virtualAddress &+ bias &+ segment.fileSize
                let end = (fileEnd &+ pageSize &- 1) & ~(pageSize - 1)
                guard end > start else { continue }
                table.insert(FileMapping(start: start, end: end, path: path, offset: segment.offset & ~(pageSize - 1),
                                         device: device, inode: inode))
            }
        }
    }

    /// (st_dev, st_ino) of a path, (0, 0) when it cannot be stat'ed.
    static func identity(ofPath path: String) -> (UInt64, UInt64) {
        var st = stat()
        guard fstatat(AT_FDCWD, path, &st, 0) == 0 else { return (0, 0) }
        return (UInt64(st.st_dev), UInt64(st.st_ino))
    }

    /// (st_dev, st_ino) of a descriptor.
    static func identity(ofDescriptor fd: Int32) -> (UInt64, UInt64)? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        return (UInt64(st.st_dev), UInt64(st.st_ino))
    }
}

extension StartupFacts {
    /// The facts for an image loaded at `bias` whose stack `build` laid out as `layout`.
    init(file: ELFFile, bias: UInt64, layout: StackLayout, space: GuestAddressSpace, wordSize: Int, bigEndian: Bool) {
        var startCode = UInt64.max, endCode: UInt64 = 0, startData: UInt64 = 0, endData: UInt64 = 0
        for segment in file.loadSegments {
            let start = segment.virtualAddress &+ bias, end = start &+ segment.fileSize
            let executable = segment.flags & ProgramHeader.executeFlag != 0
            if executable { startCode = min(startCode, start); endCode = max(endCode, end) }
            startData = max(startData, start)
            endData = max(endData, end)
        }
        self.startCode = startCode == .max ? 0 : startCode
        self.endCode = endCode
        self.startData = startData
        self.endData = endData
        startStack = layout.stackPointer.rawValue
        auxv = Self.serialize(layout.auxvEntries.map { ($0.type.rawValue, $0.value) }, wordSize: wordSize, bigEndian: bigEndian)

        // The strings lie back to back, argv's first: the ends come from the last pointer of
        // each array and the string there.
        func word(_ address: GuestAddress) -> UInt64? {
            wordSize == 4 ? space.load(UInt32.self, at: address, bigEndian: bigEndian).map(UInt64.init)
                : space.load(UInt64.self, at: address, bigEndian: bigEndian)
        }
        func stringsRange(_ array: GuestAddress, count: Int) -> (UInt64, UInt64)? {
            guard count > 0, let first = word(array),
                  let last = word(array + UInt64((count - 1) * wordSize)),
                  let string = space.readCString(at: GuestAddress(last), maxLength: 1 << 20)
            else { return nil }
            return (first, last &+ UInt64(string.count) &+ 1)
        }
        var environmentCount = 0
        while let p = word(layout.envp + UInt64(environmentCount * wordSize)), p != 0 { environmentCount += 1 }
        let arguments = stringsRange(layout.argv, count: layout.argc)
        let environment = stringsRange(layout.envp, count: environmentCount)
        argStart = arguments?.0 ?? environment?.0 ?? 0
        argEnd = arguments?.1 ?? argStart
        envStart = argEnd
        envEnd = environment?.1 ?? envStart
    }

    /// Auxiliary-vector pairs as words of the guest's size and byte order.
    static func serialize(_ entries: [(type: UInt64, value: UInt64)], wordSize: Int, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 2 * wordSize)
        func put(_ value: UInt64) {
            for i in 0..<wordSize {
                let shift = bigEndian ? (wordSize - 1 - i) * 8 : i * 8
                bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            }
        }
        for entry in entries {
            put(entry.type)
            put(entry.value)
        }
        return bytes
    }
}
