// ELFLoader: from a program file to a guest address space ready to run.
//
// 1. `ELFFile.open(path:)` reads the ELF header and program headers through the system
//    libelf (both classes, both byte orders) and validates them: a damaged or foreign
//    file gives one `ELFError` line saying why, never a crash.
// 2. `load(_:into:loadBias:)` maps every PT_LOAD into a `GuestAddressSpace` the way
//    Linux's binfmt_elf does (ET_EXEC at its addresses, ET_DYN at a bias), zeroes bss,
//    applies p_flags protections, and sets the heap start for brk.
// 3. `InitialStack` maps the stack and lays out argc, argv, envp, auxv and their strings
//    exactly as Linux's create_elf_tables does.
//
// The dynamic linker named by PT_INTERP is opened and loaded by the caller with the same
// two calls (it is an ET_DYN file); its bias goes into AT_BASE.

import GuestMemory
import SystemPackage

/// What `load` produced: the facts the auxiliary vector and the CPU start state need.
public struct LoadedImage: Hashable, Sendable {
    /// e_entry plus the load bias.
    public var entry: GuestAddress
    /// Guest address of the program header table (AT_PHDR).
    public var programHeaders: GuestAddress
    /// e_phentsize (AT_PHENT) and e_phnum (AT_PHNUM).
    public var programHeaderEntrySize: Int
    public var programHeaderCount: Int
    /// Added to every p_vaddr: 0 for ET_EXEC.
    public var loadBias: UInt64
    /// The lowest mapped address (the first PT_LOAD's page).
    public var lowestAddress: GuestAddress
    /// One past the last byte of the highest segment (p_vaddr + p_memsz + bias). The
    /// heap (brk) starts at the next page boundary.
    public var highestAddress: GuestAddress
    /// PT_INTERP, if the program wants a dynamic linker.
    public var interpreter: String?
    /// Whether PT_GNU_STACK asks for (or its absence implies) an executable stack.
    public var executableStack: Bool

    public init(
        entry: GuestAddress, programHeaders: GuestAddress, programHeaderEntrySize: Int, programHeaderCount: Int,
        loadBias: UInt64, lowestAddress: GuestAddress, highestAddress: GuestAddress, interpreter: String?,
        executableStack: Bool
    ) {
        self.entry = entry
        self.programHeaders = programHeaders
        self.programHeaderEntrySize = programHeaderEntrySize
        self.programHeaderCount = programHeaderCount
        self.loadBias = loadBias
        self.lowestAddress = lowestAddress
        self.highestAddress = highestAddress
        self.interpreter = interpreter
        self.executableStack = executableStack
    }
}

/// The bias for ET_DYN files when the caller gives none: where Linux would put a
/// static-pie or dynamic linker in a small address space, and a 64-bit equivalent.
public func defaultLoadBase(for elfClass: ELFClass) -> GuestAddress {
    elfClass == .elf32 ? 0x0040_0000 : 0x55_5555_0000
}

/// Maps `file`'s PT_LOAD segments into `space` and sets the heap start (`setBrk`).
///
/// ET_EXEC goes at its link addresses (`loadBias` is ignored). ET_DYN goes at `loadBias`
/// (a page-aligned bias added to every p_vaddr); when nil, the lowest segment is placed at
/// `defaultLoadBase`, or wherever the space has room if that range is taken. Segment
/// contents are copied (not file-mapped), so a file changed later cannot fault the guest.
/// Everything from p_filesz to the end of the segment's last page is zero, read-only
/// segments included; protections are applied after copying.
public func load(_ file: ELFFile, into space: GuestAddressSpace, loadBias: GuestAddress?) throws(ELFError) -> LoadedImage {
    let segments = file.loadSegments.filter { $0.memorySize > 0 }
    guard let first = segments.first, let last = segments.last else {
        throw .corruptProgramHeaders(path: file.path, reason: "there is no PT_LOAD segment, so nothing to load")
    }
    let page = space.pageSize
    let low = first.virtualAddress & ~(page - 1)
    let high = last.virtualAddress &+ last.memorySize
    let bias = try chooseBias(file, space: space, low: low, high: high, requested: loadBias)

    var mappedEnd: UInt64 = 0  // end of the pages already mapped by earlier segments
    var protectedRanges: [(start: UInt64, end: UInt64, protection: Protection)] = []
    for segment in segments {
        let start = segment.virtualAddress &+ bias
        guard let (pageStart, pageEnd) = pageRange(start, segment.memorySize, page, space.size) else {
            throw .loadFailed(path: file.path, reason:
                "segment at \(hex(start)) (\(segment.memorySize) bytes) does not fit in the guest's \(space.addressBits)-bit address space")
        }
        // Segments may share a page at their boundary; map only the pages not yet mapped.
        let mapStart = max(pageStart, mappedEnd)
        if mapStart < pageEnd {
            let mapped = space.map(
                at: GuestAddress(mapStart), length: pageEnd - mapStart, protection: .readWrite,
                flags: [.fixedNoReplace, .private, .anonymous], name: file.path)
            if case let .failure(errno) = mapped {
                throw .loadFailed(path: file.path, reason: "cannot map \(hex(mapStart))..<\(hex(pageEnd)): \(describe(errno))")
            }
            mappedEnd = pageEnd
        }
        try copyContents(file, segment, to: GuestAddress(start), space: space)
        protectedRanges.append((pageStart, pageEnd, segment.protection))
    }
    // Apply protections; a page shared by two segments gets the union of both.
    for (index, range) in protectedRanges.enumerated() {
        let result = space.protect(GuestAddress(range.start), length: range.end - range.start, range.protection)
        if case let .failure(errno) = result {
            throw .loadFailed(path: file.path, reason: "mprotect \(hex(range.start)): \(describe(errno))")
        }
        if index > 0, protectedRanges[index - 1].end > range.start {
            let shared = range.start
            _ = space.protect(GuestAddress(shared), length: page, range.protection.union(protectedRanges[index - 1].protection))
        }
    }

    let end = GuestAddress(high &+ bias)
    space.setBrk(start: end)
    return LoadedImage(
        entry: GuestAddress(file.entry &+ bias),
        programHeaders: GuestAddress(programHeaderAddress(file) &+ bias),
        programHeaderEntrySize: file.programHeaderEntrySize,
        programHeaderCount: file.programHeaders.count,
        loadBias: bias,
        lowestAddress: GuestAddress(low &+ bias),
        highestAddress: end,
        interpreter: file.interpreter,
        executableStack: file.executableStack)
}

/// The page-aligned [start, end) covering `length` bytes at `start`, if inside the space.
private func pageRange(_ start: UInt64, _ length: UInt64, _ page: UInt64, _ limit: UInt64) -> (UInt64, UInt64)? {
    let (end, overflow) = start.addingReportingOverflow(length)
    guard !overflow, end <= limit else { return nil }
    return (start & ~(page - 1), min(limit, (end &+ page &- 1) & ~(page - 1)))
}

/// Copies p_filesz bytes and zeroes the rest of the segment's last file page.
private func copyContents(_ file: ELFFile, _ segment: ProgramHeader, to start: GuestAddress, space: GuestAddressSpace) throws(ELFError) {
    let page = space.pageSize
    let fileEnd = start + segment.fileSize
    let zeroEnd = min(start + segment.memorySize, fileEnd.roundedUp(to: page) ?? fileEnd)
    guard let destination = space.pointer(to: start, length: zeroEnd - start, access: .write) else {
        throw .loadFailed(path: file.path, reason: "segment at \(start) is not writable after mapping")
    }
    let complete: Bool
    do { complete = try file.source.copy(offset: segment.offset, count: Int(segment.fileSize), to: destination) } catch {
        throw .readFailed(path: file.path, errno: error)
    }
    guard complete else { throw .truncated(path: file.path, detail: "the file shrank while it was being loaded") }
    // Fresh anonymous pages are zero already; this also clears the tail of a page that an
    // earlier segment shared, exactly as Linux's padzero does.
    (destination + Int(segment.fileSize)).initializeMemory(as: UInt8.self, repeating: 0, count: Int(zeroEnd - fileEnd))
}

/// The bias for `file`: 0 for ET_EXEC; the caller's, or a free place, for ET_DYN.
private func chooseBias(
    _ file: ELFFile, space: GuestAddressSpace, low: UInt64, high: UInt64, requested: GuestAddress?
) throws(ELFError) -> UInt64 {
    guard file.type == .sharedObject else { return 0 }
    let page = space.pageSize
    if let requested {
        guard requested.isAligned(to: page) else {
            throw .loadFailed(path: file.path, reason: "load bias \(requested) is not page aligned")
        }
        return requested.rawValue
    }
    // Find room for the whole span (aligned to the largest p_align), like Linux's
    // total_mapping_size reservation, then release it for the per-segment mappings.
    let alignment = file.loadSegments.map(\.alignment).filter { $0.nonzeroBitCount == 1 }.reduce(page, max)
    guard alignment <= 1 << 30 else {
        throw .corruptProgramHeaders(path: file.path, reason: "p_align \(hex(alignment)) is absurd")
    }
    let span = ((high &- low) &+ page &- 1) & ~(page - 1)
    let hint = defaultLoadBase(for: file.elfClass)
    let placed = space.map(
        at: hint, length: span &+ alignment, protection: [], flags: [.private, .anonymous, .noReserve])
    guard case let .success(start) = placed else {
        throw .loadFailed(path: file.path, reason: "no room for \(span) bytes in the guest address space")
    }
    _ = space.unmap(start, length: span &+ alignment)
    let aligned = start.roundedUp(to: alignment) ?? start
    return aligned.rawValue &- low
}

/// Where the program headers are in memory, before bias: PT_PHDR, else inside the
/// PT_LOAD that contains the table's file bytes, else (as Linux does) the first PT_LOAD's
/// address for file offset e_phoff.
private func programHeaderAddress(_ file: ELFFile) -> UInt64 {
    if let phdr = file.programHeaders.first(where: { $0.type == ProgramHeader.phdr }) { return phdr.virtualAddress }
    let tableSize = UInt64(file.programHeaders.count * file.programHeaderEntrySize)
    let offset = file.programHeaderOffset
    for segment in file.loadSegments
    where segment.offset <= offset && offset &+ tableSize <= segment.offset &+ segment.fileSize {
        return segment.virtualAddress &+ (offset &- segment.offset)
    }
    guard let first = file.loadSegments.first else { return offset }
    return first.virtualAddress &- first.offset &+ offset
}

private func describe(_ errno: Errno) -> String {
    switch errno {
    case .fileExists: return "the range is already in use"
    case .noMemory: return "no room in the guest address space"
    case .notPermitted: return "below the lowest address programs may use (mmap_min_addr)"
    default: return "\(errno)"
    }
}
